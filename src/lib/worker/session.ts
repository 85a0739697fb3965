import { backtest, type BacktestResult } from '../evaluate/backtest';
import { fitToPanel } from '../evaluate/fit-to-panel';
import type { Protocol } from '../evaluate/protocol';
import { formatModelSpec, parseModelSpec } from '../forecast/model-definition';
import { boundaryCells } from '../grid/boundary-cells';
import { extendPanel } from '../grid/extend-panel';
import { wallTimeOf, wallTimesOf } from '../grid/wall-time';
import type { Panel } from '../grid/panel';
import { regionFromCells } from '../grid/study-region';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import { forecastsFileBytes } from '../evaluate/forecasts-file';
import { InputError } from '../io/input-error';
import { loadMappingCrs } from '../io/load-crs';
import { loadIncidents } from '../io/load-incidents';
import { previewRows } from '../io/preview-rows';
import { readArrow } from '../io/read-arrow';
import { sha256Hex } from '../io/sha256-hex';
import { summariseIncidents } from '../io/summarise-incidents';
import { hexGeometry, type HexGeometry } from '../plots/hex-geometry';
import { isPanelInput } from '../pipeline/prepare-panel';
import { binLoaded } from './bin-loaded';
import { boundaryCover } from './boundary-cover';
import { modelDefinitions } from './model-catalogue';
import type {
  BackendPreference,
  BinResult,
  BinSettings,
  BoundaryFile,
  BoundaryInput,
  CellSeries,
  FileBytes,
  LoadResult,
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
import { panelPreview } from './panel-preview';
import { panelTotals } from './panel-totals';
import { parseBoundary } from './parse-boundary';
import { readPanelInput } from './read-panel-input';
import type { Binned, Boundary, Loaded, Opened } from './session-state';
import { cellSeriesOf, stepSliceOf } from './run-slices';
import { hashCells } from './hash-cells';
import { ResolutionCells } from './resolution-cells';
import { testPeriodsOf } from './test-periods';
import { yieldingDefinitions } from './yielding-definitions';

/** Starts a tfjs backend for learned models and returns its name. */
export type BackendStarter = (preference: BackendPreference, wasmPaths: WasmPaths | undefined) => Promise<string>;

/**
 * The worker's memory: the opened files, the incidents of the current mapping (or the panel of
 * a pre-binned file), the current panel and the last finished run, so the app can ask for slices instead of receiving
 * everything. Each step invalidates the ones after it. Pure orchestration of src/lib: no DOM, no
 * messages (see `serve`), so it runs in Node tests as it does in the worker.
 */
export class Session {
  private opened: Opened | undefined;
  private loaded: Loaded | undefined;
  private binned: Binned | undefined;
  private last: (BacktestResult & { panel: Panel; models: readonly string[] }) | undefined;
  private geometry: { key: string; value: HexGeometry } | undefined;
  private boundary: Boundary | undefined;
  private resolutions: { loaded: Loaded; key: string; cells: ResolutionCells } | undefined;

  constructor(private readonly startBackend: BackendStarter) {}

  /** Parses the files (in order), fingerprints them and suggests a column mapping; files that fail leave the session as it was. */
  async open(files: readonly FileBytes[], onProgress: (progress: Progress) => void = () => {}): Promise<OpenResult> {
    if (files.length === 0) throw new Error('No files given: choose one or more Arrow files');
    const t0 = performance.now();
    onProgress({ stage: 'open', message: `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}` });
    const sources = files.map((file) => readArrow(new Uint8Array(file.bytes), file.name));
    const kind = isPanelInput(sources) ? 'panel' : 'incidents';
    onProgress({ stage: 'hash', message: 'Computing SHA-256 fingerprints' });
    const parts = files.map((file) => new Uint8Array(file.bytes));
    const hashes = await Promise.all(parts.map((part) => sha256Hex(part)));
    const sha256 = parts.length === 1 ? hashes[0] : await sha256Hex(parts);
    const ms = performance.now() - t0;
    this.loaded = this.binned = undefined;
    this.opened = { kind, sources, sha256, ms };
    const preview = previewRows(sources[0], 12);
    return {
      kind,
      sources: sources.map((source, i) => ({
        name: source.name,
        bytes: source.bytes,
        rows: source.table.numRows,
        format: source.format,
        columns: source.table.schema.fields.map((field) => ({ name: field.name, type: String(field.type) })),
        sha256: hashes[i],
      })),
      sha256,
      preview: kind === 'panel' ? panelPreview(preview, sources[0]) : preview,
      suggestion: detectMapping(sources),
      ms,
    };
  }

  /** Decodes the opened files with a mapping: row accounting and an overview. */
  async load(mapping: ColumnMapping): Promise<LoadResult> {
    const opened = this.require(this.opened, 'open files');
    if (opened.kind === 'panel') throw new InputError(`${namesOf(opened)}: a pre-binned panel file (cell, period, count) is read as a panel, without a column mapping`, { code: 'usage' });
    const t0 = performance.now();
    this.loaded = this.binned = undefined;
    await loadMappingCrs(mapping);
    const incidents = loadIncidents(opened.sources, mapping);
    const ms = performance.now() - t0;
    this.loaded = { kind: 'incidents', mapping, incidents, ms };
    return { report: incidents.report, summary: summariseIncidents(incidents), ms };
  }

  /**
   * Reads the opened pre-binned panel file(s), with bucket unit and zone overrides for a file
   * without Hexcast's metadata (see `readPanelInput`). A file that cannot be read this way
   * leaves the panel read before in place.
   */
  loadPanel(options: PanelOptions): PanelLoadResult {
    const opened = this.require(this.opened, 'open files');
    if (opened.kind !== 'panel') throw new InputError(`${namesOf(opened)}: incident files are loaded with a column mapping, not read as a panel`, { code: 'usage' });
    const t0 = performance.now();
    const input = readPanelInput(opened.sources, options);
    const ms = performance.now() - t0;
    this.binned = undefined;
    this.loaded = { kind: 'panel', input, ms };
    return { report: input.report, summary: input.summary, ms };
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
    const { panel: base, report, data, filtered, zoneDeclared } = binLoaded(opened, loaded, settings);
    const region = this.boundary ? boundaryCells(this.boundary.geojson, base.res) : undefined;
    const panel = region ? extendPanel(base, region) : base;
    const { cellTotals, periodTotals } = panelTotals(panel);
    const previous = this.geometry?.key;
    const geometry = this.geometryOf(panel, region ? this.boundary : undefined);
    const ms = performance.now() - t0;
    this.binned = { settings, panel, data, region, ms };
    return {
      kind: loaded.kind,
      res: panel.res,
      unit: panel.bucket.unit,
      timeZone: panel.bucket.timeZone,
      clock: panel.bucket.clock,
      zoneDeclared,
      cells: panel.cells,
      periods: wallTimesOf(panel.periods, panel.bucket),
      end: wallTimeOf(panel.end, panel.bucket),
      cellTotals,
      periodTotals,
      report,
      filtered,
      boundary: this.boundary && region ? boundaryCover(this.boundary, region, base.cells) : null,
      geometry: previous === this.geometry!.key ? null : geometry,
      geometryKey: this.geometry!.key,
      ms,
    };
  }

  /**
   * How many cells hold an incident of the kept categories at each resolution (see
   * `ResolutionCells`: approximate by a few cells at the coarser ones). The points are indexed
   * once per load and set of resolutions; another category filter costs one pass.
   */
  resolutionCells(resolutions: readonly number[], categories: readonly string[] | null): ResolutionCellsResult {
    const loaded = this.require(this.loaded, 'load the data with a column mapping');
    if (loaded.kind !== 'incidents') throw new InputError('a pre-binned panel has one resolution, fixed by its file', { code: 'usage', field: 'bin.res' });
    const t0 = performance.now();
    const key = [...resolutions].sort((a, b) => a - b).join(',');
    if (this.resolutions?.loaded !== loaded || this.resolutions.key !== key) this.resolutions = { loaded, key, cells: new ResolutionCells(loaded.incidents, resolutions) };
    return { counts: this.resolutions.cells.count(categories), ms: performance.now() - t0 };
  }

  /**
   * Sets (or, with null, clears) the GeoJSON boundary whose H3 cover becomes the study region at
   * the next `bin`. The file must parse as JSON and, when data is binned, cover at least one
   * cell centre at the current resolution; otherwise nothing changes and the error says why.
   */
  async setBoundary(input: BoundaryInput | null): Promise<BoundaryFile | null> {
    if (input === null) {
      this.boundary = undefined;
      return null;
    }
    const geojson = parseBoundary(input, this.binned?.panel.res ?? 8);
    const sha256 = await sha256Hex(new TextEncoder().encode(input.text));
    this.boundary = { name: input.name, sha256, geojson };
    return { name: input.name, sha256 };
  }

  /** What a run of these models and protocol would use on the current panel (`fitToPanel`), before it starts. */
  async plan(models: readonly string[], protocol: Protocol): Promise<PlanResult> {
    const { panel } = this.require(this.binned, 'bin the data');
    const specs = models.map((text) => parseModelSpec(text));
    const { definitions } = await modelDefinitions(specs.map((s) => s.id));
    const fit = fitToPanel(panel.periods.length, protocol, specs, definitions, { res: panel.res, bucket: panel.bucket });
    const used = fit.models.map((spec) => formatModelSpec(spec, definitions.find((d) => d.id === spec.id)));
    return { folds: fit.protocol.folds, models: used, choices: fit.choices, leftOut: fit.leftOut };
  }

  /**
   * Backtests the models on the current panel: learned models start their tfjs backend first;
   * every fit yields to the event loop so that `signal` (a 'cancel') takes effect between folds.
   */
  async run(spec: RunSpec, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<RunResult> {
    const opened = this.require(this.opened, 'open files');
    const loaded = this.require(this.loaded, 'load the data');
    const binned = this.require(this.binned, 'bin the data');
    const specs = spec.models.map((text) => parseModelSpec(text));
    onProgress({ stage: 'prepare', message: 'Preparing models' });
    const { definitions, tensorflow } = await modelDefinitions(specs.map((s) => s.id));
    let backend: string | undefined;
    if (specs.some((s) => tensorflow.has(s.id))) {
      onProgress({ stage: 'backend', message: 'Starting TensorFlow.js' });
      backend = await this.startBackend(spec.backend, spec.wasmPaths);
    }
    const { panel, data } = binned;
    let lastModel = -1;
    const result = await backtest({
      panel,
      region: binned.region ? regionFromCells(panel, binned.region) : undefined,
      protocol: spec.protocol,
      models: specs,
      definitions: yieldingDefinitions(definitions),
      data,
      environment: backend ? { ...spec.environment, backend } : spec.environment,
      timings: { openMs: opened.ms, loadMs: loaded.ms, binMs: binned.ms },
      signal,
      onProgress: (run) => {
        onProgress({ stage: 'forecast', run });
        if (run.fold === run.folds && run.modelIndex === run.models - 1 && lastModel !== run.modelIndex) {
          lastModel = run.modelIndex;
          onProgress({ stage: 'score', message: 'Scoring forecasts' });
        }
      },
    });
    const models = result.forecasts.models.map((m) => m.name);
    this.last = { ...result, panel, models };
    const { cutoffs, horizon } = result.forecasts;
    return {
      report: result.report,
      models,
      region: result.region.mask.slice(),
      area: panel.area.slice(),
      cells: panel.cells,
      testPeriods: testPeriodsOf(panel, cutoffs, horizon),
      geometry: this.geometryOf(panel, binned.region ? this.boundary : undefined),
    };
  }

  /** Actual counts and every model's forecast for fold `fold`, step `step` (0-based) of the last run. */
  stepSlice(fold: number, step: number): StepSlice {
    const last = this.require(this.last, 'run a backtest');
    return stepSliceOf(last.panel, last.forecasts, last.scores, fold, step);
  }

  /** The actual series of cell `cell` (panel index) and each model's forecasts `step` periods after each cutoff. */
  cellSeries(cell: number, step: number): CellSeries {
    const last = this.require(this.last, 'run a backtest');
    return cellSeriesOf(last.panel, last.forecasts, cell, step);
  }

  /** Every forecast of the last run as an Arrow file (see `forecastsFileBytes`). */
  forecastsFile(): Uint8Array {
    const last = this.require(this.last, 'run a backtest');
    return forecastsFileBytes(last.panel, last.forecasts, last.region, last.scores);
  }

  private geometryOf(panel: Panel, outline: Boundary | undefined): HexGeometry {
    const key = `${panel.res}:${panel.cells.length}:${hashCells(panel.cells)}:${outline?.sha256 ?? ''}`;
    if (this.geometry?.key !== key) this.geometry = { key, value: hexGeometry(panel.cells, { outline: outline?.geojson }) };
    return this.geometry.value;
  }

  private require<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`Nothing to work on yet: ${what} first`);
    return value;
  }
}

/** The opened files' names, for messages. */
function namesOf(opened: Opened): string {
  return opened.sources.map((s) => s.name).join(', ');
}
