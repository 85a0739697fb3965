import { hotspotScores, type HotspotMetric } from './hotspot-scores';

/**
 * Predictive Efficiency Index (PEI*) at coverage c: incidents captured by the forecast's
 * selection relative to the most any selection of the same size could have captured, in
 * hindsight (higher is better; 0 ≤ PEI* ≤ 1).
 *
 * Formula: PEI* = n/n*, n as in `hitRate`, n* = the sum of the k largest observed counts among
 * study-region cells, k = the number of cells selected (NIJ Real-Time Crime Forecasting
 * Challenge 2017, "the most incidents any selection of the same area could capture": H3 cells
 * at one resolution have near-equal areas, so k cells stand in for the same area). The
 * forecast's own selection is one of the k-cell subsets of the region, hence n ≤ n*.
 * Policy: n* = 0 (no incidents in the region), N = 0 or a NaN count → NaN.
 * Throws as `hotspotScores` does.
 * @example pei([1, 2, 3], [6, 3, 0], [1, 1, 1], [1, 1, 1], 1 / 3) // → 0 / 6 = 0
 */
export const pei: HotspotMetric = (forecast, actual, area, region, coverage) =>
  hotspotScores(forecast, actual, area, region, [coverage])[0].pei;
