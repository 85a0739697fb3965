import type { ColumnMapping } from '../../lib/io/column-mapping';
import { isAbort, type Pending, type WorkerClient } from '../../lib/worker/client';
import type { LoadResult, OpenFile, OpenResult, PanelLoadResult, PanelOptions, Progress } from '../../lib/worker/protocol';
import type { TaskProgress } from '../task-progress';
import type { DataSource } from '../experiment';
import { emptyLoadError } from '../empty-load-error';
import { mappingErrorField, type MappingField } from '../mapping-error-field';
import { appErrorMessage } from '../data/load-warnings';
import { streamFromAddress } from '../stream-from';

/** A load error with the mapping control it belongs next to (null: the file as a whole). */
export interface FieldError {
  readonly field: MappingField | null;
  readonly message: string;
}

/**
 * The Data step: which files are open, their preview and suggested mapping, the mapping in use,
 * and the load report — or, for a pre-binned panel file, the panel as read, the overrides it was
 * read with and its row accounting. Talks to the worker; knows nothing about binning.
 */
export class DataState {
  source = $state.raw<DataSource | null>(null);
  opened = $state.raw<OpenResult | null>(null);
  mapping = $state.raw<ColumnMapping | null>(null);
  loaded = $state.raw<LoadResult | null>(null);
  /** What the worker is doing, for a status line; null when idle. */
  status = $state<string | null>(null);
  /** Opening or decoding in progress (bytes read, rows), for the progress bar and its Cancel button; null when idle. */
  progress = $state.raw<TaskProgress | null>(null);
  openError = $state<string | null>(null);
  loadError = $state.raw<FieldError | null>(null);
  /** The pre-binned panel as read (panel files only). */
  panel = $state.raw<PanelLoadResult | null>(null);
  /** The bucket unit and zone overrides the panel was read with (files without Hexcast metadata only). */
  panelOptions = $state.raw<PanelOptions>({});
  /** Why the panel file could not be read (with the overrides last asked for). */
  panelError = $state<string | null>(null);
  /** Files an experiment link needs before it can be restored (names and SHA-256). */
  expected = $state.raw<readonly { readonly name: string; readonly sha256: string }[] | null>(null);
  /**
   * The open files' fingerprint is being computed by the worker (it answers the open before
   * hashing, and hashes while idle): their SHA-256 shows, the link check's verdict comes, and
   * the experiment's source is set when it arrives. False when known.
   */
  fingerprinting = $state(false);
  /** The link check waiting for that fingerprint: the files the link expects (the workbench says "Checking the files…" meanwhile); null otherwise. */
  checking = $state.raw<readonly { readonly name: string; readonly sha256: string }[] | null>(null);
  /**
   * The user's files open now (null for a sample), kept so that a restarted worker can be sent
   * them again: the bytes sent to the worker are transferred, not copied, so only the File stays.
   */
  files = $state.raw<readonly File[] | null>(null);
  /** The open request in flight (to cancel it). */
  private opening: number | null = null;
  /** The open request's answer (to tell, after a cancel, whether it was aborted or had already finished). */
  private openAnswer: Promise<unknown> | null = null;
  /** The decode request in flight (to stop it in the worker on cancel). */
  private loading: number | null = null;
  /** Bumped by `abandon`: a load answered after it is ignored. */
  private generation = 0;
  /** The open files' link check (`verdict`). */
  private pendingVerdict: Promise<boolean | null> = Promise.resolve(true);

  /**
   * A load posted the moment the open's answer arrived (`openFiles`' `next`), before the page
   * draws that answer: the worker decodes while the page renders. `load` with the same mapping
   * takes it over instead of posting another.
   */
  private early: { readonly key: string; readonly pending: Pending<LoadResult>; onProgress: (p: Progress) => void } | null = null;

  constructor(private readonly client: WorkerClient) {}

  /** True when the open files are pre-binned panel files (cell, period, count) rather than incidents. */
  get isPanel(): boolean {
    return this.opened?.kind === 'panel';
  }

