import { hotspotScores, type HotspotMetric } from './hotspot-scores';

/**
 * Hit rate at coverage c: the share of all incidents that fall in the area the forecast flags
 * as hotspots (higher is better).
 *
 * Formula: n/N, n = incidents in the flagged area under `HOTSPOT_RULE` (cells ranked by
 * forecast count, flagged until their area is exactly c·A; the tied group at the boundary is
 * flagged in part and counts the same share of its incidents — the mean over every order of
 * the tied cells), N = all incidents in `actual`, including cells outside the study region
 * (they still count in N). Chainey, Tompson & Uhlig (2008), *Security Journal* 21:4–28.
 * Policy: N = 0 or a NaN count → NaN. Throws as `hotspotScores` does.
 * For several coverages, PAI/PEI or the tie range as well, call `hotspotScores` once.
 * @example hitRate([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], 1 / 3) // → 6 / 9 = 0.6667
 */
export const hitRate: HotspotMetric = (forecast, actual, area, region, coverage) => hotspotScores(forecast, actual, area, region, [coverage])[0].hitRate;
