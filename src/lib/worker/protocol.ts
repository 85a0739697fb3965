import type { FeaturePreview } from '../forecast/builder/feature-preview';
import type { ExternalKind } from '../evaluate/external-model';
/**
 * The message protocol between the app and its module Web Worker (types only). Every request
 * carries `{ type, id }`; the worker answers each with exactly one `done` or `error` message
 * carrying the same id, and may send `progress` messages for it before that. A new `run`
 * aborts the previous one (the newest run wins); `cancel` aborts a request by id. Large arrays
 * travel as transferred buffers, never copied.
 */
import type { BackendName, WasmFileMap } from '../forecast/tf/backend';
import type { Report } from '../evaluate/report';
import type { StepScores } from '../evaluate/score-forecasts';
import type { RunProgress } from '../evaluate/run-forecasts';
import type { LeakageLab } from '../leakage/leakage-lab';
import type { AutoChoice, LeftOutModel } from '../evaluate/fit-to-panel';
import type { Protocol } from '../evaluate/protocol';
import type { BinReport } from '../grid/bin-incidents';
import type { BucketUnit } from '../grid/time-bucket';
import type { ErrorData } from '../base/hexcast-error';
import type { ColumnMapping } from '../io/column-mapping';
import type { MappingSuggestion } from '../io/detect-mapping';
import type { Clock, LoadReport } from '../io/incidents';
import type { PanelFileOptions, PanelFileReport } from '../grid/panel-file';
import type { RowPreview } from '../io/preview-rows';
import type { SourceFormat } from '../io/read-arrow';
import type { CrsCandidate } from '../io/rank-crs';
import type { IncidentsSummary } from '../io/summarise-incidents';
import type { HexGeometry } from '../plots/hex-geometry';
import type { ModelInfo } from '../forecast/models';
import type { BinSettings } from '../pipeline/bin';
import type { CategorySelection } from '../pipeline/category-selection';
import type { PanelSummary } from '../pipeline/load';
import type { BoundaryCover, BoundaryFile, BoundaryInput } from '../pipeline/region';
import type { AreaAttributes, AreasInfo, AreasInput } from '../pipeline/areas';
import type { ClaimCheckResult } from './check-claim-request';
import type { PanelChoices, PanelSize } from './panel-choices';
import type { AnyLessonOutput, LessonCall } from '../lessons/lesson-registry';

// Types the messages carry that the pipeline and the registry define (one definition each).
export type { BinSettings, BoundaryCover, BoundaryFile, BoundaryInput, CategorySelection, ClaimCheckResult, FeaturePreview, ModelInfo, PanelSummary };
export type { AreaAttributes, AreasInfo, AreasInput };
export type { PanelChoices, PanelSize };
export type { AnyLessonOutput, LessonCall };

/** The area layer apportioned to the binned panel's cells: the attributes (panel order) and the whole accounting. */
export interface BinAreas {
  readonly attributes: AreaAttributes;
  readonly lines: readonly string[];
  /** Area of each cell, m² (panel order), for amounts per km². */
  readonly cellArea: Float64Array;
}

