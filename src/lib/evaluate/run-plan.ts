import type { Forecaster } from '../forecast/forecaster';

/** Cost of a fold that fits a baseline, or only updates a fitted model (ms on the reference panel). */
export const BASELINE_FOLD_COST = 1;

/**
 * The expected cost of every fold of every model of a run, `costs[m][k]`, in milliseconds on
 * BENCHMARKS.md's reference panel: a fold that (re)fits costs the model's `cost` (a baseline's
 * 1 ms when absent), a fold that only updates costs 1 ms. Folds refit as `runForecasts` does:
 * the first, every `refitEvery`-th, all of them for a model without `update`, and any whose model
 * universe has grown since the previous fold. Progress weighted by these costs moves at roughly
 * constant speed: a learned model's fold counts for a thousand baseline folds, not one.
 * @example foldCosts([{ name: 'glm', minHistory: 1, cost: 1000, update() {}, … }], [5, 5, 7], 2)
 *   // → [[1000, 1, 1000]]  (fold 1 only updates; fold 2 refits, every 2nd and the universe grew)
 */
export function foldCosts(models: readonly Forecaster[], universeSizes: readonly number[], refitEvery: number): number[][] {
  return models.map((model) =>
    universeSizes.map((size, k) => {
      const refits = k === 0 || k % refitEvery === 0 || !model.update || size !== universeSizes[k - 1];
      return refits ? (model.cost ?? BASELINE_FOLD_COST) : BASELINE_FOLD_COST;
    }),
  );
}

/**
 * Share of a run's expected cost that is done, 0–1: every fold of the models before `model`, the
 * folds of `model` before `fold`, and of fold `fold` the share `within` (a fit's step / steps).
 * @example runFraction([[1, 1], [100, 100]], 1, 0, 0.5) // → (2 + 50) / 202 ≈ 0.257
 */
export function runFraction(costs: readonly (readonly number[])[], model: number, fold: number, within = 0): number {
  let total = 0;
  let done = 0;
  costs.forEach((folds, m) =>
    folds.forEach((cost, k) => {
      total += cost;
      if (m < model || (m === model && k < fold)) done += cost;
      else if (m === model && k === fold) done += cost * Math.min(1, Math.max(0, within));
    }),
  );
  return total === 0 ? 0 : done / total;
}

/**
 * Time left, extrapolated from the time spent at the rate so far: elapsed × (1 − f) / f. Undefined
 * until there is something to extrapolate from (f below 1 %, or under a second spent), so the
 * first seconds show no wild guess.
 * @example remainingMs(30_000, 0.25) // → 90_000
 */
export function remainingMs(elapsedMs: number, fraction: number): number | undefined {
  if (!(fraction >= 0.01) || !(elapsedMs >= 1000)) return undefined;
  if (fraction >= 1) return 0;
  return (elapsedMs * (1 - fraction)) / fraction;
}
