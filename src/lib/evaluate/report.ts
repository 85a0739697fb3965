import type { TrainingLog } from '../forecast/forecaster';
import type { ModelOrigin } from '../forecast/model-origin';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import type { BinReport } from '../grid/bin-incidents';
import type { AutoChoice, LeftOutModel } from './fit-to-panel';
import { windowStart, type Protocol, type ResolvedProtocol } from './protocol';
import type { ForecastSet } from './run-forecasts';
import { isoOf } from '../base/iso-of';
import type { Scores } from './score-forecasts';
import { summariseScores, type BestBaselines, type ModelSummary } from './summarise-scores';
import { COUNT_METRICS, HOTSPOT_METRICS, coverageKey } from './metric-catalogue';
import { verdictOf, type Verdict } from './verdict';
import { HOTSPOT_RULE } from './metrics';
import { HOTSPOT_RANKING_AREA } from './metrics/hotspot-ranking';
import { tieRanges, type TieRanges } from './tie-range';
import type { ReportExternal } from './external-report';
import type { HygieneCheck } from './hygiene-check';
import type { ReportExposure } from './exposure/report-exposure';

/** The report format's version; bump it when a field changes meaning or disappears. */
export const REPORT_VERSION = 3;

/** Where the data came from, and what became of every row. */
export interface ReportData {
  /** 'incidents' for Arrow incident files; 'panel' for a pre-binned panel file. */
  readonly kind: 'incidents' | 'panel';
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly rows: number }[];
  /** SHA-256 (hex) of the input files' bytes, in the order given. */
  readonly sha256: string;
  readonly rows: { readonly read: number; readonly kept: number; readonly dropped: Readonly<Record<string, number>> };
  /** The column mapping used (incident files), as given to the loader. */
  readonly mapping?: unknown;
  readonly binning?: BinReport;
  /**
   * The load's warnings: about the incidents binned (incident files; `loadWarnings`), or the
   * panel file's load report's (panel files; `panelReportData`), each remedy
   * in its neutral phrase (`REMEDY_PHRASES`), which a rendering words as its shell's control
   * (`wordRemedies`). Absent when there are none; optional, so version 3 stays.
   */
  readonly warnings?: readonly string[];
}

/** One fold's cutoff and spans, as period indexes and ISO times. */
export interface ReportCutoff {
  readonly fold: number;
  readonly cutoff: number;
  readonly trainStart: string;
  readonly testStart: string;
  readonly testEnd: string;
  /** Cells in the fold's model universe (an incident before the cutoff, or declared); the others were forecast 0. */
  readonly universeCells: number;
}

/** Every per-fold value of one model. */
export interface ReportFold {
  readonly fold: number;
  readonly cutoff: number;
  readonly model: string;
  readonly metrics: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  /** Hit rate, PAI and PEI* of this fold with the tied cells at the boundary taken worst-first / best-first. */
  readonly tieRange: TieRanges;
}

/** A model's entry in the report. */
export interface ReportModel extends ModelSummary {
  readonly spec: string;
  readonly captureCurve: { readonly coverage: readonly number[]; readonly hitRate: readonly number[] };
  /**
   * The pessimistic–optimistic range of each hotspot metric's mean: the tied cells at the
   * boundary taken worst-first / best-first in every step (the mean itself is the expectation).
   */
  readonly tieRange: TieRanges;
  readonly training: readonly (TrainingLog | null)[];
  readonly timing: { readonly fitMs: number; readonly predictMs: number };
  /** A model that is not built in: user code (file, SHA-256) or a saved model forecasting frozen (file, SHA-256, training span). */
  readonly origin?: ModelOrigin;
}

/** The settings as asked, what "auto" chose (one sentence each) and the models that could not run. */
export interface ReportFitToPanel {
  readonly requested: Protocol;
  readonly choices: readonly AutoChoice[];
  readonly leftOut: readonly LeftOutModel[];
}

/** The whole versioned report (JSON). Markdown and HTML are renderings of it. */
export interface Report {
  readonly format: 'hexcast-report';
  readonly version: typeof REPORT_VERSION;
  readonly createdAt: string;
  readonly data: ReportData;
  readonly panel: {
    readonly resolution: number;
    readonly bucket: Panel['bucket']['unit'];
    readonly timeZone: string;
    readonly clock: Panel['bucket']['clock'];
    readonly cells: number;
    readonly periods: number;
    readonly firstPeriod: string;
    readonly lastPeriod: string;
    readonly end: string;
    readonly incidents: number;
    readonly studyRegion: { readonly source: StudyRegion['source']; readonly cells: number; readonly area_m2: number };
  };
  /** The protocol the run used (folds settled). */
  readonly protocol: ResolvedProtocol;
  /** How the settings left at "auto" were fitted to the panel, and the models left out (absent in older reports). */
  readonly fitToPanel?: ReportFitToPanel;
  /** How hotspot metrics flag cells, in sentences a reviewer can quote (`HOTSPOT_RULE`, then how ranking treats cell areas). */
  readonly hotspotRule: string;
  readonly cutoffs: readonly ReportCutoff[];
  readonly models: readonly ReportModel[];
  readonly bestBaseline: BestBaselines;
  readonly folds: readonly ReportFold[];
  readonly summary: Verdict;
  /** Forecasts made elsewhere, scored as given: files, row accounting, folds scored (absent without any). */
  readonly external?: ReportExternal;
  readonly environment: { readonly hexcast: string; readonly runtime: string; readonly libraries: Readonly<Record<string, string>>; readonly backend?: string };
  readonly timings: Readonly<Record<string, number>>;
  /** The hygiene checklist, each item computed from the run (`hygiene.ts`; added by `backtest`, new in version 3). */
  readonly hygiene?: readonly HygieneCheck[];
  /** Who gets flagged: each population group's share of the flags against its share of population and recorded incidents (present when the run had area attributes; optional, so version 3 stays). */
  readonly exposure?: ReportExposure;
}

