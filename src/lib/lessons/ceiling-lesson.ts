import { runForecasts } from '../evaluate/run-forecasts';
import { hotspotScores } from '../evaluate/metrics/hotspot-scores';
import { poissonDeviance } from '../evaluate/metrics/poisson-deviance';
import { foldInterval } from '../evaluate/uncertainty/fold-interval';
import { createModel } from '../forecast/model-definition';
import { protocolOf } from '../evaluate/protocol';
import { BASELINES } from '../forecast/baselines';
import { panelInRegion } from '../grid/panel-in-region';
import { regionFromCells } from '../grid/study-region';
import { expectedHitRate } from '../simulate/expected-hit-rate';
import { knownWorld, type WorldGeometry } from '../simulate/known-world';
import { ORACLE_ID, oracleModel } from '../simulate/oracle-model';
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
  /** 'data': the binned panel's cells (those inside the loaded boundary, if any) and periods; 'patch': a made-up hexagon patch (no data binned). */
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
 * cells and periods — only its cells inside the loaded boundary, if any (`panelInRegion`, as the
 * other lessons) — or on `patchGeometry` when nothing is binned, and backtests the naive,
 * historic-average and KDE baselines and the oracle (`oracleModel`, forecasting the true
 * intensity of recorded incidents) on its recorded counts with the backtest's own stages
 * (`runForecasts`, then each fold scored with `hotspotScores` at 1 … 30 % and `poissonDeviance`:
 * the report's other metrics, intervals and verdicts are left out for speed), every cell declared
 * in the study region. Scores are means over the folds, as the report's; the capture curve is the
 * mean over folds with incidents; the hit rate has its 95 % block-bootstrap fold interval
 * (`foldInterval`). The
 * oracle's scores are the ceiling; the expected ceiling is computed exactly too.
 */
export const ceilingLesson: LessonRunner<CeilingLessonInput, CeilingLessonOutput> = async (input, context) => {
  const geometry: WorldGeometry = context.panel ? panelInRegion(context.panel, context.region) : patchGeometry({ rings: 10, periods: 156 });
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
  const protocol = protocolOf({ horizon: 1, folds: CEILING_FOLDS, validation: 0, coverage: [HEADLINE], seed: input.seed });
  const definitions = [...BASELINES, oracleModel(panel, world.intensity)];
  const ids = [...CEILING_MODELS, ORACLE_ID];
  const modelContext = { res: panel.res, bucket: panel.bucket };
  const forecasts = await runForecasts(
    panel,
    protocol,
    ids.map((id) => () => createModel({ id, params: {} }, definitions, modelContext)),
    { signal: context.signal, declared: region.mask },
  );
  context.progress('Scoring', 2, 3);
  const C = panel.cells.length;
  const F = forecasts.cutoffs.length;
  const grid = Array.from({ length: 30 }, (_, i) => (i + 1) / 100);
  const headline = grid.findIndex((c) => Math.abs(c - HEADLINE) < 1e-12);
  const actual = (k: number): Float32Array => panel.counts.subarray(forecasts.cutoffs[k] * C, (forecasts.cutoffs[k] + 1) * C);
  let ceiling = 0;
  for (let k = 0; k < F; k++) {
    const step = world.intensity.subarray(forecasts.cutoffs[k] * C, (forecasts.cutoffs[k] + 1) * C);
    ceiling += expectedHitRate(step, step, panel.area, region.mask, HEADLINE) / F;
  }
  const models = forecasts.models.map((m, i): CeilingModelResult => {
    const hit = new Float64Array(F);
    const pai = new Float64Array(F);
    const deviance = new Float64Array(F);
    const curve = new Float64Array(grid.length + 1);
    let curveFolds = 0;
    for (let k = 0; k < F; k++) {
      const forecast = m.values.subarray(k * C, (k + 1) * C);
      const y = actual(k);
      const scores = hotspotScores(forecast, y, panel.area, region.mask, grid);
      hit[k] = scores[headline].hitRate;
      pai[k] = scores[headline].pai;
      deviance[k] = poissonDeviance(forecast, y);
      if (Number.isNaN(scores[0].hitRate)) continue;
      curveFolds++;
      scores.forEach((s, j) => (curve[j + 1] += s.hitRate));
    }
    for (let j = 1; j < curve.length; j++) curve[j] = curveFolds > 0 ? curve[j] / curveFolds : Number.NaN;
    const interval = foldInterval(hit, { seed: input.seed });
    return {
      id: ids[i],
      name: m.name,
      hitRate: interval.mean,
      hitRateLo: interval.lo,
      hitRateHi: interval.hi,
      pai: mean(pai),
      deviance: mean(deviance),
      curve,
    };
  });
  const coverage = Float64Array.from({ length: grid.length + 1 }, (_, i) => (i === 0 ? 0 : grid[i - 1]));
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

/** Mean of the non-NaN values (NaN when there are none), as the report averages folds. */
function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    sum += values[i];
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}
