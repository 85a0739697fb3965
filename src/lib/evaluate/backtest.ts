import { createModel, formatModelSpec, type ModelDefinition, type ModelSpec } from '../forecast/model-definition';
import type { Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { studyRegion, type StudyRegion } from '../grid/study-region';
import { fitToPanel } from './fit-to-panel';
import { withHygiene } from './hygiene';
import { cutoffsOf, type Protocol } from './protocol';
import { scoreExternal } from './score-external';
import type { ExternalModel } from './external-model';
import { buildReport, type Report, type ReportData } from './report';
import { runForecasts, type ForecastSet, type RunProgress } from './run-forecasts';
import { scoreForecasts, type Scores } from './score-forecasts';
import type { AreaAttributes } from '../areas/area-attributes';
import { exposureOfRun } from './exposure/exposure-of-run';
import type { ForecastJob, ForecastPool } from './forecast-job';
import { POOL_MIN_COST, type FoldTaskRunner } from './fold-tasks';

/** Everything a backtest needs. */
export interface BacktestInput {
  readonly panel: Panel;
  /** The protocol as asked; 'auto' folds and model windows left at 0 are fitted to the panel (`fitToPanel`). */
  readonly protocol: Protocol;
  readonly models: readonly ModelSpec[];
  /** The model definitions to create `models` from (baselines, learned models). */
  readonly definitions: readonly ModelDefinition[];
  readonly data: ReportData;
  /**
   * Study region; default: cells with an incident before the first cutoff. A region from a
   * boundary is also the declared geography: its cells are in every fold's model universe.
   */
  readonly region?: StudyRegion;
  readonly neighbours?: Neighbours;
  readonly environment: Report['environment'];
  /** Timings of earlier stages (load, bin) to include in the report. */
  readonly timings?: Readonly<Record<string, number>>;
  /** Models whose forecasts come from files made elsewhere: matched, scored as given, on the folds they all cover. */
  readonly external?: readonly ExternalModel[];
  /** Population groups apportioned to the panel's cells: adds the report's `exposure` section (who gets flagged). */
  readonly areas?: AreaAttributes;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /**
   * Helpers to spread the folds and models over (worker_threads, Web Workers), used when every
   * model is a built-in one and the run is expensive enough to pay for them (`POOL_MIN_COST`);
   * the report's numbers are the same as without.
   */
  readonly pool?: ForecastPool;
}

/** A finished backtest: the report, and the forecasts and scores it was built from. */
export interface BacktestResult {
  readonly report: Report;
  readonly forecasts: ForecastSet;
  readonly scores: Scores;
  readonly region: StudyRegion;
}

/**
 * Runs the whole honest comparison: every model on the same rolling-origin cutoffs
 * (`runForecasts`), scoring of the stored forecasts (`scoreForecasts`), and the report with
 * intervals, comparisons against the best baseline and a plain-language verdict. Settings
 * left at "auto" are first fitted to the panel (`fitToPanel`); models that cannot run on it are
 * left out, and both are stated in the report's `fitToPanel`.
 */
export async function backtest(input: BacktestInput): Promise<BacktestResult> {
  const { panel, definitions } = input;
  if (input.models.length === 0) throw new Error('No models to compare: choose at least one baseline');
  const context = { res: panel.res, bucket: panel.bucket };
  const fitted = fitToPanel(panel.periods.length, input.protocol, input.models, definitions, context);
  const protocol = fitted.protocol;
  const entries = fitted.models.map((spec) => {
    const definition = definitions.find((d) => d.id === spec.id)!;
    return { spec, definition, make: () => createModel(spec, definitions, context) };
  });
  const cutoffs = cutoffsOf(panel.periods.length, protocol);
  const declared = input.region?.source === 'boundary' ? input.region.mask : undefined;
  const t0 = performance.now();
  const forecasts = await runForecasts(
    panel,
    protocol,
    entries.map((e) => e.make),
    {
      signal: input.signal,
      onProgress: input.onProgress,
      neighbours: input.neighbours,
      declared,
      runTasks: poolFor(input, { protocol, models: fitted.models, declared }, entries),
    },
  );
  const t1 = performance.now();
  const region = input.region ?? studyRegion(panel, Math.max(1, cutoffs[0]));
  if (input.external?.length) {
    const kinds = entries.map((e) => e.definition.kind);
    const scored = scoreExternal({ panel, region, cutoffs, horizon: protocol.horizon }, forecasts, input.external, kinds);
    const t2 = performance.now();
    const built = buildReport({
      data: input.data,
      panel,
      region,
      forecasts: scored.forecasts,
      scores: scored.scores,
      models: [
        ...entries.map((e) => ({
          spec: formatModelSpec(e.spec, e.definition),
          kind: e.definition.kind,
          ...(e.definition.origin && { origin: e.definition.origin }),
        })),
        ...scored.external.files.map((f) => ({ spec: `external:${f.file}`, kind: 'learned' as const })),
      ],
      fitToPanel: { requested: input.protocol, choices: fitted.choices, leftOut: fitted.leftOut },
      environment: input.environment,
      timings: { ...input.timings, forecastMs: t1 - t0, scoreMs: t2 - t1 },
    });
    const report = withHygiene(
      { ...built, external: scored.external, ...exposureOf(input, region, scored.forecasts) },
      { panel, region, forecasts: scored.forecasts, scoredFolds: scored.external.folds.scored },
    );
    return { report, forecasts: scored.forecasts, scores: scored.scores, region };
  }
  const scores = scoreForecasts(panel, forecasts, region);
  const t2 = performance.now();
  const built = buildReport({
    data: input.data,
    panel,
    region,
    forecasts,
    scores,
    models: entries.map((e) => ({
      spec: formatModelSpec(e.spec, e.definition),
      kind: e.definition.kind,
      ...(e.definition.origin && { origin: e.definition.origin }),
    })),
    fitToPanel: { requested: input.protocol, choices: fitted.choices, leftOut: fitted.leftOut },
    environment: input.environment,
    timings: { ...input.timings, forecastMs: t1 - t0, scoreMs: t2 - t1 },
  });
  const report = withHygiene({ ...built, ...exposureOf(input, region, forecasts) }, { panel, region, forecasts });
  return { report, forecasts, scores, region };
}

/** The run's pool as `runForecasts` takes it, when there is one of two or more helpers and every model is built in (helpers make models from the registry). */
function poolFor(input: BacktestInput, job: ForecastJob, entries: readonly { definition: ModelDefinition }[]): FoldTaskRunner | undefined {
  const { pool } = input;
  if (!pool || pool.size < 2 || entries.some((e) => e.definition.origin)) return undefined;
  return {
    parts: pool.size,
    minCost: pool.minCost ?? POOL_MIN_COST,
    run: (tasks, onDone, onFold) => pool.run(job, tasks, onDone, input.signal, onFold),
  };
}

/** The report's `exposure` section when the input has area attributes (`exposureOfRun`), as a spreadable object. */
function exposureOf(input: BacktestInput, region: StudyRegion, forecasts: ForecastSet): Pick<Report, 'exposure'> {
  if (!input.areas) return {};
  const { protocol } = forecasts;
  return { exposure: exposureOfRun({ panel: input.panel, region, forecasts, coverage: protocol.coverage, areas: input.areas, seed: protocol.seed }) };
}
