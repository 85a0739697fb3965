import { groupComposition } from '../evaluate/exposure/group-composition';
import { groupExposure, sharesOf } from '../evaluate/exposure/group-exposure';
import { historicAverage } from '../forecast/baselines';
import { throwIfAborted } from '../forecast/forecaster';
import { hexGeometry, type HexGeometry } from '../plots/hex-geometry';
import { simulateFeedbackLoop } from '../simulate/feedback-loop';
import { monthlyRates } from '../simulate/monthly-rates';
import { twoRegions } from '../simulate/two-regions';
import { panelInRegion } from '../grid/panel-in-region';
import { cellOf, diskOf } from '../grid/h3';
import { FEEDBACK_MONTHS, FEEDBACK_UNPATROLLED, FEEDBACK_WARMUP } from './feedback-constants';
import type { LessonContext, LessonRunner } from './lesson-context';

export { FEEDBACK_MONTHS, FEEDBACK_UNPATROLLED, FEEDBACK_WARMUP };

/** Input of the `feedback` lesson's computation: the learner's controls. */
export interface FeedbackLessonInput {
  readonly seed: number;
  /** Share of the cells patrolled each month, in (0, 0.5]. */
  readonly patrolShare: number;
  /** How many times likelier an incident is recorded where a patrol is: detection there = 0.3 × boost, in [1, 1/0.3]. */
  readonly boost: number;
  /** Ensign et al.'s (2018) correction: what patrols recorded counts 1/boost as much when the model learns. */
  readonly correction: boolean;
}

/** Output of the `feedback` lesson's computation: the simulated months on a map, and the measures of each month. */
export interface FeedbackLessonOutput {
  /** 'panel': the binned panel's cells with their own mean counts as the true risk; 'synthetic': a made-up patch (no data binned). */
  readonly world: 'panel' | 'synthetic';
  readonly cells: readonly string[];
  readonly geometry: HexGeometry;
  readonly months: number;
  readonly warmup: number;
  /** Cells patrolled a month (k). */
  readonly patrolled: number;
  readonly detection: { readonly unpatrolled: number; readonly patrolled: number };
  /** True incidents a month in each cell. */
  readonly trueRate: Float32Array;
  /** 1 for the k cells of highest true risk (the true hotspots). */
  readonly trueTop: Uint8Array;
  /** Patrolled cells, month-major (`patrols[m * C + c]`; the warm-up months are all 0). */
  readonly patrols: Uint8Array;
  /** Recorded incidents a month in each cell over months 0…m (what the records say), month-major. */
  readonly recordedSoFar: Float32Array;
  /** Each month's share of the recorded incidents in the model's top k cells (NaN in month 0, before any record). */
  readonly recordedAccuracy: Float64Array;
  /** … of all true incidents. */
  readonly trueAccuracy: Float64Array;
  /** Share of the model's top k cells that are true hotspots. */
  readonly overlap: Float64Array;
  /** The half of the map (west or east of the median longitude) that got more of the first month's patrols. */
  readonly favoured: {
    readonly name: string;
    /** Its share of each month's patrols (NaN in the warm-up). */
    readonly share: Float64Array;
    /** Its share of the true hotspots: where patrols following the true risk would go. */
    readonly trueShare: number;
  };
}

/**
 * The `feedback` lesson: Lum & Isaac's (2016) loop on the binned panel's geography
 * (`simulateFeedbackLoop` with its cells, true risk = each cell's mean monthly count,
 * `monthlyRates`), or on a synthetic patch when no data is binned; the historic average of
 * recorded incidents picks the patrolled cells each month after a 6-month warm-up; the
 * two halves of the map (`twoRegions`) show how the first patrols' half keeps them.
 * @example await feedbackLesson({ seed: 1, patrolShare: 0.05, boost: 3, correction: false }, context)
 *   // → recordedAccuracy well above trueAccuracy once patrols start
 */
