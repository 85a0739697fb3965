import { errorFromData } from '../base/hexcast-error';
import type { FoldProgress, FoldTask, FoldsForecast } from '../evaluate/fold-tasks';
import type { ForecastJob, ForecastPool } from '../evaluate/forecast-job';
import type { Panel } from '../grid/panel';
import type { HelperAnswer, HelperRequest } from './pool-messages';
import type { BackendPreference, WasmPaths } from './protocol';

/** A started helper worker as the pool drives it (the worker entry adapts a Web Worker to it). */
export interface HelperWorker {
  post(message: HelperRequest): void;
  /** Sets the handlers: every answer, and a failure of the helper itself (it could not load, or died). */
  listen(onAnswer: (answer: HelperAnswer) => void, onFail: (reason: string) => void): void;
  terminate(): void;
}

/** What one run hands the pool. */
export interface PoolRunOptions {
  readonly panel: Panel;
  /** Helper workers wanted besides this worker (`helperCount`); below 1 there is no pool. */
  readonly helpers: number;
  readonly backend: { readonly preference: BackendPreference; readonly wasmPaths?: WasmPaths };
  /** Forecasts tasks in this worker, which takes its share of the queue as one more worker; `onProgress` gets their folds' reports. */
  readonly local: (job: ForecastJob, tasks: readonly FoldTask[], signal?: AbortSignal, onProgress?: FoldProgress) => Promise<FoldsForecast[]>;
  /** Called when a run is spread: the workers that compute (this one included), and why fewer than asked when helpers could not start. */
  readonly onSpread?: (workers: number, note?: string) => void;
  /** Expected run cost from which to spread (default `POOL_MIN_COST`). */
  readonly minCost?: number;
}

interface Helper {
  readonly worker: HelperWorker;
  readonly pending: Map<number, { resolve: (parts: FoldsForecast[]) => void; reject: (error: Error) => void; progress?: FoldProgress }>;
  dead?: string;
}

/** A helper that failed (not a task's error): its task goes back to the queue. */
class HelperDied extends Error {}

/**
 * The app's pool of helper Web Workers (a `ForecastPool` per run, `forRun`). Helpers start on the
 * first run whose cost pays for them (`backtest` asks the pool only then) and are reused by later
 * runs on the same panel; each gets the panel once — its counts in one SharedArrayBuffer that all
 * read when the page is cross-origin isolated, else a structured clone once per helper, never per
 * task. The fold tasks are spread from one queue over the helpers and this worker itself (`local`),
 * which keeps two requests waiting at each helper so that none idles while this worker computes.
 * Each task's progress (folds, fit steps) is forwarded to the run's `onProgress` as it comes, from
 * the helpers and this worker alike, so a spread run reports what it would in one piece.
 * Another panel, a cancel or `release()` terminates the helpers. A helper that cannot start or
 * dies hands its task back, and the run finishes on the workers left (this one at least), with
 * the same numbers: a task's forecasts do not depend on where it runs.
 */
export class WorkerPool {
  private helpers: Helper[] = [];
  private panel: Panel | undefined;
  private failure: string | undefined;
  private next = 0;

  constructor(private readonly spawn: () => HelperWorker) {}

  /** The pool for one run, or undefined when no helper is wanted. */
  forRun(options: PoolRunOptions): ForecastPool | undefined {
    if (options.helpers < 1) return undefined;
    if (options.panel !== this.panel) this.release();
    return {
      size: options.helpers + 1,
      ...(options.minCost !== undefined && { minCost: options.minCost }),
      run: (job, tasks, onDone, signal, onProgress) => this.run(options, job, tasks, onDone, signal, onProgress),
    };
  }

  /** Terminates every helper (a new panel, a cancel, the worker's end); the next run that needs them starts new ones. */
  release(): void {
    for (const helper of this.helpers) {
      helper.worker.terminate();
      fail(helper, 'the pool was released');
    }
    this.helpers = [];
    this.panel = undefined;
  }

