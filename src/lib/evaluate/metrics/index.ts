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
export { naiveScales } from './naive-scales';
export { brierScore } from './brier-score';
export { logScore } from './log-score';
export { countScores, type CountScores } from './count-scores';
export { RATE_FLOOR } from './rate-floor';
export { hotspotRanking, hotspotRankingOf, hotspotCut, type HotspotRanking, type HotspotCut } from './hotspot-ranking';
export { tieOrder } from './tie-order';
export { areaOrder, tieOrderBy, type AreaOrder } from './area-order';
export { sortByKey } from './sort-by-key';
export { hotspotCapture, expectedCapture, capturedPrefix, type HotspotCapture } from './hotspot-capture';
export { selectHotspots, type HotspotSelection } from './select-hotspots';
export { hindsightRanking, type HindsightRanking } from './hindsight-ranking';
export { hotspotScores, HOTSPOT_RULE, type HotspotScore, type HotspotValues, type HotspotMetric } from './hotspot-scores';
export { hitRate } from './hit-rate';
export { pai } from './pai';
export { pei } from './pei';
export { captureCurve, type CaptureCurve } from './capture-curve';
export { skill } from './skill';
export { flagWeights } from './flag-weights';
export { flagPrecision } from './flag-precision';
export { flagAccuracy } from './flag-accuracy';
export { auc } from './auc';
