/** Bytes of input files from which the command is run again with glibc's huge pages. */
export const HUGE_INPUT_BYTES: number;
/** Flags whose value names a file the command writes (`--out`, `--md`, …): never counted as input. */
export const OUTPUT_FLAGS: readonly string[];
/** The glibc tunable that turns huge pages on for malloc's big allocations. */
export const HUGETLB_TUNABLE: string;
/** The environment to run the command again with (huge pages on), or null to run it in this process. */
export function hugePagesEnv(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: string,
  sizeOf?: (path: string) => number,
  execArgv?: readonly string[],
): NodeJS.ProcessEnv | null;
/** Runs `script argv…` again in a child Node with `env`, sharing stdio and passing SIGTERM on; resolves with its exit code, rejects when it cannot start. */
export function runWithHugePages(script: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number>;