/** A file's name and bytes (the buffer is transferred to the worker). */
export interface FileBytes {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/**
 * A file to open: its bytes (a fetched sample; the buffer is transferred), or the browser
 * `Blob`/`File` itself — structured-cloned by reference, not copied into memory — which the
 * worker streams record batch by record batch (`blobSource`), so a file larger than one
 * ArrayBuffer opens.
 */
export type OpenFile = FileBytes | { readonly name: string; readonly file: Blob };

/** A saved model loaded to forecast frozen in the next runs: its model id there, file, fingerprint, model and training span. */
export interface FrozenInfo {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  /** The spec of the model that was fitted ('poisson-glm'). */
  readonly model: string;
  readonly trainedOn: { readonly first: string; readonly last: string; readonly periods: number; readonly cells: number };
}

/** A forecast file made elsewhere, to score with the models: its model name, bytes and declared kind (absent: detected). */
export interface ExternalInput {
  readonly name: string;
  readonly file: FileBytes;
  readonly kind?: ExternalKind;
}

/** An external forecast file as read: its fingerprint, detected shape and the rows unusable before any matching. */
export interface ExternalInfo {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  readonly shape: 'cell' | 'point' | 'flag';
  /** Why that shape and those columns. */
  readonly reason: string;
  readonly kind: ExternalKind | 'auto';
  readonly rows: number;
  /** Rows unusable already (no period, no place, no value), by reason; matching to folds and cells comes with the run. */
  readonly unusable: Readonly<Record<string, number>>;
}

/** One column of an opened file: its name and Arrow type, as text. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
}

/** One opened file: name, size, rows, columns and its SHA-256 (hex; null until the open's fingerprint is known, see `OpenResult`). */
export interface SourceInfo {
  readonly name: string;
  readonly bytes: number;
  readonly rows: number;
  readonly format: SourceFormat;
  readonly columns: readonly ColumnInfo[];
  readonly sha256: string | null;
}

/**
 * What opening files yields: their facts, a preview of the first, and the suggested mapping.
 * `kind` is 'panel' when every file is a pre-binned panel (`cell`, `period`, `count`): such
 * files are read with `load-panel` instead of a column mapping.
 */
export interface OpenResult {
  readonly kind: 'incidents' | 'panel';
  readonly sources: readonly SourceInfo[];
  /**
   * SHA-256 of all files' bytes in order (the report's data fingerprint); null (and each
   * source's too) when the worker answered before hashing: ask 'fingerprint' with `generation`.
   */
  readonly sha256: string | null;
  /** Which open of the worker this is (counted from 1), for 'fingerprint'. */
  readonly generation: number;
  readonly preview: RowPreview;
  readonly suggestion: MappingSuggestion;
  /** For projected x/y (the suggested pair): the EPSG registry's CRSs that fit them best (`suggestCrs`); null otherwise or when they could not be ranked. */
  readonly crsCandidates: readonly CrsCandidate[] | null;
  readonly ms: number;
}

/** What loading with a mapping yields: row accounting and an overview of the incidents. */
export interface LoadResult {
  readonly report: LoadReport;
  readonly summary: IncidentsSummary;
  readonly ms: number;
}

/** How to read a pre-binned panel file: bucket unit and zone overrides, applied only to files without Hexcast's metadata. */
export type PanelOptions = PanelFileOptions;

/** What reading a panel file yields: its row accounting (`read === used + Σ dropped`) and summary. */
export interface PanelLoadResult {
  readonly report: PanelFileReport;
  readonly summary: PanelSummary;
  readonly ms: number;
}

/** Cells with at least one incident at each asked resolution (ascending), for the resolution picker. */
export interface ResolutionCellsResult {
  readonly counts: readonly { readonly res: number; readonly cells: number }[];
  readonly ms: number;
}

/** The binned panel as the app needs it: per-cell and per-period totals, and the map geometry. */
export interface BinResult {
  /** 'panel' when the panel was read from a pre-binned file (resolution and bucket fixed by it). */
  readonly kind: 'incidents' | 'panel';
  readonly res: number;
  readonly unit: BucketUnit;
  readonly timeZone: string;
  readonly clock: Clock;
  /** False when wall-clock data declares no zone (`timeZone` is then 'UTC' only as a label). */
  readonly zoneDeclared: boolean;
  readonly cells: readonly string[];
  /** Period starts as wall-clock readings in the panel's zone (`wallTimeOf`), for labels and axes. */
  readonly periods: Float64Array;
  readonly end: number;
  /** Incidents per cell over all periods. */
  readonly cellTotals: Float32Array;
  /** Each cell's place name (`CELL_NAME_RULE`; one string or null per cell, in `cells` order); null without a place column. */
  readonly cellNames: readonly (string | null)[] | null;
  /** Incidents per period over all cells. */
  readonly periodTotals: Float32Array;
  readonly report: BinReport;
  /** Incidents left out by the category filter. */
  readonly filtered: number;
  /** The boundary that defines the study region, when one is loaded. */
  readonly boundary: BoundaryCover | null;
  /** The area layer apportioned to these cells, when one is loaded. */
  readonly areas?: BinAreas | null;
  /** Projected cell outlines; null when the cells are those of the previous answer (same `geometryKey`). */
  readonly geometry: HexGeometry | null;
  readonly geometryKey: string;
  /** The panel's size as allocated, for the budget line (the core refused it before allocating when over `settings.maxValues`). */
  readonly size: PanelSize;
  readonly ms: number;
}

/** The models the worker can run, and why some could not be offered. */
export interface Catalogue {
  readonly models: readonly ModelInfo[];
  readonly notes: readonly string[];
}

/** The tfjs backend to prefer for learned models. */
export type BackendPreference = 'auto' | BackendName;

/** URLs of the three tfjs WASM binaries, keyed by file name (from Vite `?url` imports). */
export type WasmPaths = WasmFileMap;

/** What to run on the current panel. */
export interface RunSpec {
  /** Model specs as `id:key=value` strings (formatModelSpec). */
  readonly models: readonly string[];
  readonly protocol: Protocol;
  readonly backend: BackendPreference;
  readonly wasmPaths?: WasmPaths;
  /** The app's version and runtime, for the report's environment. */
  readonly environment: Report['environment'];
  /**
   * Helper workers to spread an expensive run's folds and models over, besides the worker itself
   * (`helperCount`; 0 or absent: the run stays in the one worker). The numbers are the same either way.
   */
  readonly helpers?: number;
}

/**
 * What a run of these models and this protocol would use on the current panel (`fitToPanel`):
 * the fold count, the model specs with any shortened window, each auto choice and the models
 * left out. The experiment screen shows it before the run.
 */
export interface PlanResult {
  readonly folds: number;
  readonly models: readonly string[];
  readonly choices: readonly AutoChoice[];
  readonly leftOut: readonly LeftOutModel[];
}

/** A finished run: the report, and the facts the result views need to ask for slices. */
export interface RunResult {
  readonly report: Report;
  /** Model names in report order. */
  readonly models: readonly string[];
  /** 1 for cells in the study region (panel cell order). */
  readonly region: Uint8Array;
  readonly area: Float64Array;
  readonly cells: readonly string[];
  /** Start of each test period, `[fold * horizon + step]`, as a wall-clock reading (`wallTimeOf`). */
  readonly testPeriods: Float64Array;
  readonly geometry: HexGeometry;
}

/** What the leakage lab runs on the current panel: the models (default `LEAKAGE_MODELS`) and the honest protocol. */
export interface LeakageSpec {
  readonly models: readonly string[];
  readonly protocol: Protocol;
  readonly environment: Report['environment'];
}

/** Actual counts and every model's forecast for one fold and step. */
export interface StepSlice {
  readonly fold: number;
  readonly step: number;
  readonly period: number;
  readonly actual: Float32Array;
  /** `forecasts[m * cells + c]`. */
  readonly forecasts: Float32Array;
  /** Each model's scores of this step as the core computed them (MAE; hit rate, PAI, PEI* and their tie range per coverage). */
  readonly scores: readonly StepScores[];
}

/** One cell over time: its whole actual series, and each model's forecasts `step` periods ahead. */
export interface CellSeries {
  readonly cell: number;
  readonly step: number;
  readonly periods: Float64Array;
  readonly actual: Float32Array;
  /** Start of the forecast period of each fold. */
  readonly forecastPeriods: Float64Array;
  /** `forecasts[m * folds + k]`. */
  readonly forecasts: Float32Array;
}

/** Progress of a request, by stage. */
export type Progress =
  | { readonly stage: 'open' | 'hash' | 'load' | 'bin' | 'prepare' | 'backend' | 'score'; readonly message: string }
  | { readonly stage: 'forecast'; readonly run: RunProgress }
  /** The tfjs backend a run's learned models compute on, and its threads (null: a GPU backend). */
  | { readonly stage: 'backend-ready'; readonly backend: string; readonly threads: number | null }
  /** The run's folds and models are spread over `workers` workers (the worker and its helpers); `note`: why fewer helpers than asked started. */
  | { readonly stage: 'workers'; readonly workers: number; readonly note?: string }
  | { readonly stage: 'leakage' | 'lesson'; readonly message: string; readonly done: number; readonly total: number }
  /** Opening: file `file` of `files` (named), its bytes read of `size`, and the rows and record batches parsed so far (Arrow files after each record batch; CSV and Parquet after each chunk read, with rows 0 until opened); decoding a streamed file (`load`, a `bin`'s category filter): the rows decoded so far. */
  | {
      readonly stage: 'read';
      readonly file: number;
      readonly files: number;
      readonly name: string;
      readonly bytes: number;
      readonly size: number;
      readonly rows: number;
      readonly batches: number;
    };

/** Requests from the app to the worker. */
export type Request =
  /** Opens files; cancellable (`cancel`) between chunks, leaving the files opened before in place. */
  /** `streamFrom`: total bytes from which Arrow incident files are decoded as they stream (`Session.open`). */
  | { readonly type: 'open'; readonly id: number; readonly files: readonly OpenFile[]; readonly streamFrom?: number }
  /** The fingerprint of open `generation`, answered once hashed (the worker hashes while idle); an AbortError when other files were opened since. Not queued. */
  | { readonly type: 'fingerprint'; readonly id: number; readonly generation: number }
  | { readonly type: 'load'; readonly id: number; readonly mapping: ColumnMapping }
  | { readonly type: 'load-panel'; readonly id: number; readonly options: PanelOptions }
  /** Bins; for a streamed file a new category filter is decoded first ('load' message, then `read` progress with rows decoded), cancellable between record batches, leaving the panel binned before in place. */
  | { readonly type: 'bin'; readonly id: number; readonly settings: BinSettings }
  | { readonly type: 'resolution-cells'; readonly id: number; readonly resolutions: readonly number[]; readonly categories: CategorySelection }
  /** After a 'panel-too-large' refusal: the panel asked for and the grids among `resolutions` and the longer buckets that fit `settings.maxValues`. */
  | { readonly type: 'panel-choices'; readonly id: number; readonly settings: BinSettings; readonly resolutions: readonly number[] }
  | { readonly type: 'boundary'; readonly id: number; readonly boundary: BoundaryInput | null }
  | { readonly type: 'areas'; readonly id: number; readonly areas: AreasInput | null }
  | { readonly type: 'catalogue'; readonly id: number }
  | { readonly type: 'plan'; readonly id: number; readonly models: readonly string[]; readonly protocol: Protocol }
  | { readonly type: 'run'; readonly id: number; readonly spec: RunSpec }
  | { readonly type: 'cancel'; readonly id: number; readonly target: number }
  | { readonly type: 'step-slice'; readonly id: number; readonly fold: number; readonly step: number }
  | { readonly type: 'cell-series'; readonly id: number; readonly cell: number; readonly step: number }
  | { readonly type: 'forecasts-file'; readonly id: number }
  | { readonly type: 'external'; readonly id: number; readonly files: readonly ExternalInput[] }
  | { readonly type: 'check-claim'; readonly id: number; readonly claim: string; readonly vary: readonly ('period' | 'cells')[] }
  | { readonly type: 'leakage'; readonly id: number; readonly spec: LeakageSpec }
  | { readonly type: 'feature-preview'; readonly id: number; readonly features: string; readonly cell: number | null }
  /** Fits a learned model of the last run (its spec) once on that run's whole panel and answers the saved-model file. */
  | { readonly type: 'save-model'; readonly id: number; readonly model: string }
  /** Sets the saved models the next runs forecast with, frozen (an empty list removes them); each is read and checked against the panel now. */
  | { readonly type: 'frozen-models'; readonly id: number; readonly files: readonly FileBytes[] }
  /** Runs one lesson's computation (`LESSON_RUNNERS`) on its input and the binned panel, if any. */
  | { readonly type: 'lesson'; readonly id: number; readonly call: LessonCall };

/** What each request type resolves to. */
export interface Results {
  readonly open: OpenResult;
  /** Each opened file's SHA-256 (in order) and the one over all. */
  readonly fingerprint: { readonly sha256: string; readonly hashes: readonly string[] };
  readonly load: LoadResult;
  readonly 'load-panel': PanelLoadResult;
  readonly bin: BinResult;
  readonly 'resolution-cells': ResolutionCellsResult;
  readonly 'panel-choices': PanelChoices;
  readonly boundary: BoundaryFile | null;
  readonly areas: AreasInfo | null;
  readonly catalogue: Catalogue;
  readonly plan: PlanResult;
  readonly run: RunResult;
  readonly cancel: { readonly cancelled: boolean };
  readonly 'step-slice': StepSlice;
  readonly 'cell-series': CellSeries;
  readonly 'forecasts-file': { readonly bytes: ArrayBuffer };
  readonly external: readonly ExternalInfo[];
  readonly 'check-claim': ClaimCheckResult;
  readonly leakage: LeakageLab;
  readonly 'feature-preview': FeaturePreview;
  readonly 'save-model': { readonly bytes: ArrayBuffer; readonly name: string };
  readonly 'frozen-models': readonly FrozenInfo[];
  readonly lesson: AnyLessonOutput;
}

export type RequestType = Request['type'];

/**
 * An error as it crosses the thread boundary (`errorData`): name, message, its stable `code`
 * and where it was found (file, column, row, field); name 'AbortError' and code 'aborted' for
 * cancelled or superseded work. The client rebuilds it with `errorFromData`.
 */
export type WorkerError = ErrorData;

/** Messages from the worker to the app. */
export type Response =
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { [K in RequestType]: { readonly type: 'done'; readonly id: number; readonly request: K; readonly result: Results[K] } }[RequestType]
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError };

/** Request types where a newer request makes a queued older one pointless (it is answered with an AbortError). */
export const LATEST_WINS: ReadonlySet<RequestType> = new Set<RequestType>([
  'load',
  'load-panel',
  'bin',
  'resolution-cells',
  'step-slice',
  'cell-series',
  'plan',
  'feature-preview',
]);