/** What `buildReport` needs beyond the scores. */
export interface ReportInput {
  readonly data: ReportData;
  readonly panel: Panel;
  readonly region: StudyRegion;
  readonly forecasts: ForecastSet;
  readonly scores: Scores;
  readonly models: readonly { readonly spec: string; readonly kind: 'baseline' | 'learned'; readonly origin?: ModelOrigin }[];
  readonly fitToPanel?: ReportFitToPanel;
  readonly environment: Report['environment'];
  readonly timings: Readonly<Record<string, number>>;
  readonly createdAt?: Date;
}

/**
 * Assembles the report from scores and facts about the run. Every number in it is a pure
 * function of the data, the panel spec and the protocol (seeded), except `createdAt`,
 * `timings` and the training logs' wall times.
 */
export function buildReport(input: ReportInput): Report {
  const { panel, region, forecasts, scores, protocol } = { ...input, protocol: input.forecasts.protocol };
  const kinds = input.models.map((m) => m.kind);
  const { models, best } = summariseScores(scores, kinds, protocol);
  const C = panel.cells.length;
  const P = panel.periods.length;
  const iso = (t: number): string => isoOf(t, panel.bucket.clock);
  const periodStart = (p: number): number => (p < P ? panel.periods[p] : panel.end);
  let incidents = 0;
  for (let i = 0; i < panel.counts.length; i++) incidents += panel.counts[i];
  const cutoffs = forecasts.cutoffs.map((cutoff, fold): ReportCutoff => ({
    fold,
    cutoff,
    trainStart: iso(panel.periods[windowStart(cutoff, protocol)]),
    testStart: iso(periodStart(cutoff)),
    testEnd: iso(periodStart(cutoff + forecasts.horizon)),
    universeCells: forecasts.universe.subarray(fold * C, (fold + 1) * C).reduce((n, x) => n + x, 0),
  }));
  const J = scores.coverage.length;
  const folds: ReportFold[] = [];
  scores.models.forEach((model) => {
    forecasts.cutoffs.forEach((cutoff, k) => {
      const metrics: Record<string, number | Record<string, number>> = {};
      for (const id of COUNT_METRICS) metrics[id] = model.count[id][k];
      for (const id of HOTSPOT_METRICS) {
        metrics[id] = Object.fromEntries(scores.coverage.map((c, j) => [coverageKey(c), model.hotspot[id][k * J + j]]));
      }
      folds.push({ fold: k, cutoff, model: model.name, metrics, tieRange: tieRanges(model.hotspotWorst, model.hotspotBest, scores.coverage, [k]) });
    });
  });
  const reportModels = models.map((summary, m): ReportModel => {
    const run = forecasts.models[m];
    return {
      ...summary,
      spec: input.models[m].spec,
      captureCurve: { coverage: Array.from(scores.captureGrid), hitRate: Array.from(scores.models[m].capture) },
      tieRange: tieRanges(
        scores.models[m].hotspotWorst,
        scores.models[m].hotspotBest,
        scores.coverage,
        forecasts.cutoffs.map((_, k) => k),
      ),
      training: run.logs.map((log) => log ?? null),
      timing: { fitMs: run.fitMs, predictMs: run.predictMs },
      ...(input.models[m].origin && { origin: input.models[m].origin }),
    };
  });
  return {
    format: 'hexcast-report',
    version: REPORT_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    data: input.data,
    panel: {
      resolution: panel.res,
      bucket: panel.bucket.unit,
      timeZone: panel.bucket.timeZone,
      clock: panel.bucket.clock,
      cells: C,
      periods: P,
      firstPeriod: iso(panel.periods[0]),
      lastPeriod: iso(panel.periods[P - 1]),
      end: iso(panel.end),
      incidents,
      studyRegion: { source: region.source, cells: region.cells, area_m2: region.area },
    },
    protocol,
    ...(input.fitToPanel && { fitToPanel: input.fitToPanel }),
    hotspotRule: `${HOTSPOT_RULE} ${HOTSPOT_RANKING_AREA}`,
    cutoffs,
    models: reportModels,
    bestBaseline: best,
    folds,
    summary: verdictOf(reportModels, protocol.coverage),
    environment: input.environment,
    timings: input.timings,
  };
}
