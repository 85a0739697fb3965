import { backtest, type BacktestResult } from '../evaluate/backtest';
import type { Protocol } from '../evaluate/protocol';
import type { ExternalModel } from '../evaluate/external-model';
import type { AreaAttributes } from '../areas/area-attributes';
import type { Report } from '../evaluate/report';
import type { ForecastPool } from '../evaluate/forecast-job';
import type { RunProgress } from '../evaluate/run-forecasts';
import type { ModelDefinition, ModelSpec } from '../forecast/model-definition';
import { modelIdsOf, modelRegistry, parseModelList } from '../forecast/models';
import type { Panel } from '../grid/panel';
import { forecastsFileBytes } from '../evaluate/forecasts-file';
import type { BinnedPanel } from './bin';
import { studyRegionOf, type BoundedPanel } from './region';

// The run stage of the pipeline: models resolved from the registry, every model forecast on the
// same cutoffs, scored and reported (`backtest` does all three in one call), and the report's two
// files (JSON and the forecasts as Arrow) written the same way by every shell.

/** A model list resolved against the registry: the specs to run and the definitions to make them from. */
export interface ResolvedModels {
  readonly specs: readonly ModelSpec[];
  readonly definitions: readonly ModelDefinition[];
  /** True when a spec needs a TensorFlow.js backend. */
  readonly tensorflow: boolean;
}

/**
 * Resolves a model list (`id[:key=value…]` specs and the words 'baselines', 'learned', 'all')
 * against the registry and `extra` definitions (user code, saved models: their ids must not be
 * built-in ones), loading the tfjs models only when the list needs them. Throws a
 * RangeError naming an unknown or malformed spec, with the reason learned models are unavailable
 * when that is why.
 * @example (await resolveModels(['naive', 'kde:window=8'])).specs.length // → 2
 */
export async function resolveModels(texts: readonly string[], extra: readonly ModelDefinition[] = []): Promise<ResolvedModels> {
  const own = new Set(extra.map((d) => d.id));
  const registry = await modelRegistry(modelIdsOf(texts).filter((id) => !own.has(id)));
  const clash = registry.definitions.find((d) => own.has(d.id));
  if (clash) throw new RangeError(`the model id '${clash.id}' of ${originOf(extra.find((d) => d.id === clash.id)!)} is a built-in model's; choose another`);
  const definitions = [...registry.definitions, ...extra];
  let specs: ModelSpec[];
  try {
    specs = parseModelList(texts, definitions);
  } catch (error) {
    throw registry.notes.length > 0 ? new RangeError(`${(error as Error).message}. ${registry.notes.join(' ')}`) : error;
  }
  // A frozen (saved) model is a tfjs model too: its backend must be started like the others'.
  const frozen = new Set(extra.filter((d) => d.origin?.kind === 'frozen').map((d) => d.id));
  return { specs, definitions, tensorflow: specs.some((s) => registry.tensorflow.has(s.id) || frozen.has(s.id)) };
}

/** 'model file x.ts' or 'saved model m.json' for a definition from outside. */
function originOf(definition: ModelDefinition): string {
  const origin = definition.origin;
  return origin ? `${origin.kind === 'user-code' ? 'model file' : 'saved model'} '${origin.file}'` : 'a model';
}

/** What a run needs besides the panel: the models, the protocol and the facts the report records. */
export interface RunRequest {
  readonly models: ResolvedModels;
  readonly protocol: Protocol;
  readonly environment: Report['environment'];
  /** Timings of the earlier stages (open, load, bin), for the report. */
  readonly timings: Readonly<Record<string, number>>;
  /** Forecasts made elsewhere to score with the models (`src/lib/external`'s `openExternal`). */
  readonly external?: readonly ExternalModel[];
  /** Area attributes (population by group …) apportioned to the panel's cells (`applyAreas`), for exposure. */
  readonly areas?: AreaAttributes;
}

