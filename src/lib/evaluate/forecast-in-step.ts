import type { FitProgress, Forecaster } from '../forecast/forecaster';
import type { FoldsForecast } from './fold-tasks';
import { foldStepper, foldView, type FoldView } from './fold-stepper';
import type { RunPlan } from './plan-run';

/**
 * Forecasts every fold of the models `models` (indexes into the run) in step: fold 0 of each,
 * then fold 1 of each, …, so each model universe is restricted once for all of them and dropped
 * after its last fold (`foldView`, not kept): neither made again per model nor all kept at once
 * (Chicago at res 9: 21 universes of 5.4 MB over 52 folds; kept, they held 114 MB, and each
 * fresh copy cost ~17 ms of first-touch page faults, against ~1.5 ms for a copy into freed
 * memory, BENCHMARKS.md 2026-12-05, `backtest-speed`). Each model's
 * forecasts are those of `forecastFolds` over all folds (a model never sees another's state).
 * `onProgress(model, fold, fit)` reports each model's folds and fit steps as they happen.
 * @example (await forecastInStep(plan, [0, 1], make)).map((f) => f.task) // → [{ model: 0, from: 0, to: folds }, { model: 1, … }]
 */
export async function forecastInStep(
  plan: RunPlan,
  models: readonly number[],
  make: readonly (() => Forecaster)[],
  options: { readonly signal?: AbortSignal; readonly onProgress?: (model: number, fold: number, fit?: FitProgress) => void } = {},
): Promise<FoldsForecast[]> {
  const steppers = models.map((m) =>
    foldStepper(plan, { model: m, from: 0, to: plan.folds }, make[m], {
      signal: options.signal,
      onProgress: (fold, fit) => options.onProgress?.(m, fold, fit),
    }),
  );
  try {
    let view: FoldView | undefined;
    for (let k = 0; k < plan.folds; k++) {
      view = foldView(plan, k, view, false);
      for (const stepper of steppers) await stepper.step(k, view);
    }
    return steppers.map((s) => s.result());
  } finally {
    steppers.forEach((s) => s.dispose());
  }
}