export const feedbackLesson: LessonRunner<FeedbackLessonInput, FeedbackLessonOutput> = async (input, context) => {
  const { seed, patrolShare, boost, correction } = input;
  if (!(patrolShare > 0 && patrolShare <= 0.5)) throw new RangeError(`feedback lesson: patrolShare must lie in (0, 0.5], got ${patrolShare}`);
  if (!(boost >= 1 && boost * FEEDBACK_UNPATROLLED <= 1 + 1e-9))
    throw new RangeError(`feedback lesson: boost must lie in [1, ${1 / FEEDBACK_UNPATROLLED}], got ${boost}`);
  throwIfAborted(context.signal);
  const { world, cells, rate } = worldOf(context);
  const detection = { unpatrolled: FEEDBACK_UNPATROLLED, patrolled: Math.min(1, Math.round(FEEDBACK_UNPATROLLED * boost * 1e6) / 1e6) };
  const regions = twoRegions(cells);
  context.progress('simulating', 0, 1);
  const result = simulateFeedbackLoop({
    trueRate: ({ cell }) => rate[cell],
    cells,
    unit: 'month',
    periods: FEEDBACK_MONTHS,
    warmup: FEEDBACK_WARMUP,
    coverage: patrolShare,
    detection,
    forecaster: historicAverage,
    seed,
    correction: correction ? 'ensign' : 'none',
    areas: () => regions,
  });
  const C = cells.length;
  const M = FEEDBACK_MONTHS;
  const W = FEEDBACK_WARMUP;
  const k = Math.max(1, Math.round(patrolShare * C));
  const trueRate = Float32Array.from(result.rates.subarray(0, C));
  const trueTop = new Uint8Array(C);
  for (const c of Array.from({ length: C }, (_, i) => i)
    .sort((a, b) => trueRate[b] - trueRate[a] || a - b)
    .slice(0, k))
    trueTop[c] = 1;
  const patrols = new Uint8Array(M * C);
  patrols.set(result.patrolled, W * C);
  const recordedSoFar = new Float32Array(M * C);
  const sums = new Float64Array(C);
  for (let m = 0; m < M; m++) for (let c = 0; c < C; c++) recordedSoFar[m * C + c] = (sums[c] += result.recorded.counts[m * C + c]) / (m + 1);
  const series = (warm: Float64Array, patrolled: Float64Array): Float64Array => Float64Array.of(...warm, ...patrolled);
  const share = result.exposureShare!;
  const g = share[0] >= share[1] ? 0 : 1;
  const favouredShare = new Float64Array(M).fill(Number.NaN);
  for (let m = W; m < M; m++) favouredShare[m] = share[(m - W) * 2 + g];
  context.progress('simulating', 1, 1);
  return {
    world,
    cells,
    geometry: hexGeometry(cells, { width: 640 }),
    months: M,
    warmup: W,
    patrolled: k,
    detection,
    trueRate,
    trueTop,
    patrols,
    recordedSoFar,
    recordedAccuracy: series(result.warmup.apparentHitRate, result.apparentHitRate),
    trueAccuracy: series(result.warmup.trueHitRate, result.trueHitRate),
    overlap: series(result.warmup.riskOverlap, result.riskOverlap),
    favoured: { name: regions.groups[g].name, share: favouredShare, trueShare: sharesOf(groupExposure(trueTop, groupComposition(cells, regions)))[g] },
  };
};

/** The cells and true monthly rates: the binned panel's (inside its boundary, if any), else a synthetic patch of 127 cells with a hot centre. */
function worldOf(context: LessonContext): { world: FeedbackLessonOutput['world']; cells: readonly string[]; rate: Float64Array } {
  const { panel, region } = context;
  if (panel && panel.cells.length >= 7) {
    const inside = panelInRegion(panel, region);
    return { world: 'panel', cells: inside.cells, rate: monthlyRates(inside) };
  }
  const rings = diskOf({ cell: cellOf({ lat: 41.8781, lng: -87.6298, res: 8 }), k: 6 });
  const ringOf = new Map(rings.flatMap((cells, d) => cells.map((cell) => [cell, d] as const)));
  const cells = [...ringOf.keys()].sort();
  return { world: 'synthetic', cells, rate: Float64Array.from(cells, (cell) => 3 * Math.exp(-ringOf.get(cell)! / 2) + 0.3) };
}
