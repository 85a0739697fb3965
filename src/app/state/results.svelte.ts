import { middleCoverage } from '../../lib/plots/coverage-choices';
import { isAbort, type WorkerClient } from '../../lib/worker/client';
import type { CellSeries, RunResult, StepSlice } from '../../lib/worker/protocol';

/** What the results map shows. */
export type MapMode = 'actual' | 'forecast' | 'error' | 'hotspots';

/**
 * The Results step's selections (fold and step on the time slider, map mode, model, coverage,
 * the clicked cell) and the slices fetched from the worker for them.
 */
export class ResultsState {
  /** Index into the test periods: fold × horizon + step. */
  position = $state(0);
  mode = $state<MapMode>('forecast');
  model = $state(0);
  coverage = $state(0.05);
  cell = $state<number | null>(null);
  slice = $state.raw<StepSlice | null>(null);
  series = $state.raw<CellSeries | null>(null);
  error = $state<string | null>(null);
  private run: RunResult | null = null;

  constructor(private readonly client: WorkerClient) {}

  /** Resets the selections for a new result: last fold, first step, the middle coverage level. */
  show(run: RunResult): void {
    this.run = run;
    const { horizon, coverage } = run.report.protocol;
    this.position = (run.report.cutoffs.length - 1) * horizon;
    this.coverage = middleCoverage(coverage);
    this.model = Math.max(0, run.models.length - 1);
    this.cell = null;
    this.slice = null;
    this.series = null;
  }

  get horizon(): number {
    return this.run?.report.protocol.horizon ?? 1;
  }

  /** Fetches the actual counts and forecasts at `position` (a newer request supersedes this one). */
  async loadSlice(): Promise<void> {
    if (!this.run) return;
    const fold = Math.floor(this.position / this.horizon);
    const step = this.position % this.horizon;
    try {
      this.slice = await this.client.request('step-slice', { fold, step });
      this.error = null;
    } catch (error) {
      if (!isAbort(error)) this.error = (error as Error).message;
    }
  }

  /** The Arrow file of every forecast of the run (built in the worker). */
  async forecastsFile(): Promise<ArrayBuffer> {
    return (await this.client.request('forecasts-file', {})).bytes;
  }

  /** A learned model of the run (its spec) fitted once on the periods before the first cutoff, as a saved-model file (built in the worker). */
  async saveModel(spec: string): Promise<ArrayBuffer> {
    return (await this.client.request('save-model', { model: spec })).bytes;
  }

  /** Fetches the series of `cell` (none: clears it), forecasts `step + 1` periods ahead. */
  async loadSeries(cell: number | null, step: number): Promise<void> {
    if (!this.run || cell === null) {
      this.series = null;
      return;
    }
    try {
      this.series = await this.client.request('cell-series', { cell, step });
    } catch (error) {
      if (!isAbort(error)) this.error = (error as Error).message;
    }
  }
}
