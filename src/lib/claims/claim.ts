/**
 * What a claim says, once parsed: the forms people use to state how well a crime forecast
 * works, reduced to a metric, a value and the area it was measured on (each null when the
 * claim does not say).
 */

/** The form a claim was stated in (see `CLAIM_FORMS`). */
export type ClaimKind = 'capture' | 'pai' | 'random-multiple' | 'hotspot-multiple' | 'accuracy' | 'success-rate' | 'unquantified';

/**
 * The metric a claim's value is on: hit rate (share of incidents in the flagged area), PAI,
 * precision of flagged cell-periods ("predictions followed by a crime"), classification accuracy
 * over all cell-periods, AUC, or the hit rate relative to a KDE hotspot map.
 */
export type ClaimMetric = 'hitRate' | 'pai' | 'precision' | 'accuracy' | 'auc' | 'hotspotRatio';

/** A claim in numbers. */
export interface Claim {
  /** The text as given. */
  readonly text: string;
  readonly kind: ClaimKind;
  /** The metric the value is on; null when the claim does not say ("W % accurate": of what?). */
  readonly metric: ClaimMetric | null;
  /** The claimed value: a fraction for percentages (0.4 for 40 %), a number for PAI and multiples; null when none is stated. */
  readonly value: number | null;
  /** The share of the area flagged, a fraction; null when the claim does not say. */
  readonly coverage: number | null;
  /** 'under' when the value is an upper bound ("under 0.5 %", "fewer than"), 'over' for a lower bound ("more than", "at least"), else 'about'. */
  readonly bound: 'about' | 'under' | 'over';
}

/** How each metric is named in sentences. */
export const CLAIM_METRIC_LABELS: Readonly<Record<ClaimMetric, string>> = {
  hitRate: 'hit rate (share of incidents in the flagged area)',
  pai: 'PAI (hit rate ÷ share of area flagged)',
  precision: 'precision (share of flagged cell-periods with an incident)',
  accuracy: 'classification accuracy over all cell-periods',
  auc: 'AUC (chance a cell-period with an incident is ranked above an empty one)',
  hotspotRatio: 'hit rate ÷ the hit rate of a KDE hotspot map',
};

/** Metrics whose values are fractions (printed as percentages). */
export function isFractionMetric(metric: ClaimMetric): boolean {
  return metric === 'hitRate' || metric === 'precision' || metric === 'accuracy';
}