  private start(options: PoolRunOptions): Helper[] {
    const live = this.helpers.filter((h) => !h.dead);
    if (live.length === options.helpers && this.panel === options.panel) return live;
    this.release();
    this.failure = undefined;
    const panel = sharedPanel(options.panel);
    for (let i = 0; i < options.helpers; i++) {
      let worker: HelperWorker;
      try {
        worker = this.spawn();
      } catch (error) {
        this.failure = error instanceof Error ? error.message : String(error);
        break;
      }
      const helper: Helper = { worker, pending: new Map() };
      worker.listen(
        (answer) => {
          const waiting = helper.pending.get(answer.id);
          if ('progress' in answer) {
            waiting?.progress?.(answer.progress.model, answer.progress.fold, answer.progress.fit);
            return;
          }
          helper.pending.delete(answer.id);
          if (!waiting) return;
          if ('error' in answer) waiting.reject(errorFromData(answer.error));
          else waiting.resolve(answer.parts);
        },
        (reason) => {
          this.failure = reason;
          worker.terminate();
          fail(helper, reason);
        },
      );
      worker.post({ type: 'panel', panel });
      this.helpers.push(helper);
    }
    this.panel = options.panel;
    return this.helpers;
  }

  private async run(
    options: PoolRunOptions,
    job: ForecastJob,
    tasks: readonly FoldTask[],
    onDone: (done: FoldsForecast) => void,
    signal: AbortSignal | undefined,
    onProgress: FoldProgress | undefined,
  ): Promise<FoldsForecast[]> {
    const helpers = this.start(options);
    const onAbort = (): void => this.release();
    signal?.addEventListener('abort', onAbort);
    const queue = [...tasks];
    const out: FoldsForecast[] = [];
    const finished = (parts: FoldsForecast[]): void => {
      for (const part of parts) {
        out.push(part);
        onDone(part);
      }
    };
    const ask = (helper: Helper, task: FoldTask): Promise<FoldsForecast[]> =>
      new Promise((resolve, reject) => {
        if (helper.dead) return reject(new HelperDied(helper.dead));
        const id = this.next++;
        helper.pending.set(id, { resolve, reject, ...(onProgress && { progress: onProgress }) });
        helper.worker.post({ type: 'tasks', id, job, tasks: [task], backend: options.backend });
      });
    // Two lanes per helper: its second request waits there, so it starts at once when the first is done.
    const lane = async (helper: Helper): Promise<void> => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        try {
          finished(await ask(helper, task));
        } catch (error) {
          if (!(error instanceof HelperDied) || signal?.aborted) throw error;
          queue.unshift(task);
          return;
        }
      }
    };
    const local = async (): Promise<void> => {
      for (let task = queue.shift(); task; task = queue.shift()) finished(await options.local(job, [task], signal, onProgress));
    };
    // A task that fails fails the run: the other lanes take no further task, and report none.
    const stopOnError = (work: Promise<void>): Promise<void> =>
      work.catch((error: unknown) => {
        queue.length = 0;
        throw error;
      });
    try {
      const live = helpers.filter((h) => !h.dead);
      options.onSpread?.(live.length + 1, live.length < options.helpers ? this.failure : undefined);
      await Promise.all([...live.flatMap((helper) => [lane(helper), lane(helper)]), local()].map(stopOnError));
      // Tasks handed back by a helper that died after this worker's share was done.
      await local();
      const left = live.filter((h) => !h.dead).length;
      if (left < live.length && !signal?.aborted) options.onSpread?.(left + 1, this.failure);
      if (signal?.aborted) throw abortError();
      return out;
    } catch (error) {
      if (signal?.aborted) throw abortError();
      // The helpers may still be fitting the failed run's tasks: end them, so the next run does not wait behind them.
      this.release();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Fails every request waiting at `helper` and marks it dead. */
function fail(helper: Helper, reason: string): void {
  helper.dead = reason;
  for (const waiting of helper.pending.values()) waiting.reject(new HelperDied(reason));
  helper.pending.clear();
}

/** The run's cancellation as the worker reports it. */
function abortError(): Error {
  const error = new Error('The run was cancelled');
  error.name = 'AbortError';
  return error;
}

/**
 * The panel as it goes to the helpers: with SharedArrayBuffer (a cross-origin isolated page, or
 * Node) its counts are copied once into shared memory that every helper reads; else the panel as
 * it is, which each helper receives as one structured clone.
 */
export function sharedPanel(panel: Panel): Panel {
  if (!sharedMemory()) return panel;
  const counts = new Float32Array(new SharedArrayBuffer(panel.counts.byteLength));
  counts.set(panel.counts);
  return { ...panel, counts };
}

/** True where a SharedArrayBuffer can be posted to another worker: a cross-origin isolated page (or Node, which has no such rule). */
function sharedMemory(): boolean {
  const scope = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown; process?: unknown };
  return typeof scope.SharedArrayBuffer === 'function' && (scope.crossOriginIsolated === true || scope.process !== undefined);
}
