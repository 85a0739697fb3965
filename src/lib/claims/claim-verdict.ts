import type { FoldInterval } from '../evaluate/uncertainty';

/** Where a claim stands (see `CLAIM_VERDICT_RULE`). */
export type ClaimVerdictKind = 'impossible' | 'beats-baselines' | 'consistent' | 'below-baselines' | 'undefined';

/** The verdict rule, in the one sentence every answer quotes. */
export const CLAIM_VERDICT_RULE =
  "Under the claim's own terms, a claimed value above the upper 95 % bound of the hindsight ceiling is impossible on this data, " +
  "above the upper bound of the best baseline's interval it beats the baselines, below the lower bound it falls short of them, " +
  'and otherwise it is consistent with the baselines (a simple baseline achieves as much); when the claim states no value, or a ' +
  'term it leaves open (metric, area, period length, cell size) changes that verdict, the verdict is undefined and names what it needs.';

/**
 * The verdict for a claimed value on one metric (higher is better) against the best baseline's
 * interval and the hindsight ceiling's, following `CLAIM_VERDICT_RULE`. A bound that is NaN
 * (too few folds for an interval) falls back to the mean.
 * @example claimVerdict(0.4, { mean: 0.2, lo: 0.18, hi: 0.22 }, { mean: 0.35, lo: 0.33, hi: 0.37 }) // → 'impossible'
 */
export function claimVerdict(
  value: number,
  best: Pick<FoldInterval, 'mean' | 'lo' | 'hi'>,
  ceiling: Pick<FoldInterval, 'mean' | 'lo' | 'hi'>,
): Exclude<ClaimVerdictKind, 'undefined'> {
  const upper = (i: Pick<FoldInterval, 'mean' | 'hi'>) => (Number.isNaN(i.hi) ? i.mean : i.hi);
  const lower = (i: Pick<FoldInterval, 'mean' | 'lo'>) => (Number.isNaN(i.lo) ? i.mean : i.lo);
  if (value > upper(ceiling)) return 'impossible';
  if (value > upper(best)) return 'beats-baselines';
  if (value < lower(best)) return 'below-baselines';
  return 'consistent';
}

/** Short labels of the verdicts, for tables and badges. */
export const CLAIM_VERDICT_LABELS: Readonly<Record<ClaimVerdictKind, string>> = {
  impossible: 'above the hindsight ceiling: impossible on this data',
  'beats-baselines': 'beats the best baseline by more than its interval',
  consistent: 'consistent with the baselines',
  'below-baselines': 'below the best baseline',
  undefined: 'undefined',
};
