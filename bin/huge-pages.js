// Transparent huge pages for the `hexcast` command's big arrays. A command reading tens of
// megabytes allocates hundreds of megabytes of fresh typed arrays (the record batches, decoded
// columns, hash tables, the panel), and every 4 KiB page of them is faulted in on first touch: on
// this project's 2-core VM about 2.7 ms a MiB (`hexcast bin` on Chicago: 80,000 faults, close to
// a second of its CPU). glibc (2.35+) asks the kernel for 2 MiB pages for its big allocations —
// Node's ArrayBuffers among them — when started with GLIBC_TUNABLES=glibc.malloc.hugetlb=1, and a
// tunable can only be set before the process starts. So for inputs of `HUGE_INPUT_BYTES` or more
// on Linux, bin/hexcast.js runs itself once more with it set (`hugePagesEnv`), forwarding
// stdio, signals and the exit status (`runWithHugePages`). Other C libraries ignore the variable.
// HEXCAST_HUGE_PAGES=off keeps one process (and the 4 KiB pages). Plain JavaScript: it runs
// before anything is compiled.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';

/** Bytes of input files from which the command is worth a second start (about 50 ms) for huge pages. */
export const HUGE_INPUT_BYTES = 32 << 20;

/** The glibc tunable that makes malloc back its big mmap'd allocations with transparent huge pages. */
export const HUGETLB_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * The environment to run the command again with, or null to run it in this process: non-null
 * only on Linux, when the tunable is not set yet (so the second start never starts a third), not
 * turned off (HEXCAST_HUGE_PAGES=off), and the arguments that name existing files add up to at
 * least `HUGE_INPUT_BYTES`. Keeps any other GLIBC_TUNABLES the user set (colon-separated).
 * @param {readonly string[]} argv the command's arguments
 * @param {NodeJS.ProcessEnv} env
 * @param {string} platform
 * @param {(path: string) => number} sizeOf bytes of a file, 0 for anything else
 * @returns {NodeJS.ProcessEnv | null}
 * @example hugePagesEnv(['bin', 'chicago.arrow', '--res', '8'], {}, 'linux', () => 69_255_466) // → { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' }
 */
export function hugePagesEnv(argv, env, platform, sizeOf = fileSize) {
  if (platform !== 'linux' || env.HEXCAST_HUGE_PAGES === 'off' || (env.GLIBC_TUNABLES ?? '').includes('glibc.malloc.hugetlb')) return null;
  let bytes = 0;
  for (const arg of argv) if (!arg.startsWith('-')) bytes += sizeOf(arg);
  if (bytes < HUGE_INPUT_BYTES) return null;
  const tunables = env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${HUGETLB_TUNABLE}` : HUGETLB_TUNABLE;
  return { ...env, GLIBC_TUNABLES: tunables };
}

/** A regular file's size in bytes; 0 for a directory, a missing path or a flag's value that is not a file. */
function fileSize(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  return info?.isFile() ? info.size : 0;
}

/**
 * Runs `script argv…` again in a child Node with `env`, sharing this process's stdin, stdout and
 * stderr, and resolves with its exit code. SIGINT, SIGTERM and SIGHUP sent to this process are
 * passed on; a child ended by a signal ends this process by the same signal, so callers (shells,
 * test harnesses) see what they would have seen from one process.
 * @param {string} script
 * @param {readonly string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
export function runWithHugePages(script, argv, env) {
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const pass = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, pass);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
