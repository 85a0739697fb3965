import { random } from '../base/random';
import { scorePicks, type PickScore } from '../evaluate/score-picks';
import { historicAverage, KDE, naive } from '../forecast/baselines';
import { createModel } from '../forecast/model-definition';
import { throwIfAborted } from '../forecast/forecaster';
import type { Panel } from '../grid/panel';
import { studyRegion } from '../grid/study-region';
import { wallTimeOf } from '../grid/wall-time';
import type { BucketUnit } from '../grid/time-bucket';
import { hexGeometry, type HexGeometry } from '../plots/hex-geometry';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { PAINT_COVERAGE, PAINT_MIN_HISTORY, PAINT_RECENT } from './paint-constants';
import type { LessonContext, LessonRunner } from './lesson-context';

/** Input of the `paint` lesson's computation. */
export interface PaintLessonInput {
  /** Chooses the cutoff when `cutoff` is null (and the synthetic world's draws). */
  readonly seed: number;
  /** Index of the period to forecast (history = the periods before it); null: chosen by the seed. */
  readonly cutoff: number | null;
  /** The learner's picks (H3 cells of the study region); null before they are made: then nothing about the cutoff period is computed. */
  readonly picks: readonly string[] | null;
}

/** Output of the `paint` lesson's computation: the history to pick from, and once picked, the scores. */
export interface PaintLessonOutput {
  /** 'panel': the binned panel; 'synthetic': a made-up patch (no data binned). */
  readonly world: 'panel' | 'synthetic';
  /** The study region's cells (the map), and their geometry. */
  readonly cells: readonly string[];
  readonly geometry: HexGeometry;
  readonly unit: BucketUnit;
  /** The period forecast, its start as a wall-clock reading (UTC ms), and the range a slider may choose from. */
  readonly cutoff: number;
  readonly cutoffStart: number;
  readonly cutoffRange: readonly [number, number];
  /** Cells that may be picked (the budget) and the share of the region they make. */
  readonly budget: number;
  readonly coverage: number;
  /** Incidents in each cell over the `recentPeriods` periods before the cutoff. */
  readonly recent: Float32Array;
  readonly recentPeriods: number;
  /** Once picked: the cutoff period's incidents per cell, N (all cells, also outside the region), and each entry's score with its flags per map cell. */
  readonly result: {
    readonly actual: Float32Array;
    readonly total: number;
    readonly scores: readonly (Omit<PickScore, 'flags'> & { readonly flags: Float32Array })[];
  } | null;
}

/**
 * The `paint` lesson: the learner picks next period's hotspots from the history up to a cutoff;
 * `scorePicks` then scores the picks, naive, historic average and KDE (fitted on the periods
 * before the cutoff only), the hindsight oracle and random selection on that period, at the
 * budget's coverage. The study region is the user's boundary or the cells with an incident before
 * the cutoff; without binned data, a synthetic patch.
 * @example await paintLesson({ seed: 1, cutoff: null, picks: null }, context) // → the history map and a budget of 5 % of the cells
 */
export const paintLesson: LessonRunner<PaintLessonInput, PaintLessonOutput> = async (input, context) => {
  throwIfAborted(context.signal);
  const { world, panel } = worldOf(context, input.seed);
  const P = panel.periods.length;
  const low = Math.min(P - 1, PAINT_MIN_HISTORY);
  if (P < 2) throw new RangeError(`paint lesson: the panel has ${P} period(s); it needs at least 2`);
  const cutoff = input.cutoff ?? low + random(input.seed).int(P - low);
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff >= P)
    throw new RangeError(`paint lesson: the cutoff must be a period index from 1 to ${P - 1}, got ${cutoff}`);
  const mask = context.region && world === 'panel' ? context.region.mask : studyRegion(panel, cutoff).mask;
  const inRegion = Int32Array.from(panel.cells.keys()).filter((c) => mask[c] === 1);
  const R = inRegion.length;
  const C = panel.cells.length;
  const budget = Math.max(1, Math.round(PAINT_COVERAGE * R));
  const coverage = budget / R;
  const recentPeriods = Math.min(PAINT_RECENT, cutoff);
  const recent = new Float32Array(R);
  for (let p = cutoff - recentPeriods; p < cutoff; p++) inRegion.forEach((c, i) => (recent[i] += panel.counts[p * C + c]));
  const cells = Array.from(inRegion, (c) => panel.cells[c]);
  const common = {
    world,
    cells,
    geometry: hexGeometry(cells, { width: 640 }),
    unit: panel.bucket.unit,
    cutoff,
    cutoffStart: wallTimeOf(panel.periods[cutoff], panel.bucket),
    cutoffRange: [low, P - 1] as const,
    budget,
    coverage,
    recent,
    recentPeriods,
  };
  if (input.picks === null) return { ...common, result: null };
  const index = new Map(cells.map((cell, i) => [cell, inRegion[i]]));
  const picks = input.picks.map((cell) => {
    const c = index.get(cell);
    if (c === undefined) throw new RangeError(`paint lesson: the picked cell ${cell} is not in the study region`);
    return c;
  });
  if (new Set(picks).size > budget) throw new RangeError(`paint lesson: ${new Set(picks).size} cells picked; the budget is ${budget}`);
  const modelContext = { res: panel.res, bucket: panel.bucket };
  const contest = scorePicks({
    panel,
    region: mask,
    cutoff,
    picks,
    coverage,
    models: [
      { label: 'Naive (last period)', create: naive },
      { label: 'Historic average', create: historicAverage },
      { label: 'KDE (recent, smoothed)', create: () => createModel({ id: KDE.id, params: {} }, [KDE], modelContext) },
    ],
  });
  return {
    ...common,
    result: {
      actual: Float32Array.from(inRegion, (c) => panel.counts[cutoff * C + c]),
      total: contest.total,
      scores: contest.scores.map((s) => ({ ...s, flags: Float32Array.from(inRegion, (c) => s.flags[c]) })),
    },
  };
};

/** The binned panel, or without one a synthetic patch of 127 cells × 104 weeks with a few hotspots that come and go. */
function worldOf(context: LessonContext, seed: number): { world: PaintLessonOutput['world']; panel: Panel } {
  if (context.panel && context.panel.cells.length > 0) return { world: 'panel', panel: context.panel };
  const { panel } = syntheticPanel({
    rings: 6,
    periods: 104,
    seed,
    rate: ({ ring, cell, period }) => 0.15 + 1.2 * Math.exp(-ring / 1.5) + (cell % 17 === 0 ? 0.8 * (1 + Math.sin(period / 8)) : 0),
  });
  return { world: 'synthetic', panel };
}
