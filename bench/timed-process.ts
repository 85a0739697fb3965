import { spawnSync } from 'node:child_process';

/** One process's cost as /usr/bin/time measures it. */
export interface ProcessRun {
  /** User + system CPU, seconds. */
  readonly cpu: number;
  /** Wall time, seconds. */
  readonly wall: number;
  /** Peak resident memory, MiB. */
  readonly rssMb: number;
}

/**
 * Runs `node ARGS…` under /usr/bin/time and returns its CPU (user + system) and wall time in
 * seconds and its peak RSS in MiB; a failed process throws with its stderr.
 * @example timedProcess(['bench/plain-h3-loop.mjs', file]).wall // → 3.4
 */
export function timedProcess(args: string[], env: Record<string, string> = {}): ProcessRun {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %e %M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  const [user, sys, wall, kb] = run.stderr
    .split('\n')
    .find((l) => l.startsWith('TIME '))!
    .slice(5)
    .split(' ')
    .map(Number);
  return { cpu: user + sys, wall, rssMb: kb / 1024 };
}
