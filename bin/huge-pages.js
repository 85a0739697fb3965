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

/** Flags whose value names a file the command writes (`--out`, `--md`, …): never counted as input. */
export const OUTPUT_FLAGS = ['--out', '--md', '--html', '--forecasts'];

/** The glibc tunable that makes malloc back its big mmap'd allocations with transparent huge pages. */
export const HUGETLB_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * The environment to run the command again with, or null to run it in this process: non-null
 * only on Linux, when the tunable is not set yet (so the second start never starts a third), not
 * turned off (HEXCAST_HUGE_PAGES=off), no debugger asked for (`--inspect…` in `execArgv` or
 * NODE_OPTIONS), and the arguments that name existing files (not the value of an output flag,
 * `OUTPUT_FLAGS`) add up to at least `HUGE_INPUT_BYTES`. Keeps any other GLIBC_TUNABLES the user set (colon-separated).
 * @param {readonly string[]} argv the command's arguments
 * @param {NodeJS.ProcessEnv} env
 * @param {string} platform
 * @param {(path: string) => number} sizeOf bytes of a file, 0 for anything else
 * @param {readonly string[]} execArgv Node's own options for this process
 * @returns {NodeJS.ProcessEnv | null}
 * @example hugePagesEnv(['bin', 'chicago.arrow', '--res', '8'], {}, 'linux', () => 69_255_466) // → { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' }
 */
export function hugePagesEnv(argv, env, platform, sizeOf = fileSize, execArgv = []) {
  if (platform !== 'linux' || env.HEXCAST_HUGE_PAGES === 'off' || (env.GLIBC_TUNABLES ?? '').includes('glibc.malloc.hugetlb')) return null;
  // A debugger attached to this process would find the work done in another (and a second --inspect collides on the port).
  if ([...execArgv, env.NODE_OPTIONS ?? ''].some((option) => option.includes('--inspect'))) return null;
  let bytes = 0;
  for (const [i, arg] of argv.entries()) {
    // A file the command will write (an --out that exists from an earlier run) is no input.
    if (!arg.startsWith('-') && !OUTPUT_FLAGS.includes(argv[i - 1])) bytes += sizeOf(arg);
  }
  if (bytes < HUGE_INPUT_BYTES) return null;
  const tunables = env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${HUGETLB_TUNABLE}` : HUGETLB_TUNABLE;
  return { ...env, GLIBC_TUNABLES: tunables };
}

/**
 * A regular file's size in bytes; 0 for anything else: a directory, a missing path, a flag's value
 * that is no path at all (a WKT string passed to --crs is longer than a file name may be), a path
 * through a file or one that cannot be read — the command itself then reports what is wrong.
 */
function fileSize(path) {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `script argv…` again in a child Node with `env`, sharing this process's stdin, stdout and
 * stderr, and resolves with its exit code; rejects when the child cannot be started (the caller
 * then runs the command itself). SIGTERM sent to this process is passed on. SIGINT and SIGHUP come
 * from the terminal to its whole foreground process group, the child included, so they are not
 * passed on (a second SIGINT would end the child before its cancel handler had written its
 * output): this process only waits for the child. Should this process die without passing
 * anything on (SIGKILL, out of memory), the child ends too (`endWithParent`). A child ended by a signal ends this process by
 * the same signal, so callers (shells, test harnesses) see what they would have seen from one process.
 * @param {string} script
 * @param {readonly string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
export function runWithHugePages(script, argv, env) {
  // The IPC channel is how the child learns that this process has gone, even by SIGKILL (`endWithParent`).
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...env, [SECOND_START]: '1' },
  });
  const pass = () => child.kill('SIGTERM');
  const wait = () => {};
  process.on('SIGTERM', pass);
  process.on('SIGINT', wait);
  process.on('SIGHUP', wait);
  const detach = () => {
    process.off('SIGTERM', pass);
    process.off('SIGINT', wait);
    process.off('SIGHUP', wait);
  };
  let started = false;
  child.once('spawn', () => (started = true));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      if (started) return; // a failed kill: the child's exit still comes
      detach();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      detach();
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}

/** Set by `runWithHugePages` in its child's environment: this process is the second start. */
export const SECOND_START = 'HEXCAST_SECOND_START';

/**
 * In the second start (a child of `runWithHugePages`, which marks it with `SECOND_START` and opens
 * an IPC channel to it): ends this process by SIGTERM once the parent has gone — its end of the
 * channel closes however it died, so a parent killed by SIGKILL leaves no command running on
 * unseen. Does nothing in any other process: a hexcast started by a user's own `fork()` (pm2, a
 * test runner) has a channel too, and its parent may disconnect on purpose. The channel does not
 * keep this process alive.
 */
export function endWithParent() {
  if (process.env[SECOND_START] !== '1' || !process.channel) return;
  delete process.env[SECOND_START]; // not passed on to anything this process starts
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
