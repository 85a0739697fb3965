import type { BucketSpec, BucketUnit } from '../../grid/time-bucket';
import { calendarFeatures, calendarNames, calendarParts, type CalendarParts } from './calendar';
import { poissonGammaStrength } from '../poisson-gamma-strength';
import { windowMean, type Series } from './series';

/** Which lags and windows the tabular features use for a bucket unit. */
export interface FeatureLayout {
  readonly lags: readonly number[];
  /** Seasonal lags (a day or week back for hours, a week for days, a year for weeks and months). */
  readonly seasonal: readonly number[];
  /** Three window lengths, shortest first: the recent, medium and long mean. */
  readonly windows: readonly [number, number, number];
  readonly names: readonly string[];
  readonly calendar: CalendarParts;
  readonly calendarWidth: number;
  /**
   * A layout of its own (a built model's, forecast/builder): writes the `names.length` raw
   * features of target (t, c) itself, from periods before t only, instead of the built-in list.
   */
  readonly write?: (ctx: FeatureContext, t: number, c: number, out: Float32Array, offset: number) => void;
  /** A built model's offset: a term added to log λ with coefficient 1 (none when absent). */
  readonly offset?: (ctx: FeatureContext, t: number, c: number) => number;
}

/** The three window lengths (periods) of each bucket unit: the recent, medium and long mean. */
export const WINDOWS: Record<BucketUnit, [number, number, number]> = { hour: [6, 24, 168], day: [7, 28, 91], week: [4, 13, 52], month: [3, 6, 12] };
const SEASONAL: Record<BucketUnit, number[]> = { hour: [24, 168], day: [7, 14], week: [52], month: [12] };

/**
 * The feature layout for targets of periods [first, end) of `unit` buckets (the training
 * targets of a fit; the same layout then serves validation and forecasts). Features of a
 * target (period t, cell c), all computed from periods before t and the calendar of t:
 * `lag{1,2,3}` log1p(y[t−k]); `lag{s}` seasonal lags (log1p), kept only when at least 3/4 of
 * the training targets have them (the others, and forecasts that early, get the cell's
 * expected count log1p(exp(cell-rate)) instead); `mean{w}` log1p of the cell's mean over the
 * last w periods (fewer near the start); `ring{1,2}-lag1` and `ring{1,2}-mean{w0}` log1p of
 * the neighbours' mean count; `cell-rate` the cell's long-run log rate shrunk toward the
 * area's mean (see `cellRate`); `city-lag1`, `city-mean{w0}` the whole area's recent level
 * against its long-run level (log ratio); then the calendar terms the span supports
 * (`calendarParts`).
 * @example featureLayout('week', 4, 200).names.slice(0, 5) // → ['lag1', 'lag2', 'lag3', 'lag52', 'mean4']
 */
export function featureLayout(unit: BucketUnit, first: number, end: number): FeatureLayout {
  const lags = [1, 2, 3];
  const span = end - first;
  const seasonal = SEASONAL[unit].filter((s) => end - Math.max(s, first) >= 0.75 * span);
  const windows = WINDOWS[unit];
  const calendar = calendarParts(unit, span);
  return { lags, seasonal, windows, names: featureNames(lags, seasonal, windows, calendar), calendar, calendarWidth: calendarNames(calendar).length };
}

/**
 * The feature names, in column order, of a layout's lags, windows and calendar terms (the
 * one definition `featureLayout` and a saved model's check both use).
 * @example featureNames([1], [], [4, 13, 52], { hourHarmonics: 0, weekday: false, yearHarmonics: 0 })[0] // → 'lag1'
 */
export function featureNames(lags: readonly number[], seasonal: readonly number[], windows: readonly number[], calendar: CalendarParts): string[] {
  return [
    ...lags.map((k) => `lag${k}`),
    ...seasonal.map((s) => `lag${s}`),
    ...windows.map((w) => `mean${w}`),
    'ring1-lag1',
    `ring1-mean${windows[0]}`,
    'ring2-lag1',
    `ring2-mean${windows[0]}`,
    'cell-rate',
    'city-lag1',
    `city-mean${windows[0]}`,
    ...calendarNames(calendar),
  ];
}

/** A series with its feature layout, calendar rows and the fitted prior strength. */
export interface FeatureContext {
  readonly series: Series;
  readonly layout: FeatureLayout;
  /** Empirical-Bayes prior strength (in periods) for `cell-rate`, fitted on the training span. */
  readonly prior: number;
  /** Calendar features of every period in the series' capacity, `calendarWidth` per period. */
  readonly calendar: Float32Array;
}

/**
 * Builds the feature context of a series: the calendar rows of all its periods, past and future.
 * @example featureContext(series, bucket, featureLayout('week', 4, 240), 3.2).calendar.length // → capacity × calendarWidth
 */
export function featureContext(series: Series, bucket: BucketSpec, layout: FeatureLayout, prior: number): FeatureContext {
  const K = layout.calendarWidth;
  const calendar = new Float32Array(series.capacity * K);
  for (let p = 0; p < series.capacity; p++) calendarFeatures(series.times[p], bucket, layout.calendar, calendar, p * K);
  return { series, layout, prior, calendar };
}

