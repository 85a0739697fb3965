import { HexcastError } from '../base/hexcast-error';

/**
 * The backtest protocol: a serialisable object that, with the data, fixes every number in a
 * report. It goes into the report and the app's URL unchanged.
 *
 * Vocabulary (as in statsforecast / Darts cross-validation): fold k has a cutoff (the number
 * of periods available for training); the model forecasts the `horizon` periods after it.
 * Cutoffs step back from the end of the panel by `step`.
 */
export interface Protocol {
  readonly version: 1;
  /** Periods forecast after each cutoff (h ≥ 1). */
  readonly horizon: number;
  /** Number of cutoffs (n ≥ 1), or 'auto': as many as fit, at most DEFAULT_FOLDS (`fitToPanel`). */
  readonly folds: number | 'auto';
  /** Periods between consecutive cutoffs (s ≥ 1). */
  readonly step: number;
  /** 'expanding' trains on everything before the cutoff; a number K, on the last K periods only. */
  readonly window: 'expanding' | number;
  /** Re-estimate learned parameters every r folds; in between, models are only updated with new data. */
  readonly refitEvery: number;
  /** Final training periods reserved for early stopping and tuning (never the test span). */
  readonly validation: number;
  /** Coverage levels for hotspot metrics, as fractions of the study area, ascending. */
  readonly coverage: readonly number[];
  readonly seed: number;
}

/** A protocol whose fold count is settled (by the user, or by `fitToPanel` from 'auto'): what a run uses. */
export type ResolvedProtocol = Protocol & { readonly folds: number };

/** Folds that 'auto' aims for: half a year of weekly cutoffs. */
export const DEFAULT_FOLDS = 26;

/** A sensible default: 1-step forecasts over up to 26 folds ('auto'), hotspot metrics at 1 %, 5 % and 10 %. */
export const DEFAULT_PROTOCOL: Protocol = {
  version: 1,
  horizon: 1,
  folds: 'auto',
  step: 1,
  window: 'expanding',
  refitEvery: 1,
  validation: 8,
  coverage: [0.01, 0.05, 0.1],
  seed: 42,
};

/**
 * Validates a partial protocol, fills defaults, and returns a complete one; throws a
 * message naming the field and the value otherwise.
 * A whole-number `folds` gives a `ResolvedProtocol`; absent or 'auto' is settled by `fitToPanel`.
 * @example protocolOf({ horizon: 4, folds: 10 }).step // → 1
 */
export function protocolOf<T extends Partial<Protocol>>(input: T): T extends { folds: number } ? ResolvedProtocol : Protocol;
export function protocolOf(input: Partial<Protocol>): Protocol {
  const p = { ...DEFAULT_PROTOCOL, ...input, version: 1 as const };
  positiveInteger('horizon', p.horizon);
  if (p.folds !== 'auto') positiveInteger('folds', p.folds);
  positiveInteger('step', p.step);
  positiveInteger('refitEvery', p.refitEvery);
  if (!Number.isInteger(p.validation) || p.validation < 0) {
    throw new HexcastError('protocol-invalid', `protocol.validation must be an integer ≥ 0 (periods), got ${p.validation}`, { field: 'protocol.validation' });
  }
  if (p.window !== 'expanding') positiveInteger('window', p.window);
  if (!Number.isInteger(p.seed)) throw new HexcastError('protocol-invalid', `protocol.seed must be an integer, got ${p.seed}`, { field: 'protocol.seed' });
  if (!Array.isArray(p.coverage) || p.coverage.length === 0) {
    throw new HexcastError('protocol-invalid', 'protocol.coverage must list at least one coverage level, e.g. [0.01, 0.05]', { field: 'protocol.coverage' });
  }
  for (const c of p.coverage) {
    if (!(c > 0 && c <= 1)) throw new HexcastError('protocol-invalid', `protocol.coverage levels must lie in (0, 1], got ${c}`, { field: 'protocol.coverage' });
  }
  const coverage = [...new Set(p.coverage)].sort((a, b) => a - b);
  return { ...p, coverage };
}

/**
 * Cutoffs for a panel of `periods` periods: the last one leaves exactly `horizon` periods to
 * forecast, and each earlier one is `step` periods before the next. Returned ascending, as
 * period indexes (= number of periods available for training).
 * @example cutoffsOf(100, protocolOf({ horizon: 2, folds: 3, step: 4 })) // → [90, 94, 98]
 */
export function cutoffsOf(periods: number, protocol: ResolvedProtocol): number[] {
  const last = periods - protocol.horizon;
  const out: number[] = [];
  for (let k = protocol.folds - 1; k >= 0; k--) out.push(last - k * protocol.step);
  return out;
}

/**
 * First training period of the fold with this cutoff: 0 for an expanding window,
 * `cutoff − window` for a sliding one.
 */
export function windowStart(cutoff: number, protocol: Protocol): number {
  return protocol.window === 'expanding' ? 0 : Math.max(0, cutoff - protocol.window);
}

/** What the fit check needs of a model: its name, `minHistory`, and whether it reserves a validation span. */
export interface ModelNeed {
  readonly name: string;
  readonly minHistory: number;
  readonly usesValidation?: boolean;
}

/**
 * Training periods a model needs at a fold: `minHistory`, plus the protocol's validation span
 * only for a model that uses one (`usesValidation`); baselines never do.
 * @example trainingNeed({ name: 'naive', minHistory: 1 }, 8) // → 1
 * @example trainingNeed({ name: 'poisson-glm', minHistory: 12, usesValidation: true }, 8) // → 20
 */
export function trainingNeed(model: ModelNeed, validation: number): number {
  return model.minHistory + (model.usesValidation ? validation : 0);
}

/** "needs 12 training periods plus 8 for validation" (the validation part only for models that use it). */
export function needText(model: ModelNeed, validation: number): string {
  return `needs ${model.minHistory} training periods${model.usesValidation ? ` plus ${validation} for validation` : ''}`;
}

/**
 * Throws a clear, up-front error when a panel of `periods` periods cannot support the
 * protocol for models needing `trainingNeed` training periods (with the names of the models
 * that need the most).
 */
export function assertProtocolFits(periods: number, protocol: ResolvedProtocol, models: readonly ModelNeed[]): void {
  const cutoffs = cutoffsOf(periods, protocol);
  const first = cutoffs[0];
  const firstSpan = first - windowStart(first, protocol);
  if (first < 1) {
    const needed = protocol.horizon + (protocol.folds - 1) * protocol.step + 1;
    throw new HexcastError(
      'panel-too-short',
      `The panel has ${periods} periods; ${protocol.folds} folds of horizon ${protocol.horizon} stepping by ${protocol.step} need at least ${needed}`,
    );
  }
  for (const model of models) {
    if (firstSpan < trainingNeed(model, protocol.validation)) {
      throw new HexcastError(
        'history-too-short',
        `Model '${model.name}' ${needText(model, protocol.validation)}, ` +
          `but the first fold has only ${firstSpan} (cutoff at period ${first} of ${periods}); use fewer folds, a shorter horizon or a longer window`,
      );
    }
  }
}

function positiveInteger(field: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new HexcastError('protocol-invalid', `protocol.${field} must be a whole number ≥ 1, got ${String(value)}`, { field: `protocol.${field}` });
  }
}
