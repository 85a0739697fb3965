import { errorCodeOf } from '../lib/base/hexcast-error';
import { protocolOf, type Protocol } from '../lib/evaluate/protocol';
import { UsageError } from './usage-error';

/** The protocol the protocol flags ask for (defaults filled); a bad value is a usage error naming its flag. */
export function protocolFromFlags(values: Record<string, string | boolean | string[] | undefined>): Protocol {
  const int = (flag: string): number | undefined => {
    const text = values[flag];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n)) throw new UsageError(`--${flag} must be a whole number, got '${text}'`);
    return n;
  };
  const window = values.window === undefined || values.window === 'expanding' ? 'expanding' : int('window');
  const coverage = typeof values.coverage === 'string' ? values.coverage.split(',').map((c) => Number(c.trim())) : undefined;
  const given = {
    horizon: int('horizon'),
    folds: values.folds === 'auto' ? ('auto' as const) : int('folds'),
    step: int('step'),
    refitEvery: int('refit'),
    validation: int('validation'),
    seed: int('seed'),
    window,
    coverage,
  };
  try {
    return protocolOf(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^protocol\./, '--'), { code: errorCodeOf(error), field: (error as { field?: string }).field });
  }
}
