import { hotspotScores, type HotspotMetric } from './hotspot-scores';

/**
 * Predictive Accuracy Index at coverage c: the hit rate divided by the share of the study
 * area flagged (higher is better; 1 = no better than flagging area at random, and 1/c is the
 * most any forecast can reach).
 *
 * Formula: PAI = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008, *Security Journal* 21:4–28; NIJ
 * Real-Time Crime Forecasting Challenge 2017), with n, N as in `hitRate` and a = c·A exactly
 * (`HOTSPOT_RULE`: the tied group at the boundary is flagged in part), so PAI = (n/N)/c.
 * Policy: N = 0, a NaN count or an empty region → NaN. Throws as `hotspotScores` does.
 * @example pai([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], 2 / 3) // → (9/9)/(2/3) = 1.5
 */
export const pai: HotspotMetric = (forecast, actual, area, region, coverage) => hotspotScores(forecast, actual, area, region, [coverage])[0].pai;
