import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FoldProgress, FoldTask, FoldsForecast } from '../lib/evaluate/fold-tasks';
import type { FitProgress } from '../lib/forecast/forecaster';
import type { ForecastJob, ForecastPool } from '../lib/evaluate/forecast-job';
import type { Panel } from '../lib/grid/panel';
import { errorFromData, type ErrorData } from '../lib/base/hexcast-error';
import type { FoldLane } from './fold-lane';

/** What a fold thread is started with: the run's panel, its counts, areas and period starts in shared memory (one copy for every thread). */
export interface FoldThreadData {
  readonly panel: Panel;
  /** The bundled thread module to import (dist-cli/fold-thread.js), or null to run the sources under tsx. */
  readonly bundle: string | null;
}

/**
 * A request to a fold thread and its answer. `run` numbers the pool's runs: a thread plans a
 * run's job once (`jobPlan`) and reuses the plan for the run's later tasks.
 */
export type FoldThreadRequest = { readonly id: number; readonly run: number; readonly job: ForecastJob; readonly tasks: readonly FoldTask[] };
export type FoldThreadAnswer =
  | { readonly id: number; readonly parts: FoldsForecast[] }
  | { readonly id: number; readonly error: ErrorData }
  /** A fold or fit step of the task (the model's index in the run, the fold of the whole run), as it happens; before the task's answer. */
  | { readonly id: number; readonly progress: { readonly model: number; readonly fold: number; readonly fit?: FitProgress } };

/** Threads `hexcast backtest` uses by default: the machine's logical cores (`os.availableParallelism`). */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * A pool of `size` worker_threads for `backtest` (a `ForecastPool`): each thread gets the panel
 * once, its typed arrays in SharedArrayBuffers that all threads read (copied once, never per row
 * or per thread), plans each run once, and forecasts the fold tasks it is handed, one at a time from a shared queue; the forecasts
 * come back as transferred buffers, and each task's folds and fit steps (throttled in the thread) go to the run's
 * `onProgress` as they happen, so the progress line moves with every lane as in a run in one piece. With `local` (a `foldLane` of the calling thread), the calling
 * thread is one of the `size` lanes and `size − 1` threads start: on two cores the main thread
 * would otherwise idle while a second thread pays its own start-up (modules, TensorFlow.js, JIT).
 * Threads start on the first run that pays for them (a run of baselines alone never starts one)
 * and end with `close()`.
 * @example const pool = threadPool(2, panel, undefined, foldLane(panel)); await runBacktest(…, { pool }); await pool.close();
 */
export function threadPool(size: number, panel: Panel, minCost?: number, local?: FoldLane): ForecastPool & { close(): Promise<void> } {
  let threads: Worker[] | undefined;
  let next = 0;
  let runs = 0;
  const start = (): Worker[] => {
    const bundled = import.meta.url.includes('/dist-cli/');
    const shared = { ...panel, counts: sharedCopy(panel.counts), area: sharedCopy(panel.area), periods: sharedCopy(panel.periods) };
    const data: FoldThreadData = { panel: shared, bundle: bundled ? new URL('./fold-thread.js', import.meta.url).href : null };
    const entry = new URL(bundled ? '../bin/fold-thread.js' : '../../bin/fold-thread.js', import.meta.url);
    return Array.from({ length: local ? size - 1 : size }, () => new Worker(entry, { workerData: data }));
  };
  const ask = (thread: Worker, request: FoldThreadRequest, onProgress?: FoldProgress): Promise<FoldsForecast[]> =>
    new Promise((resolve, reject) => {
      // A thread that exits without answering (process.exit in a model, a native abort) fails the run, as it would on one thread.
      const onExit = (code: number): void => {
        settle();
        reject(new Error(`a fold thread exited (code ${code}) while forecasting task ${request.id}`));
      };
      const onError = (error: Error): void => {
        settle();
        reject(error);
      };
      const onMessage = (answer: FoldThreadAnswer): void => {
        if (answer.id !== request.id) return;
        if ('progress' in answer) {
          onProgress?.(answer.progress.model, answer.progress.fold, answer.progress.fit);
          return;
        }
        settle();
        // The thread's error keeps its name, code and where (file, column, row), as on one thread.
        if ('error' in answer) reject(errorFromData(answer.error));
        else resolve(answer.parts);
      };
      const settle = (): void => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      thread.postMessage(request);
    });
  return {
    size,
    ...(minCost !== undefined && { minCost }),
    async run(job, tasks, onDone, signal, onProgress) {
      threads ??= start();
      const run = runs++;
      const queue = [...tasks];
      const out: FoldsForecast[] = [];
      // Once the run has settled (a lane failed, the run was aborted), the other lanes' tasks still
      // running report nothing more: their progress would reach a caller that has moved on.
      let ended = false;
      const forward: FoldProgress = (model, fold, fit) => {
        if (!ended) onProgress?.(model, fold, fit);
      };
      const lane = async (forecast: (task: FoldTask) => Promise<FoldsForecast[]>): Promise<void> => {
        for (let task = queue.shift(); task; task = queue.shift()) {
          signal?.throwIfAborted();
          for (const part of await forecast(task)) {
            out.push(part);
            onDone(part);
          }
        }
      };
      // A failed lane stops the others at their next task (they would take the rest of the queue).
      const stopOnError = (running: Promise<void>): Promise<void> => running.catch((error: unknown) => ((queue.length = 0), Promise.reject(error)));
      try {
        await Promise.all(
          [
            ...threads.map((thread) => lane((task) => ask(thread, { id: next++, run, job, tasks: [task] }, forward))),
            ...(local ? [lane((task) => local(run, job, [task], signal, forward))] : []),
          ].map(stopOnError),
        );
      } finally {
        ended = true;
      }
      return out;
    },
    async close() {
      await Promise.all((threads ?? []).map((t) => t.terminate()));
      threads = undefined;
    },
  };
}

/** A copy of `array` in a SharedArrayBuffer: posted to threads, it is shared, never copied again. */
function sharedCopy<T extends Float32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}
