import { backtest } from '../evaluate/backtest';
import { protocolOf } from '../evaluate/protocol';
import { BASELINES } from '../forecast/baselines';
import { regionFromCells } from '../grid/study-region';
import { expectedHitRate } from '../simulate/expected-hit-rate';
import { knownWorld, type WorldGeometry } from '../simulate/known-world';
import { oracleModel } from '../simulate/oracle-model';
import { patchGeometry } from '../simulate/patch-geometry';
import { worldArrow } from '../simulate/world-incidents';
import type { LessonRunner } from './lesson-context';
import { hexGeometry, type HexGeometry } from '../plots/hex-geometry';

/** The world the learner sets with the sliders (see `knownWorld` for each knob's meaning). */
export interface CeilingLessonInput {
  readonly seed: number;
  /** True incidents per cell and period on average. */
  readonly meanRate: number;
  /** Hotspot concentration: s.d. of log background risk across cells. */
  readonly concentration: number;
  /** Unpredictable noise: coefficient of variation of each cell-period's shock. */
  readonly noise: number;
  /** Self-excitation (near repeats): offspring per incident. */
  readonly excitation: number;
  /** How much recording varies by area: s.d. of logit(recording probability) across cells. */
  readonly reportingSpread: number;
  /** Also return the recorded incidents as an Arrow file (the download). */
  readonly exportArrow?: boolean;
  /** Also return the cells' map geometry (the first call; the cells never change between calls). */
  readonly withGeometry?: boolean;
}

/** One forecaster's scores in the simulated world. */
export interface CeilingModelResult {
  readonly id: string;
  readonly name: string;
  /** Mean over folds at 5 % of the area, with its 95 % fold interval. */
  readonly hitRate: number;
  readonly hitRateLo: number;
  readonly hitRateHi: number;
  readonly pai: number;
  readonly deviance: number;
  /** Mean hit rate at each of `CeilingLessonOutput.coverage`. */
  readonly curve: Float64Array;
}

/** What the ceiling lesson shows. */
export interface CeilingLessonOutput {
  /** 'data': the binned panel's cells and periods; 'patch': a made-up hexagon patch (no data binned). */
  readonly geography: 'data' | 'patch';
  readonly cells: readonly string[];
  readonly periods: number;
  readonly folds: number;
  readonly bucket: string;
  /** Relative background risk and recording probability of each cell (the truth the map shows). */
  readonly risk: Float64Array;
  readonly recording: Float64Array;
  readonly trueTotal: number;
  readonly recordedTotal: number;
  /** The hotspot coverage the headline is at (0.05). */
  readonly headline: number;
  /** The oracle's expected hit rate at the headline coverage: Σ flagged λ / Σ λ averaged over the test periods (`expectedHitRate`). */
  readonly expectedCeiling: number;
  /** Coverage grid of the curves (0 … 0.3). */
  readonly coverage: Float64Array;
  /** Naive, historic average, KDE and the oracle, in that order. */
  readonly models: readonly CeilingModelResult[];
  /** The recorded incidents as an Arrow IPC file, when asked for. */
  readonly arrow?: Uint8Array;
  /** The cells' map geometry, when asked for. */
  readonly geometry?: HexGeometry;
}

/** The baselines shown against the oracle. */
export const CEILING_MODELS = ['naive', 'historic-average', 'kde'] as const;
/** Folds of the lesson's backtest: one-week-ahead forecasts at 26 cutoffs. */
export const CEILING_FOLDS = 26;
const HEADLINE = 0.05;

/**
 * The `ceiling` lesson: simulates a known-truth world (`knownWorld`) on the binned panel's
 * cells and periods (or on `patchGeometry` when nothing is binned) and backtests the naive,
 * historic-average and KDE baselines and the oracle (`oracleModel`, forecasting the true
 * intensity of recorded incidents) on its recorded counts, every cell declared in the study
 * region. The oracle's scores are the ceiling; the expected ceiling is computed exactly too.
 */
export const ceilingLesson: LessonRunner<CeilingLessonInput, CeilingLessonOutput> = async (input, context) => {
  const geometry: WorldGeometry = context.panel ?? patchGeometry({ rings: 10, periods: 156 });
  context.progress('Simulating the world', 0, 3);
  const world = knownWorld(geometry, {
    meanRate: input.meanRate,
    concentration: input.concentration,
    yearly: 0.25,
    weekly: 0.2,
    noise: input.noise,
    excitation: input.excitation,
    reporting: 0.7,
    reportingSpread: input.reportingSpread,
    seed: input.seed,
  });
  const { panel } = world;
  const region = regionFromCells(panel, panel.cells);
  context.progress('Forecasting', 1, 3);
  const { report, forecasts } = await backtest({
    panel,
    protocol: protocolOf({ horizon: 1, folds: CEILING_FOLDS, validation: 0, coverage: [HEADLINE], seed: input.seed }),
    models: [...CEILING_MODELS, 'oracle'].map((id) => ({ id, params: {} })),
    definitions: [...BASELINES, oracleModel(panel, world.intensity)],
    data: { kind: 'incidents', files: [], sha256: '', rows: { read: 0, kept: 0, dropped: {} } },
    environment: { hexcast: 'lesson', runtime: 'worker', libraries: {} },
    region,
    signal: context.signal,
  });
  context.progress('Scoring', 2, 3);
  const C = panel.cells.length;
  const coverage = Float64Array.from({ length: 31 }, (_, i) => i / 100);
  let ceiling = 0;
  for (const cutoff of forecasts.cutoffs) {
    const step = world.intensity.subarray(cutoff * C, (cutoff + 1) * C);
    ceiling += expectedHitRate(step, step, panel.area, region.mask, HEADLINE) / forecasts.cutoffs.length;
  }
  const key = String(HEADLINE);
  const models = report.models.map((m, i): CeilingModelResult => {
    const grid = m.captureCurve;
    return {
      id: i < CEILING_MODELS.length ? CEILING_MODELS[i] : 'oracle',
      name: m.name,
      hitRate: m.metrics.hitRate[key].mean,
      hitRateLo: m.metrics.hitRate[key].lo,
      hitRateHi: m.metrics.hitRate[key].hi,
      pai: m.metrics.pai[key].mean,
      deviance: m.metrics.poissonDeviance.mean,
      curve: Float64Array.from(coverage, (c) => grid.hitRate[grid.coverage.findIndex((g) => Math.abs(g - c) < 1e-9)] ?? Number.NaN),
    };
  });
  const sum = (a: Float32Array): number => a.reduce((s, v) => s + v, 0);
  context.progress('Done', 3, 3);
  return {
    geography: context.panel ? 'data' : 'patch',
    cells: panel.cells,
    periods: panel.periods.length,
    folds: forecasts.cutoffs.length,
    bucket: panel.bucket.unit,
    risk: world.risk,
    recording: world.recording,
    trueTotal: sum(world.trueCounts),
    recordedTotal: sum(panel.counts),
    headline: HEADLINE,
    expectedCeiling: ceiling,
    coverage,
    models,
    ...(input.exportArrow && { arrow: worldArrow(panel, input.seed, { 'hexcast:world': JSON.stringify(worldSettings(input)) }) }),
    ...(input.withGeometry && { geometry: hexGeometry(panel.cells) }),
  };
};

/** The world's settings alone (what the exported file records). */
function worldSettings(input: CeilingLessonInput): Omit<CeilingLessonInput, 'exportArrow' | 'withGeometry'> {
  const { seed, meanRate, concentration, noise, excitation, reportingSpread } = input;
  return { seed, meanRate, concentration, noise, excitation, reportingSpread };
}
