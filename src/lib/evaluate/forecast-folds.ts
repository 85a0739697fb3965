import type { FitProgress, Forecaster } from '../forecast/forecaster';
import type { FoldTask, FoldsForecast } from './fold-tasks';
import { foldStepper, foldView, type FoldView } from './fold-stepper';
import type { RunPlan } from './plan-run';

/**
 * Forecasts folds `task.from` ≤ k < `task.to` of one model (see `runForecasts` for the rules:
 * history before each cutoff of the fold's model universe, refits every `refitEvery` folds or
 * when the universe grows, updates between). The model is fitted afresh at `task.from`, as the
 * whole run does there (it is 0 or a refit fold), so a run split into tasks forecasts exactly
 * what it forecasts in one piece. `onProgress(fold, fit)` reports each fold and the fit's steps.
 * The folds are `foldStepper`'s steps, one after another.
 */
export async function forecastFolds(
  plan: RunPlan,
  task: FoldTask,
  make: () => Forecaster,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (fold: number, fit?: FitProgress) => void } = {},
): Promise<FoldsForecast> {
  const stepper = foldStepper(plan, task, make, options);
  try {
    let view: FoldView | undefined;
    for (let k = task.from; k < task.to; k++) {
      view = foldView(plan, k, view);
      await stepper.step(k, view);
    }
    return stepper.result();
  } finally {
    stepper.dispose();
  }
}
