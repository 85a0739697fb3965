import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';
import { poissonGammaStrength } from '../poisson-gamma-strength';
import { historicAverageLevel, historicAverageOf } from './historic-average';

/**
 * The empirical-Bayes shrunk average kernel: each cell's historic mean pulled toward the mean
 * of all cells by as much as the data say the cells really differ (Poisson–Gamma model,
 * method-of-moments prior; Clayton & Kaldor 1987, Biometrics 43:671–681; Marshall 1991,
 * JRSS C 40:283–294).
 *
 * With T periods, cell means ȳ_c and overall mean m̄, the prior strength κ comes from
 * `poissonGammaStrength`; then ℓ_c = (T·ȳ_c + κ·m̄) / (T + κ). When κ = ∞ the cells are
 * indistinguishable from one rate and every cell gets m̄. The total
 * Σ_c ℓ_c equals Σ_c ȳ_c. Returns the levels and κ.
 * @example shrunkAverageLevel(counts with T = 4 and cell sums 12, 4, 0, 3).level
 *   // → [116/42, 44/42, 8/42] (m̄ = 4/3, s² = 7/3, v = 2, κ = 2/3)
 */
export function shrunkAverageLevel(counts: Float32Array, cells: number): { level: Float32Array; strength: number } {
  const T = periodsOf(counts, cells, 1, 'shrunkAverageLevel');
  return shrunkFromMeans(historicAverageLevel(counts, cells), T);
}

/**
 * `shrunkAverageLevel` from the cells' historic means over `T` periods (float32, as
 * `historicAverageLevel` gives them): the shrinkage step alone, for means already at hand.
 * @example shrunkFromMeans(Float32Array.of(3, 1, 0), 4).strength // → 2/3
 */
export function shrunkFromMeans(means: Float32Array, T: number): { level: Float32Array; strength: number } {
  const cells = means.length;
  let total = 0;
  for (let c = 0; c < cells; c++) total += means[c];
  const m = total / cells;
  const strength = poissonGammaStrength(means, T);
  const level = new Float32Array(cells);
  for (let c = 0; c < cells; c++) level[c] = strength === Infinity ? m : (T * means[c] + strength * m) / (T + strength);
  return { level, strength };
}

/**
 * Shrunk historic average: every step is the cell's long-run mean shrunk toward the
 * area-wide mean by empirical Bayes (see `shrunkAverageLevel`). It keeps the historic
 * average's stability but stops sparse cells from being forecast 0 (or a lucky high) just
 * because of a few counts — a strong, parameter-free baseline that pooled learned models
 * must beat, not merely the per-cell average that overfits noise.
 *
 * minHistory 1. Name: `shrunk-average`.
 * @example shrunkAverage() on cells with means 3, 1, 0 over 4 periods → predict(1) ≈ [2.76, 1.05, 0.19]
 */
export function shrunkAverage(): Forecaster {
  return baselineForecaster({
    name: 'shrunk-average',
    minHistory: 1,
    fit: (history) => shrunkFromMeans(historicAverageOf(history), history.periods.length).level,
    predict: flatForecast,
  });
}

/** Model definition of `shrunkAverage` (no parameters: the shrinkage is estimated). */
export const SHRUNK_AVERAGE: ModelDefinition = {
  id: 'shrunk-average',
  label: 'Shrunk historic average',
  kind: 'baseline',
  summary: 'Each cell’s mean count shrunk toward the area-wide mean by empirical Bayes (Poisson–Gamma).',
  params: [],
  create: () => shrunkAverage(),
};
