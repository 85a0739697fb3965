import { hotspotScores, type HotspotMetric } from './hotspot-scores';

/**
 * Hit rate at coverage c: the share of all incidents that fall in the cells the forecast
 * selects as hotspots (higher is better).
 *
 * Formula: n/N, n = incidents in the cells chosen by `selectHotspots` (forecast descending,
 * ties by cell index, smallest prefix whose area reaches c·A), N = all incidents in `actual`,
 * including cells outside the study region (they still count in N). Chainey, Tompson & Uhlig
 * (2008), *Security Journal* 21:4–28.
 * Policy: N = 0 or a NaN count → NaN. Throws as `hotspotScores` does.
 * For several coverages or PAI/PEI as well, call `hotspotScores` once (it sorts once).
 * @example hitRate([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], 1 / 3) // → 6 / 9 = 0.6667
 */
export const hitRate: HotspotMetric = (forecast, actual, area, region, coverage) =>
  hotspotScores(forecast, actual, area, region, [coverage])[0].hitRate;
