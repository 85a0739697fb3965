import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

/**
 * Parses a command's flags with Node's util.parseArgs, strict, turning its errors into UsageErrors.
 * Every command accepts `--help`/`-h`; positionals are allowed.
 * @example parseFlags(['--res', '8', 'a.arrow'], { res: { type: 'string' } }) // → { values: { res: '8' }, positionals: ['a.arrow'] }
 */
export function parseFlags<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
