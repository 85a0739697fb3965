import { isAbort, type WorkerClient } from '../../lib/worker/client';
import { HexcastError } from '../../lib/base/hexcast-error';
import type { BinResult, BinSettings, BoundaryFile, CategorySelection, PanelChoices } from '../../lib/worker/protocol';
import { H3_RESOLUTIONS } from '../h3-resolutions';
import { maxValuesOf, panelBudget } from '../panel-budget';
import type { HexGeometry } from '../../lib/plots/hex-geometry';
import { DEFAULT_BINNING } from '../../lib/pipeline/defaults';

/**
 * The Binning step: the settings, the binned panel's totals and its map geometry. A newer
 * `apply` supersedes an older one still in the worker's queue (sliders send many).
 */
export class BinningState {
  settings = $state.raw<BinSettings>(DEFAULT_BINNING);
  result = $state.raw<BinResult | null>(null);
  geometry = $state.raw<HexGeometry | null>(null);
  busy = $state(false);
  /** When the bin in flight started (`performance.now()`), for the progress line. */
  startedAt = $state(0);
  error = $state<string | null>(null);
  /** The largest panel binned, MB of counts, and why that number (`panelBudget`); sent with every bin as `maxValues`. */
  readonly budget: { readonly mb: number; readonly why: string };
  /** After a 'panel-too-large' refusal: the panel asked for and the grids that fit, offered as choices; null otherwise. */
  refusal = $state.raw<PanelChoices | null>(null);
  /** The GeoJSON boundary defining the study region, if one is loaded. */
  boundary = $state.raw<BoundaryFile | null>(null);
  boundaryError = $state<string | null>(null);
  /** The boundary an experiment link was made with, until the same file is loaded. */
  expectedBoundary = $state.raw<BoundaryFile | null>(null);
  /** The boundary's file, kept so that a restarted worker can be sent it again. */
  boundaryFile: File | null = null;
  /** Cells with incidents at each offered resolution (for the categories `countedFor`), once the worker has counted them. */
  cellCounts = $state.raw<ReadonlyMap<number, number> | null>(null);
  private countedFor: string | undefined;
  private latest = 0;

  constructor(
    private readonly client: WorkerClient,
    budget = panelBudget(globalThis.location?.search ?? '', (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory),
  ) {
    this.budget = budget;
  }

  /**
   * Bins with `settings` under the budget (`maxValues`: the core refuses a larger panel before
   * allocating it); resolves true when this call's result is the one shown. A refusal asks the
   * worker for the grids that fit (`refusal`).
   */
  async apply(settings: BinSettings): Promise<boolean> {
    const call = ++this.latest;
    this.settings = settings;
    this.busy = true;
    this.startedAt = performance.now();
    const sent: BinSettings = { ...settings, maxValues: maxValuesOf(this.budget.mb) };
    try {
      const result = await this.client.request('bin', { settings: sent });
      // The worker leaves out geometry it sent before, so keep it even from an answer that is no longer shown.
      if (result.geometry) this.geometry = result.geometry;
      if (call !== this.latest) return false;
      this.result = result;
      this.error = null;
      this.refusal = null;
      return true;
    } catch (error) {
      if (isAbort(error) || call !== this.latest) return false;
      this.result = null;
      this.error = error instanceof Error ? error.message : String(error);
      this.refusal = null;
      if (error instanceof HexcastError && error.code === 'panel-too-large') void this.askChoices(sent, call);
      return false;
    } finally {
      if (call === this.latest) this.busy = false;
    }
  }

  /**
   * Loads a GeoJSON boundary into the worker (null removes it); refuses a file whose SHA-256
   * differs from the one a link expects. The caller re-bins afterwards.
   */
  async setBoundary(file: File | null): Promise<boolean> {
    try {
      const boundary = file ? { name: file.name, text: await file.text() } : null;
      const loaded = await this.client.request('boundary', { boundary });
      const expected = this.expectedBoundary;
      if (loaded && expected && loaded.sha256 !== expected.sha256) {
        await this.client.request('boundary', { boundary: null });
        this.boundary = null;
        this.boundaryFile = null;
        this.boundaryError = `This is not the boundary the link was made with: it expects ${expected.name} (SHA-256 ${expected.sha256.slice(0, 12)}…), got ${loaded.name} (${loaded.sha256.slice(0, 12)}…).`;
        return false;
      }
      if (loaded) this.expectedBoundary = null;
      this.boundary = loaded;
      this.boundaryFile = loaded ? file : null;
      this.boundaryError = null;
      return true;
    } catch (error) {
      this.boundaryError = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  /**
   * Asks the worker how many cells hold incidents of `categories` at each of `resolutions`
   * (after the map is shown: it is queued behind the bin); does nothing when they are counted
   * already. A failure leaves the picker without counts.
   */
  async countCells(resolutions: readonly number[], categories: CategorySelection): Promise<void> {
    const key = JSON.stringify([resolutions, categories]);
    if (this.countedFor === key) return;
    this.countedFor = key;
    try {
      const { counts } = await this.client.request('resolution-cells', { resolutions, categories });
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
      if (this.countedFor === key) this.cellCounts = new Map(counts.map((c) => [c.res, c.cells]));
    } catch (error) {
      if (!isAbort(error) && this.countedFor === key) this.cellCounts = null;
    }
  }

  /** Asks the worker for the grids that fit after a refusal; a failure leaves the refusal's text alone. */
  private async askChoices(settings: BinSettings, call: number): Promise<void> {
    try {
      const choices = await this.client.request('panel-choices', { settings, resolutions: H3_RESOLUTIONS.map((r) => r.res) });
      if (call === this.latest) this.refusal = choices;
    } catch {
      // the refusal's message already names the coarser grids that fit
    }
  }

  /** Forgets the panel (new data was opened). */
  reset(): void {
    this.latest++;
    this.cellCounts = null;
    this.countedFor = undefined;
    this.result = null;
    this.error = null;
    this.refusal = null;
    this.busy = false;
  }
}
