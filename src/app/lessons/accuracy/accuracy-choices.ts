import { bandOf, type GuessBand } from '../lesson-query';
/** The five scores the accuracy lesson sets side by side, in the order of its table. */
export const ACCURACY_METRICS = [
  { id: 'accuracy', label: 'Accuracy', means: 'share of cell-periods classified right (flag = “at least one incident”)' },
  { id: 'hitRate', label: 'Hit rate', means: 'share of incidents in the flagged cells' },
  { id: 'precision', label: 'Precision', means: 'share of flagged cells that had an incident' },
  { id: 'pai', label: 'PAI', means: 'hit rate ÷ share of area flagged (1 = chance)' },
  { id: 'auc', label: 'AUC', means: 'chance a cell with an incident is ranked above an empty one (0.5 = chance)' },
] as const;

/** A metric's id. */
export type AccuracyMetricId = (typeof ACCURACY_METRICS)[number]['id'];

/** Bands for "what does flagging nothing score on accuracy?". */
export const NOTHING_GUESSES: readonly GuessBand[] = [
  { label: 'about 0 % (it never flags a crime)', low: 0, high: 0.25 },
  { label: 'about 50 %', low: 0.25, high: 0.65 },
  { label: 'about 75 %', low: 0.65, high: 0.85 },
  { label: 'about 90 %', low: 0.85, high: 0.95 },
  { label: 'over 95 %', low: 0.95, high: 1.01 },
];

/**
 * The index of the band of `NOTHING_GUESSES` that `value` falls in.
 * @example nothingBand(0.97) // → 4 ('over 95 %')
 */
export function nothingBand(value: number): number {
  return bandOf(NOTHING_GUESSES, value);
}

/**
 * The metric with the largest value among those given (ties to the first): the number a vendor
 * would be tempted to quote. PAI is left out: it is not a share, so "the biggest" compares shares only.
 * @example flattering({ accuracy: 0.95, hitRate: 0.2, precision: 0.3, pai: 4, auc: 0.8 }) // → 'accuracy'
 */
export function flattering(values: Readonly<Record<AccuracyMetricId, number>>): AccuracyMetricId {
  let best: AccuracyMetricId = 'accuracy';
  for (const id of ['accuracy', 'hitRate', 'precision', 'auc'] as const) if (values[id] > values[best]) best = id;
  return best;
}
