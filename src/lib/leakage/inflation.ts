import { METRICS } from '../evaluate/metric-catalogue';
import { foldInterval } from '../evaluate/uncertainty';
import { differenceOf, type MetricSummary } from '../evaluate/summarise-scores';
import type { MetricKey, MetricSeries } from './metric-series';

/** Fewest folds that get an interval, as in the report (`summariseScores`). */
export const MIN_FOLDS_FOR_INTERVAL = 5;

/** One model and metric under one mistake: the honest and the leaky value, and how much the leak flatters it. */
export interface LeakageRow extends MetricKey {
  readonly model: string;
  readonly honest: MetricSummary;
  readonly leaky: MetricSummary;
  /**
   * How much better the metric looks with the leak, per fold, paired: leaky − honest for a metric
   * where higher is better, honest − leaky where lower is better. Positive = inflated.
   */
  readonly inflation: MetricSummary;
  /** What the leaky protocol chose, where it chose something (the parameter picked on the test folds). */
  readonly note?: string;
}

/**
 * Compares an honest and a leaky per-fold series of the same model and metric, fold by fold:
 * the mean and 95 % block-bootstrap interval over folds of each (`foldInterval`, seeded, at
 * least 5 folds as in the report), and of the paired inflation d_k = s·(leaky_k − honest_k) with
 * s = +1 where higher is better and −1 where lower is better (a difference below rounding noise
 * counts as 0: `differenceOf`). Folds where either value is NaN drop out of the inflation.
 * @example inflationRow('naive', honest, leaky, 1).inflation.mean // → mean of honest.values − leaky.values for MAE
 */
export function inflationRow(model: string, honest: MetricSeries, leaky: MetricSeries, seed: number, note?: string): LeakageRow {
  if (honest.values.length !== leaky.values.length) {
    throw new RangeError(`inflationRow: ${model} has ${honest.values.length} honest folds and ${leaky.values.length} leaky ones; they must be paired`);
  }
  const sign = METRICS[honest.metric].better === 'higher' ? 1 : -1;
  const summary = (values: ArrayLike<number>): MetricSummary => {
    const { mean, lo, hi, n, nanCount } = foldInterval(values, { seed, minFolds: MIN_FOLDS_FOR_INTERVAL });
    return { mean, lo, hi, n, nanCount };
  };
  const paired = honest.values.map((h, k) => sign * differenceOf(leaky.values[k], h));
  return {
    model,
    metric: honest.metric,
    ...(honest.coverage !== undefined && { coverage: honest.coverage }),
    honest: summary(honest.values),
    leaky: summary(leaky.values),
    inflation: summary(paired),
    ...(note !== undefined && { note }),
  };
}

/** `inflationRow` for every metric of two series lists in the same order (`metricKeys`). */
export function inflationRows(
  model: string,
  honest: readonly MetricSeries[],
  leaky: readonly MetricSeries[],
  seed: number,
  note?: (key: MetricKey) => string | undefined,
): LeakageRow[] {
  return honest.map((h, i) => inflationRow(model, h, leaky[i], seed, note?.(h)));
}
