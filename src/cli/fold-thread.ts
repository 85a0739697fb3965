import { parentPort, workerData } from 'node:worker_threads';
import { errorData } from '../lib/base/hexcast-error';
import { foldProgressThrottle } from '../lib/evaluate/fold-progress-throttle';
import { foldLane } from './fold-lane';
import type { FoldThreadAnswer, FoldThreadData, FoldThreadRequest } from './thread-pool';

// One thread of `threadPool`: holds the run's panel (shared arrays) and forecasts the fold tasks
// it is sent with the registry's models, as the main thread would (`foldLane`). Each task's folds
// and fit steps go back as they happen (throttled: `foldProgressThrottle`, the held-back last step
// flushed at the task's end), before its forecasts.
const lane = foldLane((workerData as FoldThreadData).panel);

parentPort!.on('message', async ({ id, run, job, tasks }: FoldThreadRequest) => {
  try {
    const progress = foldProgressThrottle((model, fold, fit) =>
      parentPort!.postMessage({ id, progress: { model, fold, ...(fit && { fit }) } } satisfies FoldThreadAnswer),
    );
    const parts = await lane(run, job, tasks, undefined, progress);
    progress.flush(); // the last step of a long trace, if it was held back
    parentPort!.postMessage(
      { id, parts } satisfies FoldThreadAnswer,
      parts.map((p) => p.values.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({ id, error: errorData(error) } satisfies FoldThreadAnswer);
  }
});
