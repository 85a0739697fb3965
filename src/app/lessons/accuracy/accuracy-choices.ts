import type { GuessBand } from '../../../lib/lessons/guess-bands';

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

/**
 * The choices for "what does flagging nothing score on accuracy?", each up to its upper edge
 * `below`; `bandOf(NOTHING_GUESSES, accuracy)` is the right one. The link keeps a choice's position in this list.
 */
export const NOTHING_GUESSES = [
  { id: 'about-0', label: 'about 0 % (it never flags a crime)', below: 0.25 },
  { id: 'about-50', label: 'about 50 %', below: 0.65 },
  { id: 'about-75', label: 'about 75 %', below: 0.85 },
  { id: 'about-90', label: 'about 90 %', below: 0.95 },
  { id: 'over-95', label: 'over 95 %', below: Infinity },
] as const satisfies readonly GuessBand[];

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
