import { isAbort, type WorkerClient } from '../../lib/worker/client';
import { HexcastError } from '../../lib/base/hexcast-error';
import type { BinResult, BinSettings, BoundaryFile, CategorySelection, PanelChoices, Progress } from '../../lib/worker/protocol';
import { H3_RESOLUTIONS } from '../h3-resolutions';
import { maxValuesOf, panelBudget } from '../panel-budget';
import type { HexGeometry } from '../../lib/plots/hex-geometry';
import { DEFAULT_BINNING } from '../../lib/pipeline/defaults';
import { appErrorMessage } from '../data/load-warnings';

/** A bin request sent to the worker: its id (to cancel it), its answer, the call that sent it and its category filter. */
interface Flight {
  readonly id: number;
  readonly answer: Promise<BinResult>;
  readonly call: number;
  readonly categories: string;
}

/**
 * The Binning step: the settings, the binned panel's totals and its map geometry. A newer
 * `apply` supersedes an older one still in the worker's queue (sliders send many). For a
 * streamed file a new category filter is decoded again inside the bin: `decoding` follows it,
 * and `cancel` stops it, keeping the panel shown before with its settings. A newer `apply`
 * during a decode cancels it when it asks for other categories; with the same categories (a
 * new resolution or bucket) the decode goes on, its progress and Cancel shown under the newer
 * call, whose bin uses what it decoded.
 */
