import { featurePreview, type FeaturePreview } from '../forecast/builder/feature-preview';
import { fitToPanel } from '../evaluate/fit-to-panel';
import type { Protocol } from '../evaluate/protocol';
import { formatModelSpec, type ModelDefinition } from '../forecast/model-definition';
import type { Panel } from '../grid/panel';
import { wallTimeOf, wallTimesOf } from '../grid/wall-time';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import { InputError } from '../io/input-error';
import { loadMappingCrs } from '../io/load-crs';
import { previewRows } from '../io/preview-rows';
import type { CrsCandidate } from '../io/rank-crs';
import { suggestCrs } from '../io/suggest-crs';
import { summariseIncidents } from '../io/summarise-incidents';
import { hexGeometry, type HexGeometry } from '../plots/hex-geometry';
import { binLoaded, heldFilter, panelTotals, pendingFilter, rememberFiltered, type BinnedPanel, type BinSettings } from '../pipeline/bin';
import type { CategorySelection } from '../pipeline/category-selection';
import {
  loadMapped,
  NO_HASH,
  loadPanelFiles,
  openStreams,
  panelPreview,
  type Loaded,
  type LoadedIncidents,
  type Opened,
  type OpenStreamsOptions,
} from '../pipeline/load';
import { headFormats, loadOpenedStreams, openStreamHeads, type OpenPlan } from '../pipeline/open-stream-heads';
import type { ArrowSource } from '../io/read-arrow';
import type { ByteSource } from '../io/byte-source';
import { blobSource, bytesSource } from '../io/byte-source';
import type { Sha256Factory } from '../io/sha256-stream';
import { fastestSha256 } from '../io/wasm-sha256';
import { OpenFingerprint, type Digests } from './open-fingerprint';
import { abortError } from './abort-error';
import { DEFAULT_MAX_VALUES, panelBytes } from '../grid/panel-size';
import { panelChoices, type PanelChoices } from './panel-choices';
import { applyBoundary, readBoundary, studyRegionOf, type Boundary, type BoundaryFile, type BoundaryInput, type BoundedPanel } from '../pipeline/region';
import {
  applyAreas,
  areaOutlineGeoJson,
  areasInfo,
  readAreaLayer,
  type AppliedAreas,
  type AreasInfo,
  type AreasInput,
  type ReadAreas,
} from '../pipeline/areas';
import { runLeakageLab, type LeakageLab } from '../leakage/leakage-lab';
import { runLessonCall, type AnyLessonOutput, type LessonCall } from '../lessons/lesson-registry';
import { forecastsFile, resolveModels, runBacktest, type ResolvedModels, type RunOutcome } from '../pipeline/run';
import { fitAndSave, frozenModels, type SavedModel } from '../pipeline/saved-models';
import { ALL_MODELS } from '../forecast/models';
import type { ModelOrigin } from '../forecast/model-origin';
import type {
  ExternalInfo,
  ExternalInput,
  BackendPreference,
  BinResult,
  CellSeries,
  FileBytes,
  FrozenInfo,
  LeakageSpec,
  LoadResult,
  OpenFile,
  OpenResult,
  PanelLoadResult,
  PanelOptions,
  PlanResult,
  Progress,
  ResolutionCellsResult,
  RunResult,
  RunSpec,
  StepSlice,
  WasmPaths,
} from './protocol';
import { ResolutionCells } from './resolution-cells';
import type { WorkerPool } from './worker-pool';
import { forecastJobTasks } from '../evaluate/forecast-job';
import { cellSeriesOf, stepSliceOf, testPeriodsOf } from './run-slices';
import { yieldingDefinitions } from '../pipeline/yielding-definitions';
import { yieldingSource } from './yielding-source';
import { externalInfo } from './external-info';
import { openExternal, type OpenedExternal } from '../external/open-external';
import { checkClaimRequest, type ClaimCheckResult, type ClaimContext } from './check-claim-request';

/** Starts a tfjs backend for learned models and returns its name. */
export type BackendStarter = (preference: BackendPreference, wasmPaths: WasmPaths | undefined) => Promise<string>;

/**
 * The worker's memory over the pipeline's stages (src/lib/pipeline): the opened files, what
 * they loaded as, the current binned and bounded panel and the last finished run, so the app can
 * ask for slices instead of receiving everything. Each step invalidates the ones after it. A
 * shell only: every computation is a pipeline stage the CLI calls too; this class keeps the
 * results between messages and shapes the answers. No DOM, no messages (see `serve`), so it runs
 * in Node tests as it does in the worker.
 */
