import type { FitProgress } from '../forecast/forecaster';
import { createModel, type ModelDefinition, type ModelSpec } from '../forecast/model-definition';
import type { Panel } from '../grid/panel';
import type { FoldProgress, FoldTask, FoldsForecast } from './fold-tasks';
import type { Forecaster } from '../forecast/forecaster';
import { forecastFolds } from './forecast-folds';
import { planRun, type RunPlan } from './plan-run';
import type { ResolvedProtocol } from './protocol';

/** What a helper needs besides the panel to forecast tasks of a run: the fitted protocol, the model specs, the declared cells. */
export interface ForecastJob {
  readonly protocol: ResolvedProtocol;
  /** The run's models after `fitToPanel`, in run order (a task's `model` indexes them). */
  readonly models: readonly ModelSpec[];
  /** 1 for the cells of a declared geography (see `RunOptions.declared`). */
  readonly declared?: Uint8Array;
}

/**
 * Helpers that hold a run's panel (given once per run by the shell: worker_threads in the CLI,
 * Web Workers in the app) and forecast its fold tasks. Only models of the built-in registry
 * run on helpers (they make the same models from the same specs); `backtest` keeps user code
 * and frozen models in one piece.
 */
export interface ForecastPool {
  /** Helpers that run at once. */
  readonly size: number;
  /** Expected run cost from which the pool is used (default `POOL_MIN_COST`; 0 in tests, to pool cheap runs too). */
  readonly minCost?: number;
  /**
   * Forecasts `tasks` of `job`, spread over the helpers; `onDone` gets each finished task, and
   * `onProgress` (where the pool forwards it) each task's folds and fit steps as they happen.
   */
  run(
    job: ForecastJob,
    tasks: readonly FoldTask[],
    onDone: (done: FoldsForecast) => void,
    signal?: AbortSignal,
    onProgress?: FoldProgress,
  ): Promise<FoldsForecast[]>;
}

/** What every task of a job shares on a helper: the run's plan and a maker of each model. */
export interface JobPlan {
  readonly plan: RunPlan;
  readonly make: readonly (() => Forecaster)[];
}

/**
 * The plan of `job` on `panel` (cutoffs, model universes, neighbour lists), rebuilt on a helper
 * from the same inputs as the run's, so it is the same plan; a helper that is sent several tasks
 * of one job makes it once (`forecastJobTasks`'s `planned`).
 * @example jobPlan(panel, job, BASELINES).plan.folds // → job.protocol's number of folds
 */
export function jobPlan(panel: Panel, job: ForecastJob, definitions: readonly ModelDefinition[]): JobPlan {
  const context = { res: panel.res, bucket: panel.bucket };
  const make = job.models.map((spec) => () => createModel(spec, definitions, context));
  return { plan: planRun(panel, job.protocol, make, { declared: job.declared }), make };
}

/**
 * A helper's side of a pool: forecasts `tasks` of `job` on `panel` one after another, with models
 * made from `definitions` as the run makes them, and returns each task's forecasts. The plan
 * (cutoffs, model universes, neighbour lists) is rebuilt here from the same inputs, so it is the
 * same as the run's, unless `planned` (from `jobPlan` of the same job) is given. `onProgress`
 * gets each fold and fit step with the task's model index: the same reports the run in one
 * piece makes for those folds.
 * @example (await forecastJobTasks(panel, job, [{ model: 0, from: 0, to: 4 }], BASELINES))[0].values.length // → 4 × horizon × cells
 */
export async function forecastJobTasks(
  panel: Panel,
  job: ForecastJob,
  tasks: readonly FoldTask[],
  definitions: readonly ModelDefinition[],
  signal?: AbortSignal,
  onProgress?: FoldProgress,
  planned: JobPlan = jobPlan(panel, job, definitions),
): Promise<FoldsForecast[]> {
  const out: FoldsForecast[] = [];
  for (const task of tasks) {
    const onFold = onProgress && ((fold: number, fit?: FitProgress): void => onProgress(task.model, fold, fit));
    out.push(await forecastFolds(planned.plan, task, planned.make[task.model], { signal, ...(onFold && { onProgress: onFold }) }));
  }
  return out;
}
