/**
 * Entry point of the `hexcast` command: parses the sub-command and returns the exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  process.stderr.write(`hexcast: no commands yet (${argv.join(' ')})\n`);
  return 2;
}
