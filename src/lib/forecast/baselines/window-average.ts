import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { autoPeriods, autoPeriodsParam, type PeriodsByBucket } from './auto-periods';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';

/**
 * Window length k used when the parameter is 0 ("auto"): about a month, in whole weekly
 * cycles where the bucket has one (hour 672 = 4 weeks, day 28), week 4, and month 3 (one
 * month would be the naive forecast).
 */
export const WINDOW_LENGTH: PeriodsByBucket = { hour: 672, day: 28, week: 4, month: 3 };

/**
 * The window average kernel: each cell's mean count over the last k periods,
 * ℓ_c = (1/k) Σ_{t=T−k+1..T} y_{t,c}. `counts` (period-major) must hold at least k periods.
 * @example windowAverageLevel(Float32Array.of(9, 1, 3), 1, 2) // → Float32Array [2]
 */
export function windowAverageLevel(counts: Float32Array, cells: number, k: number): Float32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`windowAverageLevel: window k must be a whole number ≥ 1, got ${k}`);
  const P = periodsOf(counts, cells, k, 'windowAverageLevel');
  const sum = new Float64Array(cells);
  for (let p = P - k, i = p * cells; p < P; p++) {
    for (let c = 0; c < cells; c++, i++) sum[c] += counts[i];
  }
  const out = new Float32Array(cells);
  for (let c = 0; c < cells; c++) out[c] = sum[c] / k;
  return out;
}

/**
 * The window (moving) average: every step is the cell's mean count over the last k training
 * periods, ŷ_{T+s,c} = (1/k) Σ_{j=0..k−1} y_{T−j,c} — the mean method of FPP3 §5.2 restricted
 * to a recent window, trading the historic average's stability for responsiveness.
 *
 * minHistory k (fit throws on fewer periods). A cell with no incident in the window is
 * forecast 0. Name: `window-average(k=4)`.
 * @example windowAverage({ k: 2 }) on one cell with counts [9, 1, 3] → predict(1) = [2]
 */
export function windowAverage({ k }: { k: number }): Forecaster {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`window-average: window k must be a whole number ≥ 1, got ${k}`);
  return baselineForecaster({
    name: `window-average(k=${k})`,
    minHistory: k,
    fit: (history) => windowAverageLevel(history.counts, history.cells.length, k),
    predict: flatForecast,
  });
}

/** Model definition of `windowAverage`; `k = 0` picks the window from the bucket (`WINDOW_LENGTH`). */
export const WINDOW_AVERAGE: ModelDefinition = {
  id: 'window-average',
  label: 'Window average',
  kind: 'baseline',
  summary: 'Mean count of the last k periods, per cell.',
  params: [autoPeriodsParam({ name: 'k', label: 'Window', what: 'Periods averaged', table: WINDOW_LENGTH })],
  autoPeriods: [{ name: 'k', byBucket: WINDOW_LENGTH, shrinks: true }],
  create: (params, context) => windowAverage({ k: autoPeriods(Number(params.k ?? 0), context.bucket.unit, WINDOW_LENGTH) }),
};