/** How the shell takes part in a run: cancellation, progress, and its way to start tfjs. */
export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Called when the run moves to another stage: starting tfjs, scoring. */
  readonly onStage?: (stage: 'backend' | 'score', message: string) => void;
  /** Called once the tfjs backend has started: its name and threads (`backendThreads`: null on a GPU). */
  readonly onBackend?: (backend: string, threads: number | null) => void;
  /** Starts a tfjs backend for learned models and returns its name; default `ensureBackend` (right for Node; the worker passes its browser start-up). */
  readonly startBackend?: () => Promise<string>;
  /** Helpers to spread folds and models over (CLI threads, app workers); the numbers are the same without. */
  readonly pool?: ForecastPool;
  /** Wraps the definitions (the worker makes every fit yield to its message loop). */
  readonly wrapDefinitions?: (definitions: readonly ModelDefinition[]) => readonly ModelDefinition[];
}

/** A finished run: the backtest, the panel it ran on, the model names in report order, and the tfjs backend used. */
export interface RunOutcome extends BacktestResult {
  readonly panel: Panel;
  readonly models: readonly string[];
  readonly backend?: string;
  /** The run's area attributes, when it was given some (kept in the forecasts file). */
  readonly areas?: AreaAttributes;
}

/**
 * Backtests the models on a binned (and possibly bounded) panel: starts the tfjs backend when a
 * learned model needs it (its name goes into the report's environment), then forecasts, scores
 * and reports (`backtest`) over the boundary's region, or the default region without one.
 * @example (await runBacktest(binned, bounded, { models, protocol, environment, timings }, {})).report.summary.headline
 */
export async function runBacktest(binned: BinnedPanel, bounded: BoundedPanel, request: RunRequest, hooks: RunHooks): Promise<RunOutcome> {
  const { specs, definitions, tensorflow } = request.models;
  let backend: string | undefined;
  if (tensorflow) {
    hooks.onStage?.('backend', 'Starting TensorFlow.js');
    backend = await (hooks.startBackend ?? defaultBackend)();
    hooks.onStage?.('backend', `TensorFlow.js backend in use: ${backend}`);
    const { backendThreads } = await import('../forecast/tf');
    hooks.onBackend?.(backend, backendThreads());
  }
  const { panel } = bounded;
  let scoring = false;
  const result = await backtest({
    panel,
    region: studyRegionOf(bounded),
    protocol: request.protocol,
    models: specs,
    definitions: hooks.wrapDefinitions ? hooks.wrapDefinitions(definitions) : definitions,
    data: binned.data,
    environment: backend ? { ...request.environment, backend } : request.environment,
    timings: request.timings,
    external: request.external,
    areas: request.areas,
    signal: hooks.signal,
    pool: hooks.pool,
    onProgress: (run) => {
      hooks.onProgress?.(run);
      if (!scoring && run.fold === run.folds && run.modelIndex === run.models - 1) {
        scoring = true;
        hooks.onStage?.('score', 'Scoring forecasts');
      }
    },
  });
  return { ...result, panel, models: result.forecasts.models.map((m) => m.name), ...(backend && { backend }), ...(request.areas && { areas: request.areas }) };
}

/** tfjs's own choice of backend for this runtime, with tfjs loaded on first use. */
async function defaultBackend(): Promise<string> {
  const { ensureBackend } = await import('../forecast/tf');
  return (await ensureBackend()).backend;
}

// The report's JSON file (evaluate/report-json.ts, which the app imports directly), for the shells that import the pipeline.
export { reportJson } from '../evaluate/report-json';

/**
 * Every forecast of a run as the Arrow file every shell writes (see `forecastsFileBytes`).
 * @example tableFromIPC(forecastsFile(outcome)).numRows // → folds × horizon × cells
 */
export function forecastsFile(outcome: RunOutcome): Uint8Array {
  return forecastsFileBytes(outcome.panel, outcome.forecasts, outcome.region, outcome.scores, outcome.areas);
}
