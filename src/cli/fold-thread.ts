import { parentPort, workerData } from 'node:worker_threads';
import { forecastJobTasks } from '../lib/evaluate/forecast-job';
import { modelRegistry } from '../lib/forecast/models';
import { errorData } from '../lib/base/hexcast-error';
import type { FoldThreadAnswer, FoldThreadData, FoldThreadRequest } from './thread-pool';

// One thread of `threadPool`: holds the run's panel (shared counts) and forecasts the fold tasks
// it is sent with the registry's models, as the main thread would (`forecastJobTasks`).
const { panel } = workerData as FoldThreadData;
let tensorflow: Promise<unknown> | undefined;

parentPort!.on('message', async ({ id, job, tasks }: FoldThreadRequest) => {
  try {
    const registry = await modelRegistry(job.models.map((m) => m.id));
    if (job.models.some((m) => registry.tensorflow.has(m.id))) await (tensorflow ??= import('../lib/forecast/tf').then((tf) => tf.ensureBackend()));
    const parts = await forecastJobTasks(panel, job, tasks, registry.definitions);
    parentPort!.postMessage(
      { id, parts } satisfies FoldThreadAnswer,
      parts.map((p) => p.values.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ id, error: errorData(error) } satisfies FoldThreadAnswer);
  }
});