export class Session {
  private opened: Opened | undefined;
  /** For Arrow incident files opened to stream (`openStreamHeads`): the files, read again at each load, and their heads (a bounded sample each). */
  private streams: { inputs: readonly ByteSource[]; heads: readonly ArrowSource[] } | undefined;
  private loaded: Loaded | undefined;
  /**
   * The binned panel with what a claim check needs to bin it again, kept together so that a run
   * takes them at once when it starts (a bin may finish while it runs): the settings it was
   * binned with (null for a pre-binned panel), the boundary's input, and for a streamed load the
   * category-filtered incidents it binned (`heldFilter`: a later bin with another filter replaces
   * `binLoaded`'s one held decode, and a streamed load keeps no rows to decode them from again).
   */
  private binned:
    | (BinnedPanel & {
        bounded: BoundedPanel;
        areas?: AppliedAreas;
        settings: BinSettings | null;
        boundaryInput: BoundaryInput | null;
        held: ReturnType<typeof heldFilter>;
      })
    | undefined;
  private last: RunOutcome | undefined;
  private geometry: { key: string; value: HexGeometry } | undefined;
  private boundary: Boundary | undefined;
  /** The area layer (census block groups …) apportioned to the panel at each bin, for exposure. */
  private areas: { read: ReadAreas; key: string; last?: { cells: string; applied: AppliedAreas } } | undefined;
  /** Forecast files made elsewhere, scored with the models at the next run. */
  private external: readonly OpenedExternal[] = [];
  /** Saved models the runs forecast with, frozen (`frozenModels`). */
  private frozen: readonly ModelDefinition[] = [];
  private resolutions: { loaded: Loaded; key: string; cells: ResolutionCells } | undefined;
  /** The boundary's input, given to the next bin (kept with its panel for a claim check). */
  private boundaryInput: BoundaryInput | undefined;
  /** The last run and how it was made: what a claim check re-runs and the panel the leakage lab runs on. */
  private runContext: ClaimContext | undefined;
  /** The category-filtered incidents the last run binned, for a streamed load: the claim check's binning variants need them held again. */
  private runFiltered: ReturnType<typeof heldFilter> = null;
  /** How many opens succeeded: an open's `generation`, which a 'fingerprint' request names. */
  private opens = 0;
  /** The open files' fingerprint while it is hashed after the open's answer (`deferHash`); undefined when known. */
  private fingerprinting: OpenFingerprint | undefined;

  /**
   * @param startBackend starts tfjs for learned models
   * @param pool helper workers for expensive runs (the worker entry's; none in Node tests unless given)
   */
  constructor(
    private readonly startBackend: BackendStarter,
    private readonly pool?: WorkerPool,
  ) {}