  /**
   * Opens files from a file input or a drop; with `expected` set, refuses files whose SHA-256
   * differ. `next`, given the open's answer as it arrives, names the mapping the caller will
   * `load` with (null: none, or not yet): for incident files that pass the check, that load is
   * posted at once, before the page draws the answer (`load` takes it over).
   *
   * When the worker answers before the fingerprint is known, this returns true at once (the
   * files open, the load under way) and the check's verdict comes with the fingerprint
   * (`verdict`): files that differ are then refused as they would have been at once — the
   * error set, a load in flight cancelled, the open data forgotten, `expected` kept. Meanwhile
   * `source` is null (no experiment names files whose digest is not known) and `files` are
   * these. A link restored meanwhile keeps its own expectation: these files are taken as they are.
   * With `against` (files opened again for a restarted worker) they are checked for that link
   * only if it still waits when they open (null: for none): files the page had taken, or a link
   * followed since, are taken as they are, and a link still waiting keeps waiting.
   */
  async openFiles(
    files: readonly File[],
    next?: (opened: OpenResult) => ColumnMapping | null,
    options: { readonly against?: DataState['expected'] } = {},
  ): Promise<boolean> {
    if (files.length === 0) return false;
    this.status = `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}`;
    // The Files themselves: posting one clones a reference, not its bytes; the worker streams them.
    const opened = await this.open(
      files.map((file) => ({ name: file.name, file })),
      [],
      next && ((answer) => this.loadEarly(answer, next)),
    );
    if (!opened) return false;
    // `against`: the link these files were opened for (null: none), decided before the open; checked only while that link still waits.
    const expected = options.against === undefined ? this.expected : options.against === this.expected ? options.against : null;
    if (opened.sha256 !== null) {
      this.checking = null;
      const verdict = this.check(expected, opened, files);
      this.pendingVerdict = Promise.resolve(verdict);
      // Refused: the worker let the files before go when it opened these, so the page forgets them too.
      if (!verdict) this.refuse();
      return verdict;
    }
    // These files are the open ones now: no experiment names them until their digest is known, and a restarted worker is sent them.
    this.source = null;
    this.files = files;
    this.checking = expected;
    this.pendingVerdict = this.fingerprinted(opened).then((known) => {
      if (!known) return null;
      if (this.checking === expected) this.checking = null;
      // Another link restored meanwhile: its own check waits for the files given to it; these are taken as they are.
      const verdict = this.expected === expected ? this.check(expected, known, files) : this.check(null, known, files);
      if (!verdict) this.refuse(); // a load of these files in flight is cancelled, and what they loaded forgotten
      return verdict;
    });
    return true;
  }

  /**
   * The link check of the files opened last: true when they are the files the link expects (or
   * no link expects any), false when they were refused, null when other files were opened (or
   * the data forgotten) before their fingerprint was known.
   */
  verdict(): Promise<boolean | null> {
    return this.pendingVerdict;
  }

  /** Checks `opened` (its fingerprint known) against the files a link expects: refuses them (the error set), or takes them as the experiment's source. */
  private check(expected: DataState['expected'], opened: OpenResult, files: readonly File[]): boolean {
    if (expected) {
      if (!expectedFiles(expected, opened)) {
        this.openError =
          `These are not the files the link was made with: it expects ${expected.map((e) => `${e.name} (SHA-256 ${e.sha256.slice(0, 12)}…)`).join(', ')}, ` +
          `got ${opened.sources.map((s) => `${s.name} (${(s.sha256 ?? '').slice(0, 12)}…)`).join(', ')}.`;
        this.opened = null;
        return false;
      }
      if (this.expected === expected) this.expected = null;
    }
    this.source = { kind: 'files', files: opened.sources.map((s) => ({ name: s.name, sha256: s.sha256! })) };
    this.files = files;
    return true;
  }

  /**
   * The open's answer with its fingerprint, once the worker has it (asked with the open's
   * `generation`), put in place of `opened` — or null when these files are no longer the open
   * ones by then (another open, a cancel that replaced them, the data forgotten, a worker that died).
   */
  private async fingerprinted(opened: OpenResult): Promise<OpenResult | null> {
    try {
      const { sha256, hashes } = await this.client.request('fingerprint', { generation: opened.generation });
      if (this.opened !== opened) return null;
      const known: OpenResult = { ...opened, sha256, sources: opened.sources.map((s, i) => ({ ...s, sha256: hashes[i] })) };
      this.opened = known;
      this.fingerprinting = false;
      return known;
    } catch {
      if (this.opened === opened) this.fingerprinting = false;
      return null;
    }
  }

