/** Builds the `hexcast` bundle into `outdir` (default dist-cli/) and returns the source files it was built from. */
export function buildCli(outdir?: string): Promise<string[]>;
