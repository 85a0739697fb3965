import { hotspotScores, type HotspotMetric } from './hotspot-scores';

/**
 * Predictive Efficiency Index (PEI*) at coverage c: incidents captured by the forecast's
 * flagged area relative to the most any area of the same size could have captured, in
 * hindsight (higher is better; 0 ≤ PEI* ≤ 1).
 *
 * Formula: PEI* = n/n*, n as in `hitRate` (`HOTSPOT_RULE`: exactly c·A flagged, the tied group
 * at the boundary in part), n* = the most incidents any flagged area of exactly c·A could hold
 * with partial cells allowed — region cells by observed incidents per m², highest first, the
 * last in part (fractional knapsack; NIJ Real-Time Crime Forecasting Challenge 2017, "the most
 * incidents any selection of the same area could capture"). The forecast's flagged area is
 * one such selection, hence n ≤ n*.
 * Policy: n* = 0 (no incidents in the region), N = 0 or a NaN count → NaN.
 * Throws as `hotspotScores` does.
 * @example pei([1, 2, 3], [6, 3, 0], [1, 1, 1], [1, 1, 1], 1 / 3) // → 0 / 6 = 0
 */
export const pei: HotspotMetric = (forecast, actual, area, region, coverage) => hotspotScores(forecast, actual, area, region, [coverage])[0].pei;