  /** Fetches a bundled sample from this origin and opens it. */
  async openSample(id: string, file: string): Promise<boolean> {
    this.status = `Fetching sample ${file}`;
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}samples/${file}`);
      if (!response.ok) throw new Error(`could not fetch the sample '${file}': HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      const opened = await this.open([{ name: file, bytes }], [bytes]);
      if (!opened) return false;
      if (opened.sha256 === null) void this.fingerprinted(opened);
      this.pendingVerdict = Promise.resolve(true);
      this.checking = null;
      this.source = { kind: 'sample', id };
      this.files = null;
      return true;
    } catch (error) {
      this.openError = error instanceof Error ? error.message : String(error);
      this.status = null;
      return false;
    }
  }

  /** Decodes the open files with `mapping`; an error (or a load that kept no row) is placed next to the control it concerns. */
  async load(mapping: ColumnMapping): Promise<boolean> {
    this.mapping = mapping;
    this.status = 'Decoding rows';
    const rows = this.opened?.sources.reduce((sum, s) => sum + s.rows, 0) ?? 0;
    const label = `Decoding ${rows.toLocaleString('en-US')} rows`;
    const startedAt = performance.now();
    this.progress = { stage: 'load', label, rows, startedAt };
    const generation = this.generation;
    // A streamed file is decoded as it is read again: bytes and rows decoded so far, file by file.
    const bytes: number[] = [];
    const decoded: number[] = [];
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    const size = this.files?.reduce((total, f) => total + f.size, 0);
    const onProgress = (p: Progress): void => {
      if (p.stage !== 'read' || generation !== this.generation) return;
      bytes[p.file] = p.bytes;
      decoded[p.file] = p.rows;
      this.progress = { stage: 'load', label, ...(size !== undefined && { bytes: sum(bytes), size }), rows: sum(decoded), startedAt };
    };
    const early = this.early?.key === JSON.stringify(mapping) ? this.early : null;
    if (!early) this.dropEarly();
    this.early = null;
    if (early) early.onProgress = onProgress;
    try {
      const pending = early?.pending ?? this.client.start('load', { mapping }, { onProgress });
      this.loading = pending.id;
      const loaded = await pending.result;
      if (generation !== this.generation) return false;
      this.loaded = loaded;
      this.loadError = emptyLoadError(this.loaded.report, mapping);
      return this.loadError === null;
    } catch (error) {
      if (isAbort(error) || generation !== this.generation) return false;
      const e = error as Error & { column?: string };
      this.loaded = null;
      this.loadError = { field: mappingErrorField(e, mapping), message: appErrorMessage(e) };
      return false;
    } finally {
      if (generation === this.generation) {
        this.loading = null;
        this.status = null;
        this.progress = null;
      }
    }
  }

  /**
   * Reads the open panel file with `options`; on failure the panel read before stays (and
   * stays in the worker) and the error is kept for the Binning step's controls.
   */
  async loadPanel(options: PanelOptions): Promise<boolean> {
    this.status = 'Reading the panel';
    try {
      this.panel = await this.client.request('load-panel', { options });
      this.panelOptions = options;
      this.panelError = null;
      return true;
    } catch (error) {
      if (isAbort(error)) return false;
      this.panelError = appErrorMessage(error);
      return false;
    } finally {
      this.status = null;
    }
  }

  /**
   * Stops what is in flight: an open is aborted in the worker between chunks, and the files
   * opened before stay (returns 'kept'; 'finished' when the open was done before the cancel
   * reached the worker, so the new files are open); a decode is stopped in the worker (between
   * record batches of a streamed file; a file read whole finishes its decode) and abandoned: its
   * answer is ignored and the open data is forgotten, back to the open screen (returns
   * 'forgotten'). Null when nothing was in flight.
   */
  async cancel(): Promise<'kept' | 'finished' | 'forgotten' | null> {
    if (this.opening !== null) {
      const answer = this.openAnswer;
      await this.client.cancel(this.opening);
      // The worker may have finished opening before the cancel reached it: then the new files are open.
      const aborted = await answer?.then(
        () => false,
        (error: unknown) => isAbort(error),
      );
      return aborted === false ? 'finished' : 'kept';
    }
    if (this.progress?.stage !== 'load') return null;
    const loading = this.loading;
    this.abandon();
    // Not awaited: the answer changes nothing here (a decode that had finished is ignored all the same).
    if (loading !== null) void this.client.cancel(loading).catch(() => {});
    return 'forgotten';
  }

  /** Files refused after their load was posted: the load in flight is stopped in the worker and forgotten (`cancel`'s way). */
  private refuse(): void {
    const loading = this.loading;
    this.abandon(); // an early load no `load` took over is cancelled here
    if (loading !== null) void this.client.cancel(loading).catch(() => {});
  }

  /** Ignores the answer of a load in flight and forgets the open data. */
  abandon(): void {
    this.generation++;
    this.loading = null;
    this.status = null;
    this.progress = null;
    this.forget();
  }

  /** Forgets the open data (a restarted worker no longer holds it and it could not be sent again). */
  forget(): void {
    this.dropEarly();
    this.checking = null;
    this.fingerprinting = false;
    this.source = null;
    this.files = null;
    this.opened = null;
    this.mapping = null;
    this.clearLoaded();
  }

  /** Forgets what was read from the open files (the load, or the panel and its options). */
  private clearLoaded(): void {
    this.loaded = null;
    this.loadError = null;
    this.panel = null;
    this.panelOptions = {};
    this.panelError = null;
  }

  /** Cancels an early load no `load` took over (another mapping, another open, the data forgotten), so the worker does not decode for nothing. */
  private dropEarly(): void {
    if (this.early) void this.client.cancel(this.early.pending.id).catch(() => {});
    this.early = null;
  }

  /** Posts the load `next` names for the open's answer, unless the files are a panel or not the ones a link expects (`openFiles` refuses those). */
  private loadEarly(opened: OpenResult, next: (opened: OpenResult) => ColumnMapping | null): void {
    // Files whose fingerprint is pending are loaded: the check's verdict comes later and forgets them if they differ.
    if (opened.kind !== 'incidents' || (opened.sha256 !== null && !expectedFiles(this.expected, opened))) return;
    const mapping = next(opened);
    if (!mapping) return;
    const pending = this.client.start('load', { mapping }, { onProgress: (p) => early.onProgress(p) });
    const early: NonNullable<DataState['early']> = { key: JSON.stringify(mapping), pending, onProgress: () => {} };
    pending.result.catch(() => {}); // its failure is reported by the `load` that takes it over, if one does
    this.early = early;
  }

  private async open(files: OpenFile[], transfer: Transferable[] = [], onAnswer?: (opened: OpenResult) => void): Promise<OpenResult | null> {
    this.openError = null;
    this.dropEarly();
    const startedAt = performance.now();
    const size = files.reduce((sum, f) => sum + ('file' in f ? f.file.size : f.bytes.byteLength), 0);
    const label = `Opening ${files.length === 1 ? files[0].name : `${files.length} files`}`;
    this.progress = { stage: 'open', label, bytes: 0, size, rows: 0, startedAt };
    const bytes = new Array<number>(files.length).fill(0);
    const rows = new Array<number>(files.length).fill(0);
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    const onProgress = (p: Progress): void => {
      if (p.stage === 'read') {
        bytes[p.file] = p.bytes;
        rows[p.file] = p.rows;
        this.progress = { stage: 'open', label, bytes: sum(bytes), size, rows: sum(rows), startedAt };
        this.status = `${label}: ${p.name}`;
      } else if ('message' in p) this.status = p.message;
    };
    const pending = this.client.start('open', { files, streamFrom: streamFromAddress(globalThis.location?.search ?? '') }, { transfer, onProgress });
    this.opening = pending.id;
    this.openAnswer = pending.result;
    try {
      const opened = await pending.result;
      onAnswer?.(opened); // before any state changes: drawing the answer waits until this has posted what follows
      this.opened = opened;
      this.fingerprinting = opened.sha256 === null;
      this.clearLoaded();
      if (opened.kind === 'panel') this.mapping = null;
      return opened;
    } catch (error) {
      if (!isAbort(error)) this.openError = error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      this.opening = null;
      this.status = null;
      this.progress = null;
    }
  }
}

/** True when the opened files (fingerprint known) are the ones a link expects, SHA-256 for SHA-256 in order (or it expects none). */
function expectedFiles(expected: readonly { readonly sha256: string }[] | null, opened: OpenResult): boolean {
  const got = opened.sources.map((s) => s.sha256);
  return !expected || (expected.length === got.length && expected.every((e, i) => e.sha256 === got[i]));
}