  /**
   * Parses the files (in order), fingerprints them and suggests a column mapping; files that
   * fail, or an abort through `signal`, leave the session as it was. Each file is streamed: a
   * `Blob` through `blobSource`, fetched bytes through `bytesSource`, with `read` progress after
   * each record batch or chunk, and an incremental SHA-256 (`sha256`, default `fastestSha256`'s:
   * WebAssembly, else the pure `createSha256`) fingerprints the bytes as they pass. Arrow incident files of `streamFrom`
   * bytes or more in all (default `STREAM_FROM_BYTES`, 256 MiB) keep only a head each
   * (`openStreamHeads`: the file's first `HEAD_ROWS` rows or more across record batches, copied, and every
   * column's whole-file share of rows with a value; the preview, detection and CRS ranking see it)
   * and are decoded as they stream again at `load`; smaller ones, other formats and panel files
   * are held whole (`openStreams`).
   *
   * With `deferHash`, Arrow IPC *files* held whole (`openStreamHeads`' plan, from one sniff of
   * each file: under `streamFrom` bytes in all, every file an IPC file) are read without waiting
   * for the SHA-256 factory and not hashed before the answer. IPC streams and other formats are
   * hashed as read, as without it; a compressed (LZ4/ZSTD) file, found only mid-read, from its
   * first compressed message on (the bytes kept before it are hashed then). A deferred answer
   * carries `sha256: null` (each file's too) and its `generation`, the bytes read
   * are kept as read, and the digests come later — `hashStep` while the worker is idle, at once
   * when a run needs them, through `fingerprint(generation)` (the same digests, each and over
   * all). Streamed files are hashed as they are read, as without it.
   */
  async open(
    files: readonly OpenFile[],
    onProgress: (progress: Progress) => void = () => {},
    options: { readonly signal?: AbortSignal; readonly sha256?: Sha256Factory; readonly streamFrom?: number; readonly deferHash?: boolean } = {},
  ): Promise<OpenResult> {
    onProgress({ stage: 'open', message: `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}` });
    // Each read yields to the event loop first, so a 'cancel' reaches the signal between record batches or chunks.
    const inputs = files.map((f) => yieldingSource('file' in f ? blobSource(f.file, f.name) : bytesSource(f.name, new Uint8Array(f.bytes))));
    // Started, not awaited: a deferred hash needs it only after the read (hash-wasm's compile takes tens of ms).
    const sha256 = options.sha256 ?? fastestSha256();
    let deferred: OpenFingerprint | undefined;
    const { opened, heads } = await openStreamHeads(inputs, {
      sha256For: async (plan) => {
        if (!(options.deferHash && deferrable(plan))) return sha256;
        deferred = new OpenFingerprint(sha256);
        return deferred.factory;
      },
      // A compressed batch is decoded into a copy: the bytes kept for the deferred hash are then hashed and dropped, the rest hashed as read.
      onCompressed: () => deferred?.hashAsRead(),
      streamFrom: options.streamFrom,
      ...streamOptions(inputs, options.signal, onProgress),
    });
    await deferred?.ready; // `hashStep` and `settleFingerprint` are synchronous
    if (options.signal?.aborted) throw options.signal.reason;
    this.loaded = this.binned = undefined;
    this.opened = opened;
    this.streams = heads ? { inputs, heads } : undefined;
    // The files before are gone: whoever waits for their fingerprint is told so, never given these files' one.
    this.fingerprinting?.supersede();
    this.fingerprinting = deferred?.opened(opened);
    // A compressed Arrow file is found only mid-read: its digests were hashed as read from its first compressed batch (`hashAsRead`); known now.
    if (opened.sources.some((s) => s.compressed)) this.settleFingerprint();
    const generation = ++this.opens;
    const pending = this.fingerprinting !== undefined;
    const digests = this.opened;
    const { kind } = opened;
    // What the screen shows of the files: the heads of streamed ones.
    const sources = heads ?? opened.sources;
    const preview = previewRows(sources[0], 12);
    const suggestion = detectMapping(sources);
    const xy = kind === 'incidents' ? suggestion.location.find((l) => l.kind === 'xy') : undefined;
    let crsCandidates: readonly CrsCandidate[] | null = null;
    if (xy?.kind === 'xy') {
      onProgress({ stage: 'open', message: 'Ranking coordinate systems for the x/y columns' });
      crsCandidates = await suggestCrs(sources[0], xy.x, xy.y).catch(() => null);
    }
    return {
      kind,
      sources: sources.map((source, i) => ({
        name: source.name,
        bytes: source.bytes,
        rows: opened.sources[i].table.numRows,
        format: source.format,
        columns: source.table.schema.fields.map((field) => ({ name: field.name, type: String(field.type) })),
        sha256: pending ? null : digests.hashes[i],
      })),
      sha256: pending ? null : digests.sha256,
      generation,
      preview: kind === 'panel' ? panelPreview(preview, sources[0]) : preview,
      suggestion,
      crsCandidates,
      ms: opened.ms,
    };
  }

  /** True while the open files' fingerprint is not known yet (`open`'s `deferHash`): `hashStep` has work. */
  get hashing(): boolean {
    return this.fingerprinting !== undefined;
  }

  /** Hashes up to `bytes` more of the open files (`open`'s `deferHash`); when that was the last, the digests are known. */
  hashStep(bytes: number): void {
    if (this.fingerprinting?.step(bytes)) this.settleFingerprint();
  }

  /**
   * The fingerprint of the files open at `generation` (`OpenResult.generation`): each file's
   * SHA-256 and the one over all, as soon as known. Rejects with an AbortError when other files
   * were opened since, so a digest is never given for files it was not computed over.
   */
  fingerprint(generation: number): Promise<Digests> {
    if (generation !== this.opens || !this.opened)
      return Promise.reject(abortError('Other files were opened since: their fingerprint is not these files’ one'));
    if (this.fingerprinting) return this.fingerprinting.known;
    return Promise.resolve({ sha256: this.opened.sha256, hashes: this.opened.hashes });
  }

