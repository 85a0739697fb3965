import { assertNotNegative, assertSameLength } from './assert-inputs';
import { flagWeights } from './flag-weights';

/**
 * Precision of flagged cell-periods at coverage c: the share of the cells a forecast flags
 * (`HOTSPOT_RULE`) that had at least one incident — "the share of predictions followed by a
 * crime", the success rate The Markup computed for Geolitica's predictions in Plainfield
 * (Sankin & Mattu 2023, "Predictive Policing Software Terrible at Predicting Crimes").
 *
 * Formula: Σᵢ wᵢ·[yᵢ > 0] / Σᵢ wᵢ over the region cells, wᵢ = the flagged share of cell i
 * (`flagWeights`: 1 whole, s for the tied group at the boundary, 0 otherwise). Each flagged cell
 * counts once, however many incidents it had (a prediction is followed by a crime or not).
 * Policy: nothing flagged (Σw = 0), an empty region or a NaN count in a flagged cell → NaN.
 * Throws when lengths differ, a count is negative, or as `selectHotspots` does.
 * @example flagPrecision([3, 2, 1, 0], [2, 0, 1, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5) // → 1/2: cells 0 and 1 flagged, cell 0 had incidents
 */
export function flagPrecision(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
): number {
  assertSameLength('flagPrecision', forecast, actual);
  for (let i = 0; i < actual.length; i++) assertNotNegative('flagPrecision', 'actual', i, actual[i]);
  const w = flagWeights(forecast, area, region, coverage);
  let flagged = 0;
  let hits = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    flagged += w[i];
    hits += actual[i] !== actual[i] ? Number.NaN : actual[i] > 0 ? w[i] : 0;
  }
  return flagged > 0 ? hits / flagged : Number.NaN;
}
