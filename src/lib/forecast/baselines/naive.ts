import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';

/**
 * The naive kernel: each cell's count in the last period, ℓ_c = y_{T,c}.
 * `counts` is period-major (`counts[p * cells + c]`) and must hold at least one period.
 * @example naiveLevel(Float32Array.of(1, 2, 3, 0), 2) // → Float32Array [3, 0]
 */
export function naiveLevel(counts: Float32Array, cells: number): Float32Array {
  periodsOf(counts, cells, 1, 'naiveLevel');
  return counts.slice(counts.length - cells);
}

/**
 * The naive forecaster: every step repeats the last training period,
 * ŷ_{T+s,c} = y_{T,c} (Hyndman & Athanasopoulos, FPP3 §5.2, "Naïve method").
 *
 * minHistory 1. A cell with no incident in the last period is forecast 0, whatever came
 * before. Name: `naive`.
 * @example naive() fitted on counts [[1, 2], [3, 0]] (2 periods × 2 cells) → predict(2) = [3, 0, 3, 0]
 */
export function naive(): Forecaster {
  return baselineForecaster({
    name: 'naive',
    minHistory: 1,
    fit: (history) => naiveLevel(history.counts, history.cells.length),
    predict: flatForecast,
  });
}

/** Model definition of `naive` (no parameters). */
export const NAIVE: ModelDefinition = {
  id: 'naive',
  label: 'Naive',
  kind: 'baseline',
  summary: "Last period's count, for every step.",
  params: [],
  create: () => naive(),
};
