import type { FitProgress, Forecaster } from '../forecast/forecaster';
import type { FoldsForecast } from './fold-tasks';
import { foldStepper, foldView, type FoldView } from './fold-stepper';
import type { RunPlan } from './plan-run';

/**
 * Forecasts every fold of the models `models` (indexes into the run) in step: fold 0 of each,
 * then fold 1 of each, …, so each fold's model universe is restricted once for all of them and
 * dropped after its fold (`foldView`), instead of once per model (a res-9 city panel is ~5 MB a
 * fold, and its 52 universes do not fit `plan.restriction`'s shared budget). Each model's
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
      view = foldView(plan, k, view);
      for (const stepper of steppers) await stepper.step(k, view);
    }
    return steppers.map((s) => s.result());
  } finally {
    steppers.forEach((s) => s.dispose());
  }
}
