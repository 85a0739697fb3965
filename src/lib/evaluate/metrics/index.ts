/**
 * The public metric API: count metrics over cells, hotspot metrics at coverage levels, and
 * relative skill. One file per metric; their doc comments hold formulas, references and the
 * NaN / zero-denominator policy of each.
 */
export { mae } from './mae';
export { rmse } from './rmse';
export { poissonDeviance } from './poisson-deviance';
export { mase } from './mase';
export { naiveScale } from './naive-scale';
export { brierScore } from './brier-score';
export { logScore } from './log-score';
export { RATE_FLOOR } from './rate-floor';
export { hotspotRanking, type HotspotRanking } from './hotspot-ranking';
export { selectHotspots, type HotspotSelection } from './select-hotspots';
export { hotspotScores, type HotspotScore, type HotspotMetric } from './hotspot-scores';
export { hitRate } from './hit-rate';
export { pai } from './pai';
export { pei } from './pei';
export { captureCurve, type CaptureCurve } from './capture-curve';
export { skill } from './skill';