  /** Hashes what is left of the open files' fingerprint now and puts the digests where the pending tokens were (the opened files, the binned panel's report data). */
  private settleFingerprint(): void {
    const fingerprinting = this.fingerprinting;
    if (!fingerprinting) return;
    this.fingerprinting = undefined;
    const { opened, binned } = fingerprinting.settle(this.opened, this.binned);
    this.opened = opened;
    this.binned = binned;
  }

  /**
   * Decodes the opened files with a mapping: row accounting and an overview. Streamed files
   * (see `open`) are decoded record batch by record batch as they are read again
   * (`loadOpenedStreams`), with `read` progress (rows decoded) after each batch and `signal`
   * checked between batches; a mapping that must see every row to decide (`streamable`) reads
   * them whole first, and keeps them. An abort leaves nothing loaded and the files open.
   */
  async load(
    mapping: ColumnMapping,
    onProgress: (progress: Progress) => void = () => {},
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<LoadResult> {
    const opened = this.require(this.opened, 'open files');
    this.loaded = this.binned = undefined;
    await loadMappingCrs(mapping);
    const loaded = this.streams
      ? await this.loadStreamed(opened, mapping, streamOptions(this.streams.inputs, options.signal, onProgress))
      : loadMapped(opened, mapping);
    this.loaded = loaded;
    return { report: loaded.incidents.report, summary: summariseIncidents(loaded.incidents), ms: loaded.ms };
  }

  /** `load` of streamed files: as they stream, or read whole (and kept so) when the mapping needs every row first. */
  private async loadStreamed(opened: Opened, mapping: ColumnMapping, options: Omit<OpenStreamsOptions, 'sha256'>): Promise<LoadedIncidents> {
    const { inputs, heads } = this.streams!;
    const streamed = await loadOpenedStreams(inputs, heads, mapping, options);
    if (streamed) return streamed;
    // Read in the formats their heads were read in at the open: not sniffed again.
    const whole = await openStreams(inputs, { ...options, sha256: NO_HASH, sniffed: headFormats(heads) });
    if (options.signal?.aborted) throw options.signal.reason;
    this.opened = { ...whole, sha256: opened.sha256, hashes: opened.hashes, ms: opened.ms };
    this.streams = undefined;
    return loadMapped(this.opened, mapping);
  }

  /**
   * Reads the opened pre-binned panel file(s), with bucket unit and zone overrides for a file
   * without Hexcast's metadata (see `readPanelInput`). A file that cannot be read this way
   * leaves the panel read before in place.
   */
  loadPanel(options: PanelOptions): PanelLoadResult {
    const opened = this.require(this.opened, 'open files');
    const loaded = loadPanelFiles(opened, options);
    this.binned = undefined;
    this.loaded = loaded;
    return { report: loaded.input.report, summary: loaded.input.summary, ms: loaded.ms };
  }

  /**
   * Bins the loaded incidents (a pre-binned panel is used as read: its resolution and bucket
   * are the file's, and `settings` other than the boundary do not apply); returns totals per
   * cell and per period, and the map geometry when the cells changed.
   */
  bin(settings: BinSettings): BinResult {
    const opened = this.require(this.opened, 'open files');
    const loaded = this.require(this.loaded, 'load the data with a column mapping');
    const t0 = performance.now();
    this.binned = undefined;
    if (this.streams && loaded.kind === 'incidents' && pendingFilter(loaded, settings.categories))
      throw new Error('The category filter of streamed files is decoded by prepareBin: call it before bin');
    // The helpers hold the old panel: end them (a later run that needs them starts new ones).
    this.pool?.release();
    const binned = binLoaded(opened, loaded, settings);
    const bounded = applyBoundary(binned.panel, this.boundary);
    const { panel } = bounded;
    const { cellTotals, periodTotals } = panelTotals(panel);
    const previous = this.geometry?.key;
    const geometry = this.geometryOf(panel, bounded.region ? this.boundary : undefined);
    const areas = this.areas && this.applyAreasTo(panel);
    const incidents = loaded.kind === 'incidents';
    this.binned = {
      ...binned,
      bounded,
      ...(areas && { areas }),
      settings: incidents ? settings : null,
      boundaryInput: this.boundaryInput ?? null,
      held: this.streams && incidents ? heldFilter(loaded, settings.categories) : null,
    };
    return {
      kind: loaded.kind,
      res: panel.res,
      unit: panel.bucket.unit,
      timeZone: panel.bucket.timeZone,
      clock: panel.bucket.clock,
      zoneDeclared: binned.zoneDeclared,
      cells: panel.cells,
      periods: wallTimesOf(panel.periods, panel.bucket),
      end: wallTimeOf(panel.end, panel.bucket),
      cellTotals,
      cellNames: namesFor(panel.cells, binned.panel.cells, binned.cellNames),
      periodTotals,
      report: binned.report,
      filtered: binned.filtered,
      boundary: bounded.cover,
      areas: areas ? { attributes: areas.attributes, lines: areas.lines, cellArea: panel.area.slice() } : null,
      geometry: previous === this.geometry!.key ? null : geometry,
      geometryKey: this.geometry!.key,
      size: {
        res: panel.res,
        unit: panel.bucket.unit,
        periods: panel.periods.length,
        cells: panel.cells.length,
        bytes: panelBytes(panel.periods.length, panel.cells.length),
      },
      ms: performance.now() - t0,
    };
  }

  /**
   * What `bin` with `settings` needs decoded first: for streamed files, which keep no rows, a
   * category filter other than the load's is decoded as they stream again (`loadOpenedStreams`,
   * the same incidents `binLoaded`'s own decode gives), as `load` decodes them: a 'load' message
   * when it starts, then `read` progress (rows decoded) after each record batch, and `signal`
   * checked between batches — an abort leaves the panel binned before, and its filter, in place.
   * Otherwise nothing. Kept per load and selection, as `binLoaded` keeps its own.
   */
  async prepareBin(settings: BinSettings, onProgress: (progress: Progress) => void = () => {}, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    const loaded = this.loaded;
    if (!this.streams || !this.opened || loaded?.kind !== 'incidents') return;
    const filter = pendingFilter(loaded, settings.categories);
    if (!filter) return;
    const kept = filter.categories ?? [];
    const rows = this.opened.sources.reduce((sum, source) => sum + source.table.numRows, 0);
    onProgress({
      stage: 'load',
      message: `Decoding ${rows.toLocaleString('en-US')} rows again for ${kept.length === 1 ? kept[0] : `${kept.length} categories`}`,
    });
    const decoded = await this.loadStreamed(this.opened, filter, streamOptions(this.streams.inputs, options.signal, onProgress));
    if (options.signal?.aborted) throw options.signal.reason;
    rememberFiltered(loaded, filter, decoded.incidents);
  }

  /**
   * How many cells hold an incident of the kept categories at each resolution (see
   * `ResolutionCells`: approximate by a few cells at the coarser ones). The points are indexed
   * once per load and set of resolutions; another category filter costs one pass.
   */
  resolutionCells(resolutions: readonly number[], categories: CategorySelection): ResolutionCellsResult {
    const loaded = this.require(this.loaded, 'load the data with a column mapping');
    if (loaded.kind !== 'incidents') throw new InputError('a pre-binned panel has one resolution, fixed by its file', { code: 'usage', field: 'bin.res' });
    const t0 = performance.now();
    const key = [...resolutions].sort((a, b) => a - b).join(',');
    if (this.resolutions?.loaded !== loaded || this.resolutions.key !== key)
      this.resolutions = { loaded, key, cells: new ResolutionCells(loaded.incidents, resolutions) };
    return { counts: this.resolutions.cells.count(categories), ms: performance.now() - t0 };
  }

  /**
   * The panel `settings` ask for and the grids that fit `settings.maxValues` (default 250 M
   * values), among `resolutions` (and the asked one) and the same or longer buckets (see
   * `panelChoices`), for the screen that refuses a panel too large. Cells come from the
   * resolution picker's counts (`resolutionCells`, cached per load).
   */
  panelChoices(settings: BinSettings, resolutions: readonly number[]): PanelChoices {
    const loaded = this.require(this.loaded, 'load the data with a column mapping');
    if (loaded.kind !== 'incidents') throw new InputError('a pre-binned panel has one resolution, fixed by its file', { code: 'usage', field: 'bin.res' });
    const asked = [...new Set([...resolutions, settings.res])];
    const { counts } = this.resolutionCells(asked, settings.categories);
    return panelChoices(loaded.incidents, settings, counts, settings.maxValues ?? DEFAULT_MAX_VALUES);
  }

  /**
   * Sets (or, with null, clears) the GeoJSON boundary whose H3 cover becomes the study region at
   * the next `bin`. The file must parse as JSON and, when data is binned, cover at least one
   * cell centre at the current resolution; otherwise nothing changes and the error says why.
   */
  async setBoundary(input: BoundaryInput | null): Promise<BoundaryFile | null> {
    if (input === null) {
      this.boundary = undefined;
      this.boundaryInput = undefined;
      return null;
    }
    const boundary = await readBoundary(input, this.binned?.panel.res ?? 8);
    this.boundary = boundary;
    this.boundaryInput = input;
    return { name: boundary.name, sha256: boundary.sha256 };
  }

  /**
   * Sets (or, with null, clears) the area layer (a GeoJSON of polygons with population by group
   * …) apportioned to the panel's cells at the next `bin` and passed to every run. A file or
   * column choice that cannot be used fails here, naming itself, and changes nothing.
   */
  setAreas(input: AreasInput | null): AreasInfo | null {
    if (input === null) {
      this.areas = undefined;
      return null;
    }
    const read = readAreaLayer(input);
    this.areas = { read, key: `${input.name}:${hashCells([input.text])}` };
    return areasInfo(read);
  }

  /** Sets the external forecast files of the next run (an empty list removes them); each is read now, so a bad file fails here, naming itself. */
  async setExternal(files: readonly ExternalInput[]): Promise<ExternalInfo[]> {
    const opened = await Promise.all(files.map((f) => openExternal(f.name, new Uint8Array(f.file.bytes), f.file.name, { kind: f.kind })));
    this.external = opened;
    return opened.map(externalInfo);
  }

  /** Sets the saved models of the next runs (an empty list removes them); each is read and checked against the binned panel now, so a bad file fails here, naming itself. */
  async setFrozen(files: readonly FileBytes[]): Promise<FrozenInfo[]> {
    const { panel } = this.require(this.binned, 'bin the data');
    this.frozen = await frozenModels(
      files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
      panel,
      ALL_MODELS,
    );
    return this.frozen.map((d) => {
      const origin = d.origin as Extract<ModelOrigin, { kind: 'frozen' }>;
      return { id: d.id, file: origin.file, sha256: origin.sha256, model: origin.model, trainedOn: origin.trainedOn };
    });
  }

  /**
   * A learned model of the last run (`model`, its spec as run) fitted once on the periods before
   * that run's first cutoff — what its first fold saw — with its seed and validation span, as a
   * saved-model file (`fitAndSave`). Loaded back (`setFrozen`), it forecasts every fold of the same
   * panel, or of later data, without refitting: "train once, test on what came after".
   */
  async saveModel(model: string): Promise<SavedModel> {
    const last = this.require(this.last, 'run the models');
    const { seed, validation } = last.report.protocol;
    return fitAndSave(last.panel, model, { cutoff: last.forecasts.cutoffs[0], seed, validation });
  }

  /** The model list with the frozen models' ids, and the definitions they resolve against. */
  private withFrozen(models: readonly string[]): Promise<ResolvedModels> {
    return resolveModels([...models, ...this.frozen.map((d) => d.id)], this.frozen);
  }

  /** What a run of these models and protocol would use on the current panel (`fitToPanel`), before it starts. */
  async plan(models: readonly string[], protocol: Protocol): Promise<PlanResult> {
    const { panel } = this.require(this.binned, 'bin the data');
    const { specs, definitions } = await this.withFrozen(models);
    const fit = fitToPanel(panel.periods.length, protocol, specs, definitions, { res: panel.res, bucket: panel.bucket });
    const used = fit.models.map((spec) =>
      formatModelSpec(
        spec,
        definitions.find((d) => d.id === spec.id),
      ),
    );
    return { folds: fit.protocol.folds, models: used, choices: fit.choices, leftOut: fit.leftOut };
  }

  /**
   * Backtests the models on the current panel (`runBacktest`): learned models start their tfjs
   * backend first; every fit yields to the event loop so that `signal` (a 'cancel') takes effect
   * between folds.
   */
  async run(spec: RunSpec, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<RunResult> {
    // The report names the data's SHA-256: a fingerprint still pending is finished first.
    this.settleFingerprint();
    const opened = this.require(this.opened, 'open files');
    const loaded = this.require(this.loaded, 'load the data');
    const binned = this.require(this.binned, 'bin the data');
    if (!/^[0-9a-f]{64}$/.test(binned.data.sha256)) throw new Error(`The data's fingerprint is not known ('${binned.data.sha256}'): no report without it`);
    const external = this.external;
    onProgress({ stage: 'prepare', message: 'Preparing models' });
    const models = await this.withFrozen(spec.models);
    const request = { models, protocol: spec.protocol, environment: spec.environment, timings: { openMs: opened.ms, loadMs: loaded.ms, binMs: binned.ms } };
    this.runContext = undefined;
    const outcome = await runBacktest(
      binned,
      binned.bounded,
      { ...request, external: external.map((e) => e.model), ...(binned.areas && { areas: binned.areas.attributes }) },
      {
        signal,
        onProgress: (run) => onProgress({ stage: 'forecast', run }),
        onStage: (stage, message) => onProgress({ stage, message }),
        onBackend: (backend, threads) => onProgress({ stage: 'backend-ready', backend, threads }),
        startBackend: () => this.startBackend(spec.backend, spec.wasmPaths),
        wrapDefinitions: yieldingDefinitions,
        pool: this.pool?.forRun({
          panel: binned.bounded.panel,
          helpers: spec.helpers ?? 0,
          backend: { preference: spec.backend, ...(spec.wasmPaths && { wasmPaths: spec.wasmPaths }) },
          local: (job, tasks, signal, onFold) => forecastJobTasks(binned.bounded.panel, job, tasks, yieldingDefinitions(models.definitions), signal, onFold),
          onSpread: (workers, note) => onProgress({ stage: 'workers', workers, ...(note && { note }) }),
        }),
      },
    );
    this.last = outcome;
    // What the run binned, taken with its panel when it started: a bin finishing during the run describes another panel.
    const { settings, boundaryInput, held } = binned;
    // A claim check measures the built-in baselines: after a run with external forecasts it re-runs them alone, on every fold.
    const builtInOnly = external.length === 0;
    this.runContext = { outcome: builtInOnly ? outcome : null, binned, opened, loaded, settings, boundary: boundaryInput, request };
    this.runFiltered = held;
    const { panel } = outcome;
    const { cutoffs, horizon } = outcome.forecasts;
    return {
      report: outcome.report,
      models: outcome.models,
      region: outcome.region.mask.slice(),
      area: panel.area.slice(),
      cells: panel.cells,
      testPeriods: testPeriodsOf(panel, cutoffs, horizon),
      geometry: this.geometryOf(panel, binned.bounded.region ? this.boundary : undefined),
    };
  }

  /**
   * Runs the leakage lab (`runLeakageLab`) on the panel and region of the last run: the honest backtest
   * next to six common mistakes. Every fit yields to the event loop, so `signal` takes effect.
   */
  async leakage(spec: LeakageSpec, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<LeakageLab> {
    // The panel of the last run, not the current binning: the lab is exported beside that run's report.
    const binned = this.require(this.runContext, 'run a backtest').binned;
    onProgress({ stage: 'prepare', message: 'Preparing models' });
    const models = await this.withFrozen(spec.models);
    const { lab } = await runLeakageLab({
      panel: binned.bounded.panel,
      region: studyRegionOf(binned.bounded),
      protocol: spec.protocol,
      models: models.specs,
      definitions: yieldingDefinitions(models.definitions),
      data: binned.data,
      environment: spec.environment,
      signal,
      onStage: (message, done, total) => onProgress({ stage: 'leakage', message, done, total }),
    });
    return lab;
  }

  /**
   * Runs one lesson's computation (`runLessonCall`) with the binned panel and its study region
   * (null before any binning: lessons that need real geography say so).
   */
  lesson(call: LessonCall, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<AnyLessonOutput> {
    const bounded = this.binned?.bounded;
    return runLessonCall(call, {
      panel: bounded?.panel ?? null,
      region: (bounded && studyRegionOf(bounded)) ?? null,
      signal,
      progress: (message, done, total) => onProgress({ stage: 'lesson', message, done, total }),
    });
  }

  /** Actual counts and every model's forecast for fold `fold`, step `step` (0-based) of the last run. */
  stepSlice(fold: number, step: number): StepSlice {
    const last = this.require(this.last, 'run a backtest');
    return stepSliceOf(last.panel, last.forecasts, last.scores, fold, step);
  }

  /** The actual series of cell `cell` (panel index) and each model's forecasts `step` periods after each cutoff. */
  /** A built model's features on one cell of the binned panel (`featurePreview`), for the builder's sparklines. */
  featurePreview(features: string, cell: number | null): FeaturePreview {
    return featurePreview(this.require(this.binned, 'bin the data').panel, features, cell);
  }

  cellSeries(cell: number, step: number): CellSeries {
    const last = this.require(this.last, 'run a backtest');
    return cellSeriesOf(last.panel, last.forecasts, cell, step);
  }

  /**
   * Checks a stated claim on the last run (`checkClaimRequest`), re-running its models at the
   * other period lengths and cell sizes in `vary`; progress goes out as the run's does.
   */
  async checkClaim(text: string, vary: readonly ('period' | 'cells')[], onProgress: (progress: Progress) => void): Promise<ClaimCheckResult> {
    const context = this.require(this.runContext, 'run a backtest');
    if (this.runFiltered && context.loaded.kind === 'incidents') rememberFiltered(context.loaded, this.runFiltered.mapping, this.runFiltered.incidents);
    return checkClaimRequest(text, vary, context, {
      onProgress: (run) => onProgress({ stage: 'forecast', run }),
      startBackend: () => this.startBackend('auto', undefined),
      wrapDefinitions: yieldingDefinitions,
    });
  }

  /** Every forecast of the last run as an Arrow file (see `forecastsFile`). */
  forecastsFile(): Uint8Array {
    return forecastsFile(this.require(this.last, 'run a backtest'));
  }

  /** The area layer apportioned to the panel's cells, reused while the cells stay the same (a slider re-bins often; apportioning takes seconds at fine resolutions). */
  private applyAreasTo(panel: Panel): AppliedAreas {
    const areas = this.areas!;
    const cells = `${panel.res}:${hashCells(panel.cells)}`;
    if (areas.last?.cells !== cells) areas.last = { cells, applied: applyAreas(areas.read, panel) };
    return areas.last.applied;
  }

  private geometryOf(panel: Panel, outline: Boundary | undefined): HexGeometry {
    const areas = this.areas;
    const key = `${panel.res}:${panel.cells.length}:${hashCells(panel.cells)}:${outline?.sha256 ?? ''}:${areas?.key ?? ''}`;
    if (this.geometry?.key !== key)
      this.geometry = { key, value: hexGeometry(panel.cells, { outline: outline?.geojson, ...(areas && { areas: areaOutlineGeoJson(areas.read) }) }) };
    return this.geometry.value;
  }

  private require<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`Nothing to work on yet: ${what} first`);
    return value;
  }
}

/**
 * True when an open's hash may wait until after its answer (`open`'s `deferHash`): the files are
 * held whole and every one is an Arrow IPC *file*, read in message-aligned pieces that the reader
 * views, so the bytes kept for the hash are the table's own buffers. CSV, Parquet and GeoJSON
 * bytes are dropped after parsing, and an IPC stream's chunks straddle its messages, which the
 * reader joins into copies: keeping those would hold the bytes twice, so they are hashed as read.
 */
function deferrable(plan: OpenPlan): boolean {
  return plan.held && plan.formats.every((format) => format === 'arrow-file');
}

/** Stream options that report each record batch or chunk read as `read` progress and stop on `signal`. */
function streamOptions(
  inputs: readonly ByteSource[],
  signal: AbortSignal | undefined,
  onProgress: (progress: Progress) => void,
): Omit<OpenStreamsOptions, 'sha256'> {
  return {
    signal,
    onProgress: (i, p) =>
      onProgress({ stage: 'read', file: i, files: inputs.length, name: inputs[i].name, bytes: p.bytes, size: p.size, rows: p.rows, batches: p.batches }),
  };
}

/**
 * FNV-1a (32-bit) over the cell strings, each followed by a comma: a key that changes whenever
 * the list of cells does, for caching map geometry.
 * @example hashCells([]) // → '811c9dc5' (the FNV offset basis)
 */
export function hashCells(cells: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) h = Math.imul(h ^ cell.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 44, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** The binned cells' names for a panel's cells (a boundary adds empty, unnamed cells); null without names. */
function namesFor(cells: readonly string[], binnedCells: readonly string[], names: readonly (string | null)[] | null): (string | null)[] | null {
  if (!names) return null;
  const byCell = new Map(binnedCells.map((cell, i) => [cell, names[i]]));
  return cells.map((cell) => byCell.get(cell) ?? null);
}
