import { hotspotRegression } from '../evaluate/hotspot-regression';
import { panelInRegion } from '../grid/panel-in-region';
import type { BucketUnit } from '../grid/time-bucket';
import { constantWorldRegression } from '../simulate/constant-rate-world';
import type { LessonRunner } from './lesson-context';

/** Periods the lesson follows the hottest cells for after the one they were picked in. */
export const REGRESSION_AFTER = 4;

/** Simulated worlds averaged for the expected "drop" where nothing changes. */
export const REGRESSION_RUNS = 200;

/** Input of the `regression` lesson's computation: the selection period (index into the panel's periods; clamped), how many hottest cells, the simulated world's seed. */
export interface RegressionLessonInput {
  readonly period: number;
  readonly k: number;
  readonly seed: number;
}

/** One side of the lesson (the real panel, or the simulated world): the hottest cells' mean count at t, t+1, …, and what it tends to. */
export interface RegressionSide {
  /** Mean count of the k hottest cells of the selection period, then of the same cells in each of the next periods. */
  readonly series: Float64Array;
  /** What their counts tend to: their own long-run mean (real panel) or their true rate (simulated world). */
  readonly level: number;
  /** Relative change from the selection period to the next: series[1] / series[0] − 1 (negative = a drop). */
  readonly change: number;
  /** Share of the k cells still among the k hottest next period. */
  readonly persistence: number;
}

/** Output of the `regression` lesson's computation. */
export interface RegressionLessonOutput {
  /** The selection period actually used (the input clamped to leave one period after it) and its neighbours' starts (epoch ms, the bucket's clock). */
  readonly period: number;
  readonly starts: Float64Array;
  readonly unit: BucketUnit;
  readonly periods: number;
  /** Cells followed: the panel's, or those inside the loaded boundary. */
  readonly cells: number;
  readonly k: number;
  /** The k hottest cells (H3 ids), hottest first. */
  readonly topCells: readonly string[];
  readonly real: RegressionSide;
  /** A world with each cell's rate fixed at its mean over the whole panel and pure Poisson noise: one seeded run. */
  readonly world: RegressionSide;
  /** Averages over `runs` such worlds: the selection period's mean, the next one's, their relative change, persistence. */
  readonly expected: { readonly at: number; readonly next: number; readonly change: number; readonly persistence: number };
  readonly runs: number;
}

/**
 * The `regression` lesson: on the binned panel (its cells inside the loaded boundary, if any, as
 * the other lessons), the k cells with the most incidents in period t
 * (`hotspotRegression`), their mean count over the next `REGRESSION_AFTER` periods against their
 * own long-run mean, and their persistence; beside it a world where nothing changes
 * (`constantWorldRegression`: every cell's rate fixed at its mean over the panel, Poisson noise,
 * seeded), one run shown and `REGRESSION_RUNS` averaged, which shows the same "drop".
 * @example (await regressionLesson({ period: 120, k: 20, seed: 7 }, context)).real.change // → about −0.3 on the Chicago sample
 */
export const regressionLesson: LessonRunner<RegressionLessonInput, RegressionLessonOutput> = async (input, context) => {
  if (!context.panel) throw new Error('The regression lesson needs binned data: open the sample or your file first');
  const panel = panelInRegion(context.panel, context.region);
  const C = panel.cells.length;
  const P = panel.periods.length;
  if (P < 2) throw new RangeError(`The regression lesson needs at least 2 periods; the panel has ${P}`);
  const t = Math.min(P - 2, Math.max(0, Math.round(input.period)));
  const k = Math.min(C, Math.max(1, Math.round(input.k)));
  const real = hotspotRegression(panel.counts, C, t, k, REGRESSION_AFTER);
  const rates = new Float64Array(C);
  for (let i = 0; i < panel.counts.length; i++) rates[i % C] += panel.counts[i] / P;
  context.progress('Simulating a world where nothing changes', 0, 1);
  const world = constantWorldRegression(rates, k, REGRESSION_AFTER, input.seed, REGRESSION_RUNS);
  const change = (series: ArrayLike<number>): number => series[1] / series[0] - 1;
  const starts = Float64Array.from({ length: REGRESSION_AFTER + 1 }, (_, s) => (t + s < P ? panel.periods[t + s] : NaN));
  return {
    period: t,
    starts,
    unit: panel.bucket.unit,
    periods: P,
    cells: C,
    k,
    topCells: [...real.top].map((c) => panel.cells[c]),
    real: { series: real.series, level: real.longRun, change: change(real.series), persistence: real.persistence },
    world: { series: world.series, level: world.trueRate, change: change(world.series), persistence: world.persistence },
    expected: { ...world.expected, change: world.expected.next / world.expected.at - 1 },
    runs: world.runs,
  };
};