/**
 * Pseudo-count (incidents) added to a cell's total inside `cell-rate`'s logarithm, so that an
 * all-zero history (S = 0, m = 0) gives the finite feature log(0.01 / (t + k)) instead of −∞. A
 * feature-scale constant of the learned models only; not the metrics' `RATE_FLOOR`, which is the
 * smallest forecast mean the scores will believe.
 */
const CELL_RATE_PSEUDO_COUNT = 0.01;

/**
 * The cell's long-run log rate at target t: a Gamma–Poisson (empirical-Bayes) posterior mean
 * log((S + k·m + 0.01) / (t + k)), where S is the cell's total over periods [0, t), m the mean
 * count per cell and period over the same span (the prior mean) and k the prior strength in
 * periods (Clayton & Kaldor 1987). Only periods before t enter, so the feature of a training
 * target never contains the target itself.
 * @example cellRate(ctx, 10, c) // with S = 20, m = 1, k = 10 → log((20 + 10 + 0.01) / 20) ≈ 0.41
 */
export function cellRate(ctx: FeatureContext, t: number, c: number): number {
  const { series, prior } = ctx;
  const S = series.cumCounts[t * series.cells + c];
  const m = t > 0 ? series.cumMean[t] / t : 0;
  return Math.log((S + prior * m + CELL_RATE_PSEUDO_COUNT) / (t + prior));
}

/**
 * Empirical-Bayes prior strength k (in periods) from the first `T` periods: `poissonGammaStrength`
 * of the cell means, clamped to [1, 10·T]; 10·T when τ² ≤ 0 (no detectable difference between
 * cells: shrink hard).
 * @example priorStrength(series, 100) // → e.g. 4.2 for strongly differing cells
 */
export function priorStrength(series: Series, T: number): number {
  const C = series.cells;
  if (T < 1 || C < 2) return 1;
  const means = Float64Array.from({ length: C }, (_, c) => series.cumCounts[T * C + c] / T);
  return Math.min(10 * T, Math.max(1, poissonGammaStrength(means, T)));
}

/**
 * Writes the raw (unscaled) features of target (t, c) into `out` from `offset`, in
 * `layout.names` order. Reads only periods before t (and t's calendar); needs 1 ≤ t ≤ length.
 * @example tabularRow(ctx, 5, 0, out, 0) // out[0] → log1p(count of cell 0 in period 4); see features.test.ts
 */
export function tabularRow(ctx: FeatureContext, t: number, c: number, out: Float32Array, offset: number): void {
  const { series, layout } = ctx;
  if (layout.write) {
    layout.write(ctx, t, c, out, offset);
    return;
  }
  const C = series.cells;
  const y = series.counts;
  const w0 = layout.windows[0];
  let k = offset;
  for (const lag of layout.lags) out[k++] = t - lag >= 0 ? Math.log1p(y[(t - lag) * C + c]) : Math.log1p(windowMean(series.cumCounts, C, t, w0, c));
  const expected = Math.log1p(Math.exp(cellRate(ctx, t, c)));
  for (const lag of layout.seasonal) out[k++] = t - lag >= 0 ? Math.log1p(y[(t - lag) * C + c]) : expected;
  for (const w of layout.windows) out[k++] = Math.log1p(windowMean(series.cumCounts, C, t, w, c));
  out[k++] = Math.log1p(series.ring1[(t - 1) * C + c]);
  out[k++] = Math.log1p(windowMean(series.cumRing1, C, t, w0, c));
  out[k++] = Math.log1p(series.ring2[(t - 1) * C + c]);
  out[k++] = Math.log1p(windowMean(series.cumRing2, C, t, w0, c));
  out[k++] = cellRate(ctx, t, c);
  const longRun = series.cumMean[t] / t;
  out[k++] = cityLevel(series.cumMean, t, 1, longRun, C);
  out[k++] = cityLevel(series.cumMean, t, w0, longRun, C);
  const K = layout.calendarWidth;
  for (let j = 0, from = t * K; j < K; j++) out[k + j] = ctx.calendar[from + j];
}

/** Number of channels per step of the sequence inputs: log1p of the cell's count, ring-1 mean, ring-2 mean. */
export const SEQUENCE_CHANNELS = 3;

/**
 * Writes the sequence channels of (period p, cell c) into `out` from `offset` (zeros before period 0).
 * @example sequenceStep(series, 0, 0, out, 0) // count 3, no neighbours → out[0..2] = [log1p(3), 0, 0]
 */
export function sequenceStep(series: Series, p: number, c: number, out: Float32Array, offset: number): void {
  if (p < 0) {
    out[offset] = out[offset + 1] = out[offset + 2] = 0;
    return;
  }
  const i = p * series.cells + c;
  out[offset] = Math.log1p(series.counts[i]);
  out[offset + 1] = Math.log1p(series.ring1[i]);
  out[offset + 2] = Math.log1p(series.ring2[i]);
}

/**
 * log of the area's total over the last w periods against w periods at the long-run mean
 * (`longRun` per cell and period), +1 smoothed.
 * @example cityLevel(cumMean, 10, 1, 0.5, 100) // period 9's total 60 against 50 → log(61 / 51) ≈ 0.18
 */
export function cityLevel(cumMean: Float64Array, t: number, w: number, longRun: number, C: number): number {
  const from = Math.max(0, t - w);
  const recent = (cumMean[t] - cumMean[from]) * C;
  return Math.log((recent + 1) / ((t - from) * longRun * C + 1));
}
