import { parentPort, workerData } from 'node:worker_threads';
import { forecastJobTasks, jobPlan, type JobPlan } from '../lib/evaluate/forecast-job';
import { modelRegistry } from '../lib/forecast/models';
import { errorData } from '../lib/base/hexcast-error';
import type { FoldThreadAnswer, FoldThreadData, FoldThreadRequest } from './thread-pool';

// One thread of `threadPool`: holds the run's panel (shared counts) and forecasts the fold tasks
// it is sent with the registry's models, as the main thread would (`forecastJobTasks`).
const { panel } = workerData as FoldThreadData;
let tensorflow: Promise<unknown> | undefined;
// The plan of the pool's current run (its tasks come one at a time; the plan is the same for all).
let planned: { run: number; plan: JobPlan } | undefined;

parentPort!.on('message', async ({ id, run, job, tasks }: FoldThreadRequest) => {
  try {
    const registry = await modelRegistry(job.models.map((m) => m.id));
    if (job.models.some((m) => registry.tensorflow.has(m.id))) await (tensorflow ??= import('../lib/forecast/tf').then((tf) => tf.ensureBackend()));
    if (planned?.run !== run) planned = { run, plan: jobPlan(panel, job, registry.definitions) };
    const parts = await forecastJobTasks(panel, job, tasks, registry.definitions, undefined, planned.plan);
    parentPort!.postMessage(
      { id, parts } satisfies FoldThreadAnswer,
      parts.map((p) => p.values.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ id, error: errorData(error) } satisfies FoldThreadAnswer);
  }
});
