import { forecastJobTasks, jobPlan, type ForecastJob, type JobPlan } from '../lib/evaluate/forecast-job';
import type { FoldProgress, FoldTask, FoldsForecast } from '../lib/evaluate/fold-tasks';
import { modelRegistry } from '../lib/forecast/models';
import type { Panel } from '../lib/grid/panel';

/** Forecasts tasks of the pool's run number `run` on the thread that calls it; `onProgress` gets their folds and fit steps. */
export type FoldLane = (run: number, job: ForecastJob, tasks: readonly FoldTask[], signal?: AbortSignal, onProgress?: FoldProgress) => Promise<FoldsForecast[]>;

/**
 * A lane of `threadPool` on the calling thread (a fold thread, or the main thread as one more
 * lane): forecasts fold tasks of `panel` with the built-in registry's models, as one thread would
 * (`forecastJobTasks`), starting TensorFlow.js when a model needs it and planning each run once;
 * each fold's and fit step's progress goes to `onProgress`.
 * @example const lane = foldLane(panel); await lane(0, job, [{ model: 0, from: 0, to: 1 }]);
 */
export function foldLane(panel: Panel): FoldLane {
  let tensorflow: Promise<unknown> | undefined;
  // The plan of the latest run (its tasks come one at a time; the plan is the same for all).
  let planned: { run: number; plan: JobPlan } | undefined;
  return async (run, job, tasks, signal, onProgress) => {
    const registry = await modelRegistry(job.models.map((m) => m.id));
    if (job.models.some((m) => registry.tensorflow.has(m.id))) await (tensorflow ??= import('../lib/forecast/tf').then((tf) => tf.ensureBackend()));
    if (planned?.run !== run) planned = { run, plan: jobPlan(panel, job, registry.definitions) };
    return forecastJobTasks(panel, job, tasks, registry.definitions, signal, onProgress, planned.plan);
  };
}
