/** Shared helpers of the benchmarks: timing, memory, and the one-line JSON result protocol. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Path of a file in the shared real data, next to the repository. */
export function sharedData(name: string): string {
  return new URL(`../../shared/data/${name}`, import.meta.url).pathname;
}

/** Reads a shared data file, failing with a clear message when ../shared is not beside the repo. */
export function readShared(name: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(sharedData(name)));
  } catch {
    throw new Error(`benchmarks need ../shared/data/${name} beside the repository`);
  }
}

/** Milliseconds taken by `work` (awaited). */
export async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints a benchmark's result as one JSON line prefixed for the runner to pick up. */
export function emit(result: Record<string, unknown>): void {
  process.stdout.write(`BENCH ${JSON.stringify({ ...result, peakRssMb: Math.round(peakRssMb()) })}\n`);
}

/** What `timedProcess` measured: CPU (user + system) and wall in seconds, peak RSS in MiB. */
export interface Run {
  readonly cpu: number;
  readonly wall: number;
  readonly rssMb: number;
}

/** One Node process (`args` after the executable) under /usr/bin/time: CPU (user + sys) and wall in seconds, peak RSS in MiB. */
export function timedProcess(args: string[], env: Record<string, string> = {}): Run {
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
