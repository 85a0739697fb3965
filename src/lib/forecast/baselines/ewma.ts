import type { Forecaster } from '../forecaster';
import { runningFor, type History } from '../history';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';

/**
 * The exponentially weighted average kernel: the level after the last period of the
 * recursion ℓ_1 = y_1, ℓ_t = α·y_t + (1 − α)·ℓ_{t−1} (t = 2 … T), per cell. Equivalently
 * ℓ_T = Σ_{j=0..T−2} α(1 − α)^j y_{T−j} + (1 − α)^{T−1} y_1: the weights sum to 1.
 * `counts` is period-major with at least one period; α ∈ (0, 1].
 * @example ewmaLevel(Float32Array.of(1, 0, 3), 1, 0.5) // ℓ = 1, 0.5, 1.75 → Float32Array [1.75]
 */
export function ewmaLevel(counts: Float32Array, cells: number, alpha: number): Float32Array {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`ewmaLevel: alpha must lie in (0, 1], got ${alpha}`);
  const P = periodsOf(counts, cells, 1, 'ewmaLevel');
  const level = Float64Array.from(counts.subarray(0, cells));
  const keep = 1 - alpha;
  for (let p = 1, i = cells; p < P; p++) {
    for (let c = 0; c < cells; c++, i++) level[c] = alpha * counts[i] + keep * level[c];
  }
  return Float32Array.from(level);
}

/**
 * `ewmaLevel` of a history: from its running levels when the backtest carries them (the same
 * recursion, carried over from the previous fold), else from its counts.
 * @example ewmaOf(tinyHistory({ [A]: [1, 0, 3] }).history, 0.5) // → Float32Array [1.75]
 */
export function ewmaOf(history: History, alpha: number): Float32Array {
  const running = runningFor(history);
  return running ? Float32Array.from(running.ewma(alpha)) : ewmaLevel(history.counts, history.cells.length, alpha);
}

/**
 * Simple exponential smoothing as a flat forecast (FPP3 §8.1): ŷ_{T+s,c} = ℓ_{T,c} with
 * ℓ_t = α·y_t + (1 − α)·ℓ_{t−1}. The level is initialised at the first training period's
 * count (ℓ_1 = y_1) rather than estimated: its weight (1 − α)^{T−1} is below 1 % after
 * 14 periods at α = 0.3. α is fixed (default 0.3), not fitted, so the model has nothing to
 * tune on the validation span.
 *
 * minHistory 1 (one period gives ŷ = y_1). A cell with no incident in the history is
 * forecast 0. Name: `ewma(alpha=0.3)`.
 * @example ewma({ alpha: 0.5 }) on one cell with counts [1, 0, 3] → predict(1) = [1.75]
 */
export function ewma({ alpha }: { alpha: number }): Forecaster {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`ewma: alpha must lie in (0, 1], got ${alpha}`);
  return baselineForecaster({
    name: `ewma(alpha=${alpha})`,
    minHistory: 1,
    fit: (history) => ewmaOf(history, alpha),
    predict: flatForecast,
  });
}

/** Model definition of `ewma`. */
export const EWMA: ModelDefinition = {
  id: 'ewma',
  label: 'Exponentially weighted average',
  kind: 'baseline',
  summary: 'Simple exponential smoothing of each cell’s counts: recent periods weigh most.',
  params: [
    {
      name: 'alpha',
      label: 'Smoothing α',
      type: 'number',
      default: 0.3,
      min: 0.001,
      max: 1,
      doc: 'Weight of the newest period in the level, in (0, 1] (unitless); 1 is the naive forecast.',
    },
  ],
  create: (params) => ewma({ alpha: Number(params.alpha ?? 0.3) }),
};
