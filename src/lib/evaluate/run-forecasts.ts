import type { FitProgress, Forecaster } from '../forecast/forecaster';
import type { Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { mergeFoldsForecasts, splitFoldTasks, type FoldTaskRunner, type FoldsForecast, type ModelForecasts } from './fold-tasks';
import { forecastFolds } from './forecast-folds';
import { forecastInStep } from './forecast-in-step';
import { planRun } from './plan-run';
import type { ResolvedProtocol } from './protocol';
import { BASELINE_FOLD_COST } from './run-plan';
import { spreadProgress } from './spread-progress';

/** Progress of a backtest run, for progress bars and the app. */
export interface RunProgress {
  readonly model: string;
  /** 0-based index of the model in the run. */
  readonly modelIndex: number;
  readonly models: number;
  /** Names of every model of the run, in order (the models that run, after any were left out). */
  readonly names: readonly string[];
  /** 0-based fold index; `fold === folds` when the model is done. */
  readonly fold: number;
  readonly folds: number;
  /** The model's own fit progress (epochs, EM iterations), when it reports any. */
  readonly fit?: FitProgress;
  /**
   * Folds of this model done, in a run spread over helpers (`RunOptions.runTasks`): there the
   * model's folds run at once and in any order, `fold` is the fold this report is about, and the
   * reports of different folds interleave (each fold's own reports stay in order).
   */
  readonly foldsDone?: number;
  /**
   * Share of the whole forecasting done, 0–1, weighted by each fold's expected cost (`foldCosts`:
   * a learned model's fit weighs about a thousand baseline folds) and counting a fit's own steps;
   * it never goes back.
   */
  readonly fraction: number;
}

/** Options for `runForecasts`. */
export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Neighbour lists to reuse (must have k ≥ every model's neighbourRings); built if absent. */
  readonly neighbours?: Neighbours;
  /**
   * 1 for the panel cells of a declared geography (the H3 cover of a user's boundary file),
   * indexed like `panel.cells`: they are in the model universe at every fold, with or without
   * incidents.
   */
  readonly declared?: Uint8Array;
  /**
   * Helpers (workers, threads) to spread the folds and models over (`splitFoldTasks`); the
   * forecasts are the same numbers as in one piece. Progress then comes as the helpers forward it
   * (the same reports of each fold and fit step as in one piece, interleaved, with `foldsDone`),
   * else per finished task.
   */
  readonly runTasks?: FoldTaskRunner;
}

export type { ModelForecasts } from './fold-tasks';

/** The stored forecasts of a backtest: scoring reads only this and the panel. */
export interface ForecastSet {
  readonly protocol: ResolvedProtocol;
  /** Cutoff period index of each fold (= training periods available), ascending. */
  readonly cutoffs: readonly number[];
  readonly horizon: number;
  readonly cells: number;
  /** `universe[fold * cells + cell]` is 1 when the cell was in the fold's model universe (seen before the cutoff, or declared). */
  readonly universe: Uint8Array;
  readonly models: readonly ModelForecasts[];
}

/**
 * Runs every model over the protocol's rolling-origin cutoffs on one panel: at fold k each
 * model sees only the history before cutoff_k (sliding or expanding) of the fold's model
 * universe — the cells with an incident in any period before the cutoff, plus the declared
 * ones — and forecasts the next `horizon` periods for those cells; its forecasts are put back
 * in place among all the panel's cells. A cell outside the model universe (no incident before
 * the cutoff, not declared) is forecast 0 by every model. A forecast made at a cutoff is thus
 * a function of the incidents before it, the declared cells and the settings only.
 *
 * Learned parameters are re-estimated every `refitEvery` folds; between refits a model with
 * `update` is only conditioned on the newer history — unless the universe has grown since its
 * fit, which forces a refit, so that every model forecasts the same cells at every fold.
 * Models are created fresh by `make` for each refit and disposed when replaced, so tensors
 * never outlive a fit. In one piece the baselines (every fold at `BASELINE_FOLD_COST`) go
 * through the folds in step, each fold's universe restricted once for all of them
 * (`forecastInStep`), and the costlier models follow one by one; the order changes no number.
 *
 * Throws up front when the panel is too short for the protocol or a model's need (minHistory,
 * plus the validation span for models that use one: `trainingNeed`), and
 * with an AbortError when `signal` aborts (between folds, and inside fits that honour it).
 */
export async function runForecasts(
  panel: Panel,
  protocol: ResolvedProtocol,
  make: readonly (() => Forecaster)[],
  options: RunOptions = {},
): Promise<ForecastSet> {
  const plan = planRun(panel, protocol, make, options);
  const { names, costs, folds } = plan;
  const C = panel.cells.length;
  const { horizon } = protocol;
  let fraction = 0;
  const total = costs.reduce((sum, folds) => sum + folds.reduce((a, b) => a + b, 0), 0);
  const pooled = options.runTasks && total >= (options.runTasks.minCost ?? 0) ? options.runTasks : undefined;
  const tasks = pooled ? splitFoldTasks(costs, protocol.refitEvery, pooled.parts) : [];
  let parts: FoldsForecast[];
  if (tasks.length > 1) {
    const spread = spreadProgress(costs, tasks);
    const report = (m: number, fold: number, fit?: FitProgress): void => {
      fraction = Math.max(fraction, spread.fraction());
      const foldsDone = spread.foldsDone(m);
      options.onProgress?.({ model: names[m], modelIndex: m, models: make.length, names, fold, folds, ...(fit && { fit }), foldsDone, fraction });
    };
    // Whether the helpers forward their folds' reports (the app's workers and the CLI's threads do; a pool that does not reports finished tasks only).
    let forwarded = false;
    parts = await pooled!.run(
      tasks,
      (done) => {
        spread.finish(done.task);
        // The model's last task: it is done, as a run in one piece reports after its last fold.
        if (spread.modelDone(done.task.model)) report(done.task.model, folds);
        else if (!forwarded) report(done.task.model, done.task.to - 1);
      },
      (m, fold, fit) => {
        forwarded = true;
        spread.reach(m, fold, fitShare(fit));
        report(m, fold, fit);
      },
    );
  } else {
    // Baselines (every fold at the baseline cost) go through the folds together, so each fold's
    // model universe is restricted once for all of them; the costlier models follow one by one.
    const cheap = costs.flatMap((folds, m) => (folds.every((cost) => cost <= BASELINE_FOLD_COST) ? [m] : []));
    const inStep = cheap.length > 1 ? cheap : [];
    const oneByOne = make.map((_, m) => m).filter((m) => !inStep.includes(m));
    const tracked = spreadProgress(
      costs,
      make.map((_, m) => ({ model: m, from: 0, to: folds })),
    );
    const report = (m: number, fold: number, fit?: FitProgress): void => {
      if (fold === folds) tracked.finish({ model: m, from: 0, to: folds });
      else tracked.reach(m, fold, fitShare(fit));
      fraction = Math.max(fraction, tracked.fraction());
      options.onProgress?.({ model: names[m], modelIndex: m, models: make.length, names, fold, folds, fit, fraction });
    };
    parts = await forecastInStep(plan, inStep, make, { signal: options.signal, onProgress: report });
    inStep.forEach((m) => report(m, folds));
    for (const m of oneByOne) {
      parts.push(
        await forecastFolds(plan, { model: m, from: 0, to: folds }, make[m], { signal: options.signal, onProgress: (fold, fit) => report(m, fold, fit) }),
      );
      report(m, folds);
    }
  }
  const results = mergeFoldsForecasts(parts, names, folds * horizon * C);
  return { protocol, cutoffs: plan.cutoffs, horizon, cells: C, universe: plan.universe, models: results };
}

/** The share of a fit done (its step / steps), 0 without steps. */
function fitShare(fit: FitProgress | undefined): number {
  return fit?.step !== undefined && fit.steps ? fit.step / fit.steps : 0;
}