export class BinningState {
  settings = $state.raw<BinSettings>(DEFAULT_BINNING);
  result = $state.raw<BinResult | null>(null);
  geometry = $state.raw<HexGeometry | null>(null);
  busy = $state(false);
  /** When the bin in flight started (`performance.now()`), for the progress line. */
  startedAt = $state(0);
  /** The bin in flight is decoding a streamed file again for its category filter: the worker's message, and bytes read and rows decoded so far; null otherwise. */
  decoding = $state.raw<{ readonly message: string; readonly bytes: number; readonly rows: number } | null>(null);
  /** What became of a cancelled decode (see `cancel`), shown in the step until the next bin. */
  cancelled = $state<string | null>(null);
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
  /** The newest call's bin request, until it is answered. */
  private inFlight: Flight | null = null;
  /** The request whose filter decode `decoding` shows: the newest call's, or an older one's with the same categories that the newest waits for. */
  private decodeFlight: Flight | null = null;
  /** The settings `result` was binned with (what a cancelled bin goes back to). */
  private shown: BinSettings | null = null;
  /**
   * The worker's last answered bin, by call, shown or not: what it holds after a cancel (the
   * worker answers bins in the order they were sent). A failed bin leaves it no panel (null).
   */
  private answered: { readonly call: number; readonly result: BinResult | null; readonly settings: BinSettings } | null = null;

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
    this.cancelled = null;
    const categories = JSON.stringify(settings.categories);
    this.supersede(categories);
    // A refusal names only the resolutions the Binning step offers.
    const sent: BinSettings = { ...settings, maxValues: maxValuesOf(this.budget.mb), coarserAdvice: H3_RESOLUTIONS.map((r) => r.res) };
    // A streamed file's filter decode: a 'load' message when it starts, then bytes and rows decoded, file by file.
    const bytes: number[] = [];
    const rows: number[] = [];
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    let flight: Flight | null = null;
    const onProgress = (p: Progress): void => {
      if (p.stage === 'load') {
        if (call !== this.latest && this.decodeFlight !== flight) return;
        this.decodeFlight = flight;
        bytes.length = rows.length = 0;
        this.decoding = { message: p.message, bytes: 0, rows: 0 };
      } else if (p.stage === 'read' && this.decoding && this.decodeFlight === flight) {
        bytes[p.file] = p.bytes;
        rows[p.file] = p.rows;
        this.decoding = { message: this.decoding.message, bytes: sum(bytes), rows: sum(rows) };
      }
    };
    try {
      const pending = this.client.start('bin', { settings: sent }, { onProgress });
      flight = { id: pending.id, answer: pending.result, call, categories };
      this.inFlight = flight;
      let result: BinResult;
      try {
        result = await pending.result;
      } finally {
        if (this.decodeFlight === flight) {
          this.decodeFlight = null;
          this.decoding = null;
        }
      }
      // The worker leaves out geometry it sent before, so keep it even from an answer that is no longer shown.
      if (result.geometry) this.geometry = result.geometry;
      this.answer(call, result, settings);
      if (call !== this.latest) return false;
      this.result = result;
      this.shown = settings;
      this.error = null;
      this.refusal = null;
      return true;
    } catch (error) {
      if (!isAbort(error)) this.answer(call, null, settings);
      if (call !== this.latest) return false;
      // Cancelled: the worker keeps the panel it binned last, so the form goes back to it.
      if (isAbort(error)) {
        this.showAnswered();
        return false;
      }
      this.result = null;
      this.shown = null;
      this.error = appErrorMessage(error); // a remedy worded as the app's control
      this.refusal = null;
      if (error instanceof HexcastError && error.code === 'panel-too-large') void this.askChoices(sent, call);
      return false;
    } finally {
      if (call === this.latest) {
        this.busy = false;
        this.decoding = null;
        this.decodeFlight = null;
        this.inFlight = null;
      }
    }
  }

  /**
   * Before a new call with `categories` (JSON): a decode in flight for other categories is
   * cancelled in the worker (its panel would not be shown); one for the same categories goes on
   * and stays shown, since the new call's bin waits for it and uses what it decodes.
   */
  private supersede(categories: string): void {
    const before = this.inFlight;
    const decode = this.decodeFlight;
    this.inFlight = null;
    if (before && before.categories === categories) {
      this.decodeFlight = decode ?? before;
      return;
    }
    for (const flight of [before, decode !== before ? decode : null]) if (flight) void this.client.cancel(flight.id).catch(() => undefined);
    this.decodeFlight = null;
    this.decoding = null;
  }

  /** Records the worker's answer to `call` (see `answered`); an older call's answer arriving late changes nothing. */
  private answer(call: number, result: BinResult | null, settings: BinSettings): void {
    if (!this.answered || this.answered.call < call) this.answered = { call, result, settings };
  }

  /** After the newest call was cancelled: shows what the worker holds — its last answered bin when newer than the one shown, else the one shown, with its settings. */
  private showAnswered(): void {
    const answered = this.answered;
    if (answered && answered.result && answered.result !== this.result) {
      this.result = answered.result;
      this.shown = answered.settings;
      this.error = null;
      this.refusal = null;
    }
    if (this.shown) this.settings = this.shown;
  }

  /**
   * Stops the bin in flight while it decodes a streamed file for its category filter (and the
   * newer call waiting for that decode): the worker stops between record batches and keeps the
   * panel binned before, and the form goes back to that panel's settings ('kept'); 'finished'
   * when the decode was done before the cancel reached the worker (its panel is shown).
   * `cancelled` says which, unless a newer bin started meanwhile. Null when no decode is in flight.
   */
  async cancel(): Promise<'kept' | 'finished' | null> {
    const flight = this.decodeFlight;
    const newest = this.inFlight;
    if (!flight || !this.decoding) return null;
    const call = this.latest;
    const waiting = newest && newest !== flight ? newest : null;
    await Promise.all([this.client.cancel(flight.id), waiting && this.client.cancel(waiting.id)]);
    const aborted = await flight.answer.then(
      () => false,
      (error: unknown) => isAbort(error),
    );
    await waiting?.answer.catch(() => undefined);
    if (call !== this.latest) return aborted ? 'kept' : 'finished';
    this.cancelled = !aborted
      ? 'The category filter had been decoded before Cancel reached it: its panel is shown.'
      : this.result
        ? 'Decoding for the category filter was cancelled: the panel binned before is still shown, with its categories.'
        : 'Decoding for the category filter was cancelled: nothing is binned yet; choose the categories again.';
    return aborted ? 'kept' : 'finished';
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
    this.shown = null;
    this.answered = null;
    this.decoding = null;
    this.cancelled = null;
    this.inFlight = null;
    this.decodeFlight = null;
    this.cellCounts = null;
    this.countedFor = undefined;
    this.result = null;
    this.error = null;
    this.refusal = null;
    this.busy = false;
  }
}
