import { remainingMs } from '../../lib/evaluate/run-plan';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { Progress, RunResult, RunSpec } from '../../lib/worker/protocol';
import { workersLabel } from '../pool/workers-label';
import { NO_CURVES, lossCurveOf, withFitPoint, type FoldCurves, type LossCurve } from './fold-curves';

export type { LossCurve } from './fold-curves';

/** How far one model has got. */
export interface ModelProgress {
  readonly name: string;
  readonly fold: number;
  readonly folds: number;
  /** What its fit is doing now ('epoch 3 of 12'), when it reports steps. */
  readonly detail: string;
  readonly startedAt: number | null;
  readonly doneAt: number | null;
}

/**
 * The Run step: one run at a time in the worker, its progress per stage and per model, the live
 * training curves, and the result. `cancel` really stops the worker's work (between folds and
 * inside tfjs fits). A run spread over workers reports the same folds and fit steps, several
 * folds at once: each model's row then counts its folds done, and the curves are kept by fold.
 */
export class RunState {
  status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
  stage = $state('');
  models = $state.raw<readonly ModelProgress[]>([]);
  curves = $state.raw<Readonly<Record<string, LossCurve>>>({});
  result = $state.raw<RunResult | null>(null);
  error = $state<string | null>(null);
  startedAt = $state(0);
  finishedAt = $state(0);
  /**
   * Share of the forecasting done, 0–1, weighted by each fold's expected cost (the worker's
   * `RunProgress.fraction`), so a learned model's folds count for what they cost.
   */
  fraction = $state(0);
  /** The tfjs backend of the run and its threads (null: a GPU); null while none is needed or started. */
  backend = $state.raw<{ readonly name: string; readonly threads: number | null } | null>(null);
  /** Workers the run's forecasting was spread over (the worker and its helpers; `note`: why helpers could not start); null: the one worker. */
  workers = $state.raw<{ readonly count: number; readonly note?: string } | null>(null);
  private runId: number | null = null;
  /** Each model's training curves by fold, from which `curves` is drawn. */
  private fits: Record<string, FoldCurves> = {};

  constructor(private readonly client: WorkerClient) {}

  /** Milliseconds left at the rate so far (`remainingMs`), undefined until it can be estimated. */
  remaining(now: number): number | undefined {
    return this.status === 'running' ? remainingMs(now - this.startedAt, this.fraction) : undefined;
  }

  async start(spec: RunSpec): Promise<RunResult | null> {
    const run = this.client.start('run', { spec }, { onProgress: (p) => this.onProgress(p) });
    this.runId = run.id;
    this.status = 'running';
    this.stage = 'Starting';
    // With 'auto' folds the count is known once the worker has fitted the protocol to the panel (first progress).
    const folds = spec.protocol.folds === 'auto' ? 0 : spec.protocol.folds;
    this.models = spec.models.map((name) => ({ name, fold: 0, folds, detail: 'waiting', startedAt: null, doneAt: null }));
    this.curves = {};
    this.fits = {};
    this.fraction = 0;
    this.backend = null;
    this.workers = null;
    this.error = null;
    this.startedAt = performance.now();
    try {
      const result = await run.result;
      if (this.runId !== run.id) return null;
      this.result = result;
      // A spread run reports each model's end (fold === folds); this settles every row to done at the result all the same.
      if (this.workers) this.models = this.models.map((m) => ({ ...m, fold: m.folds, detail: 'done', doneAt: m.doneAt ?? performance.now() }));
      this.status = 'done';
      return result;
    } catch (error) {
      if (this.runId !== run.id) return null;
      if (isAbort(error)) this.status = 'cancelled';
      else {
        this.status = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      }
      return null;
    } finally {
      if (this.runId === run.id) {
        this.finishedAt = performance.now();
        this.runId = null;
      }
    }
  }

  /** Folds × models and the workers that compute them ('4 folds × 2 models on 2 workers'), once the plan is known. */
  get computeLabel(): string {
    const folds = this.models[0]?.folds ?? 0;
    return workersLabel(folds, this.models.length, this.workers?.count ?? 1, this.workers?.note);
  }

  async cancel(): Promise<void> {
    if (this.runId !== null) await this.client.cancel(this.runId);
  }

  /** Forgets the result (the data or panel changed under it). */
  clear(): void {
    this.result = null;
    if (this.status !== 'running') this.status = 'idle';
  }

  private onProgress(progress: Progress): void {
    if (progress.stage === 'backend-ready') {
      this.backend = { name: progress.backend, threads: progress.threads };
      return;
    }
    if (progress.stage === 'workers') {
      this.workers = { count: progress.workers, ...(progress.note && { note: progress.note }) };
      // Each model's clock starts at its first report, as on one worker.
      const detail = `spread over ${progress.workers} worker${progress.workers === 1 ? '' : 's'}`;
      this.models = this.models.map((m) => ({ ...m, detail }));
      return;
    }
    if (progress.stage !== 'forecast') {
      if ('message' in progress) this.stage = progress.message;
      return;
    }
    const { run } = progress;
    const now = performance.now();
    const fit = run.fit;
    this.fraction = Math.max(this.fraction, run.fraction);
    this.stage = this.workers ? `Forecasting ${this.computeLabel}` : `Forecasting with ${run.model}`;
    if (this.models.length !== run.names.length || this.models.some((m) => m.folds !== run.folds)) {
      // The worker settled the plan: 'auto' folds, and models that cannot run on this panel left out.
      this.models = run.names.map((name, i) => ({ ...(this.models.find((m) => m.name === name) ?? this.models[i]), name, folds: run.folds }));
    }
    this.models = this.models.map((m, i) => {
      if (i !== run.modelIndex) return m;
      const done = run.fold === run.folds;
      const detail = done
        ? 'done'
        : fit?.steps
          ? `fold ${run.fold + 1}: ${fit.stage} ${fit.step ?? 0} of ${fit.steps}`
          : `fold ${run.fold + 1} of ${run.folds}`;
      // A spread run's folds run at once, out of order: the bar counts the folds done.
      const fold = run.foldsDone ?? run.fold;
      return { name: run.model, fold, folds: run.folds, detail, startedAt: m.startedAt ?? now, doneAt: done ? now : null };
    });
    if (fit) {
      const fits = withFitPoint(this.fits[run.model] ?? NO_CURVES, run.fold, fit);
      if (fits === this.fits[run.model]) return;
      this.fits[run.model] = fits;
      const curve = lossCurveOf(run.model, fits);
      if (curve) this.curves = { ...this.curves, [run.model]: curve };
    }
  }
}
