import type { Forecaster } from '../forecaster';
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
  const out = new Float32Array(cells);
  for (let c = 0; c < cells; c++) out[c] = sum[c] / P;
  return out;
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
    fit: (history) => historicAverageLevel(history.counts, history.cells.length),
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
