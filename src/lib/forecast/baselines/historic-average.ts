import type { Forecaster } from '../forecaster';
import { runningFor, type History } from '../history';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';

/**
 * The historic average kernel: each cell's mean count over all periods of `counts`,
 * ℓ_c = (1/T) Σ_{t=1..T} y_{t,c}. `counts` is period-major with at least one period.
 * @example historicAverageLevel(Float32Array.of(1, 0, 3, 2), 2) // → Float32Array [2, 1]
 */
export function historicAverageLevel(counts: Float32Array, cells: number): Float32Array {
  const P = periodsOf(counts, cells, 1, 'historicAverageLevel');
  const sum = new Float64Array(cells);
  for (let p = 0, i = 0; p < P; p++) {
    for (let c = 0; c < cells; c++, i++) sum[c] += counts[i];
  }
  return meansOfSums(sum, P);
}

/**
 * Per-cell means from per-cell sums over `periods` periods, as float32: ℓ_c = sums_c / T — the
 * last step of `historicAverageLevel`, for sums already at hand (`History.running`).
 * @example meansOfSums(Float64Array.of(4, 2), 2) // → Float32Array [2, 1]
 */
export function meansOfSums(sums: Float64Array, periods: number): Float32Array {
  const out = new Float32Array(sums.length);
  for (let c = 0; c < sums.length; c++) out[c] = sums[c] / periods;
  return out;
}

/**
 * `historicAverageLevel` of a history: from its running sums when the backtest carries them
 * (the same numbers, without a pass over every period), else from its counts.
 * @example historicAverageOf(tinyHistory({ [A]: [1, 3] }).history) // → Float32Array [2]
 */
export function historicAverageOf(history: History): Float32Array {
  const running = runningFor(history);
  return running ? meansOfSums(running.sums(), history.periods.length) : historicAverageLevel(history.counts, history.cells.length);
}

/**
 * The historic average (FPP3 §5.2, "Mean method"): every step is the cell's mean count over
 * all training periods, ŷ_{T+s,c} = ȳ_c. With an expanding window this is the long-run
 * rate; with a sliding window, the rate over the window.
 *
 * minHistory 1. A cell with no incident in the whole history is forecast 0. Name:
 * `historic-average`.
 * @example historicAverage() fitted on counts [[1, 0], [3, 2]] → predict(1) = [2, 1]
 */
export function historicAverage(): Forecaster {
  return baselineForecaster({
    name: 'historic-average',
    minHistory: 1,
    fit: historicAverageOf,
    predict: flatForecast,
  });
}

/** Model definition of `historicAverage` (no parameters). */
export const HISTORIC_AVERAGE: ModelDefinition = {
  id: 'historic-average',
  label: 'Historic average',
  kind: 'baseline',
  summary: 'Mean count of every training period, per cell.',
  params: [],
  create: () => historicAverage(),
};
