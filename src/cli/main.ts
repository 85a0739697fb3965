import { escapeTerminal } from '../lib/base/escape-terminal';
import { errorCodeOf, HexcastError } from '../lib/base/hexcast-error';
import { HELP, VERSION } from './help';
import { cliErrorMessage } from './load-warnings';
import { UsageError } from './usage-error';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const;

type Command = (argv: string[], signal: AbortSignal) => Promise<void>;

/**
 * Each sub-command's module, imported only when that command runs: `hexcast bin` then loads the
 * loading and binning code and not the report renderer, d3 or the model zoo (module compile and
 * start-up are a fixed cost of every run).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./inspect-command')).inspectCommand,
  bin: async () => (await import('./bin-command')).binCommand,
  backtest: async () => (await import('./backtest-command')).backtestCommand,
  report: async () => (await import('./report-command')).reportCommand,
  models: async () => (await import('./models-command')).modelsCommand,
  'check-claim': async () => (await import('./check-claim-command')).checkClaimCommand,
  leakage: async () => (await import('./leakage-command')).leakageCommand,
  'check-model': async () => (await import('./check-model-command')).checkModelCommand,
  fit: async () => (await import('./fit-command')).fitCommand,
};

/**
 * Entry point of the `hexcast` command: runs a sub-command and returns the exit code —
 * 0 success, 1 the work failed (bad data, a model error; one line on stderr says why, ending
 * with the error's code in parentheses when it has one, e.g. "(column-missing)"),
 * 2 the command was called wrongly, 130 interrupted (Ctrl-C).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`hexcast ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`hexcast: unknown command '${escapeTerminal(command)}' (commands: ${Object.keys(COMMANDS).join(', ')}; see hexcast --help)\n`);
    return EXIT.usage;
  }
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    const run = await load();
    await run(rest, controller.signal);
    return EXIT.ok;
  } catch (error) {
    if (controller.signal.aborted || (error instanceof Error && error.name === 'AbortError')) {
      process.stderr.write('\nhexcast: cancelled\n');
      return EXIT.cancelled;
    }
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = cliErrorMessage(error); // a remedy named in the core's neutral words, as the flag
    const code = error instanceof HexcastError ? ` (${error.code})` : '';
    // A message quotes file, column and category names: their control characters are shown, not obeyed.
    process.stderr.write(`hexcast ${command}: ${escapeTerminal(message.split('\n')[0])}${code}\n`);
    if (usage) {
      process.stderr.write(`see 'hexcast ${command} --help'\n`);
      return EXIT.usage;
    }
    if (errorCodeOf(error) === 'internal' && !(error instanceof RangeError) && process.env.HEXCAST_DEBUG) {
      process.stderr.write(`${(error as Error).stack}\n`);
    }
    return EXIT.failed;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
