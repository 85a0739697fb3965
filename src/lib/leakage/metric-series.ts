import { COUNT_METRICS, HOTSPOT_METRICS, type MetricId } from '../evaluate/metric-catalogue';
import type { Scores } from '../evaluate/score-forecasts';

/** One metric of a lab table: a count metric, or a hotspot metric at one coverage level. */
export interface MetricKey {
  readonly metric: MetricId;
  /** The coverage level of a hotspot metric (absent for count metrics). */
  readonly coverage?: number;
}

/** A metric's value at every fold, in fold order. */
export interface MetricSeries extends MetricKey {
  readonly values: Float64Array;
}

/**
 * Every metric the report shows, in its order: the count metrics, then each hotspot metric at
 * each coverage level.
 * @example metricKeys([0.05]).length // → 6 count metrics + 3 hotspot metrics = 9
 */
export function metricKeys(coverage: readonly number[]): MetricKey[] {
  return [...COUNT_METRICS.map((metric) => ({ metric })), ...HOTSPOT_METRICS.flatMap((metric) => coverage.map((c) => ({ metric, coverage: c })))];
}

/**
 * The per-fold series of every metric of model `m` in `scores` (as `metricKeys` orders them).
 * @example seriesOfScores(scores, 0)[0].values // → scores.models[0].count.mae
 */
export function seriesOfScores(scores: Scores, m: number): MetricSeries[] {
  const model = scores.models[m];
  const J = scores.coverage.length;
  const folds = scores.naiveScale.length;
  return metricKeys(scores.coverage).map((key) => {
    if (key.coverage === undefined) return { ...key, values: Float64Array.from(model.count[key.metric as (typeof COUNT_METRICS)[number]]) };
    const j = scores.coverage.indexOf(key.coverage);
    const all = model.hotspot[key.metric as (typeof HOTSPOT_METRICS)[number]];
    return { ...key, values: Float64Array.from({ length: folds }, (_, k) => all[k * J + j]) };
  });
}
