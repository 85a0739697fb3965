import type { AreaAttributes } from '../areas/area-attributes';
import { groupComposition } from '../evaluate/exposure/group-composition';
import { groupExposure, sharesOf } from '../evaluate/exposure/group-exposure';
import type { Forecaster } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import type { BucketUnit } from '../grid/time-bucket';
import { random } from '../base/random';
import { syntheticPanel, type RateContext } from './synthetic-panel';

/** Options of `simulateFeedbackLoop`. */
export interface FeedbackLoopOptions {
  /** True risk of each cell (a constant rate per period, as in `syntheticPanel`). */
  readonly trueRate: (context: RateContext) => number;
  readonly rings?: number;
  /** Real cells to simulate on (e.g. a binned panel's) instead of a `rings` disk; `trueRate` then reads `cell`, not `ring`. */
  readonly cells?: readonly string[];
  /** The period's unit (default 'week'). */
  readonly unit?: BucketUnit;
  /** Periods simulated in all, the first `warmup` of them without patrols. */
  readonly periods: number;
  readonly warmup: number;
  /** Share of cells patrolled each period: the forecaster's top cells. */
  readonly coverage: number;
  /** Probability that an incident is recorded in an unpatrolled / a patrolled cell. */
  readonly detection: { readonly unpatrolled: number; readonly patrolled: number };
  /** The model that decides where to patrol; refitted on the recorded counts every period. */
  readonly forecaster: () => Forecaster;
  readonly seed?: number;
  /**
   * What the model is fitted on. 'none' (default): the recorded counts as they are — the urn
   * model, where every discovered incident adds to the evidence for sending patrols back.
   * 'ensign': Ensign et al.'s (2018) remedy — an incident recorded where patrols were sent
   * counts only in proportion to how much more likely the patrol made recording it, i.e. with
   * weight detection.unpatrolled / detection.patrolled, so that the model's training counts
   * estimate the true rate (times detection.unpatrolled) in patrolled and unpatrolled cells alike.
   */
  readonly correction?: 'none' | 'ensign';
  /** Population groups on the synthetic cells (given the panel's cells): adds `exposureShare`, how the patrols' exposure drifts. */
  readonly areas?: (cells: readonly string[]) => AreaAttributes;
}

/** What happened in each patrolled period (index = period − warmup). */
export interface FeedbackLoopResult {
  /** Panel of all incidents that happened (the truth, never seen by the model). */
  readonly truth: Panel;
  /** Panel of the incidents that were recorded (what the model trains on). */
  readonly recorded: Panel;
  /** The true rates the truth was drawn from (layout of `truth.counts`). */
  readonly rates: Float32Array;
  /** Share of *recorded* incidents in the patrolled cells: the accuracy a department would report. */
  readonly apparentHitRate: Float64Array;
  /** Share of *true* incidents in the patrolled cells: the accuracy that matters. */
  readonly trueHitRate: Float64Array;
  /** Share of the patrolled cells that are among the truly riskiest cells of the same number. */
  readonly riskOverlap: Float64Array;
  /**
   * The same three measures in the warm-up periods (index = period; NaN in period 0, which has no history), for the
   * cells the model would have patrolled: nobody patrols yet, so recorded and true hit rates agree up to chance.
   */
  readonly warmup: { readonly apparentHitRate: Float64Array; readonly trueHitRate: Float64Array; readonly riskOverlap: Float64Array };
  /** Patrolled cells (1) per patrolled period, period-major. */
  readonly patrolled: Uint8Array;
  /** With `areas`: the groups, and each patrolled period's exposure share per group, `exposureShare[t * groups + g]` (sums to 1 over groups). */
  readonly groups?: readonly string[];
  readonly exposureShare?: Float64Array;
}

/**
 * A predictive-policing feedback loop on synthetic data (Lum & Isaac 2016, "To predict and
 * serve?", Significance 13:14–19; Ensign et al. 2018, "Runaway feedback loops in predictive
 * policing", FAT* 2018). True incidents are Poisson(λ_c) with a fixed λ; each is recorded with
 * probability `detection.patrolled` in cells patrolled that period and
 * `detection.unpatrolled` elsewhere. During `warmup` nobody patrols; afterwards, each period
 * the forecaster is fitted on the recorded counts so far and the top `coverage` share of cells
 * by its forecast (ties by cell order) is patrolled. Because patrols record more of what
 * happens where they are, the recorded data confirm wherever the model sent them: the
 * apparent hit rate (on recorded incidents) rises while the true hit rate need not.
 * With `areas`, each patrolled period's exposure share per population group (`groupExposure`
 * of the patrolled cells, as the report's exposure measures count flags) shows how the loop
 * moves who is patrolled: in two regions of equal true risk the group where the first patrols
 * went keeps them (the urn), unless `correction: 'ensign'` down-weights what patrols recorded.
 * @example simulateFeedbackLoop({ trueRate: () => 0.5, periods: 60, warmup: 20, coverage: 0.1,
 *   detection: { unpatrolled: 0.3, patrolled: 0.9 }, forecaster: historicAverage }).apparentHitRate
 *   // → well above 0.1 after a few periods, while trueHitRate stays near 0.1
 */
export function simulateFeedbackLoop(options: FeedbackLoopOptions): FeedbackLoopResult {
  const { periods: P, warmup, coverage, detection, seed = 1 } = options;
  if (!(warmup >= 1 && warmup < P)) throw new RangeError(`simulateFeedbackLoop: warmup must lie in [1, ${P - 1}], got ${warmup}`);
  if (!(coverage > 0 && coverage < 1)) throw new RangeError(`simulateFeedbackLoop: coverage must lie in (0, 1), got ${coverage}`);
  const { panel: truth, rates } = syntheticPanel({
    rings: options.rings ?? 4,
    ...(options.cells && { cells: options.cells }),
    ...(options.unit && { unit: options.unit }),
    periods: P,
    seed,
    rate: options.trueRate,
  });
  const C = truth.cells.length;
  const k = Math.max(1, Math.round(coverage * C));
  const rng = random(seed + 1);
  const recordedCounts = new Float32Array(P * C);
  const recorded: Panel = { ...truth, counts: recordedCounts };
  // What the model is fitted on: the recorded counts, or with the correction those of patrolled cell-periods down-weighted.
  const ensign = options.correction === 'ensign';
  const trainingCounts = ensign ? new Float32Array(P * C) : recordedCounts;
  const training: Panel = { ...truth, counts: trainingCounts };
  const composition = options.areas ? groupComposition(truth.cells, options.areas(truth.cells)) : null;
  const G = composition?.names.length ?? 0;
  const exposureShare = composition ? new Float64Array((P - warmup) * G) : undefined;
  // Neighbour lists as far as the model reads them (none for the historic average): H3 disks cost ~0.1 ms a cell.
  const lists = neighbours(truth.cells, options.forecaster().neighbourRings ?? 0);
  const patrolled = new Uint8Array((P - warmup) * C);
  const apparentHitRate = new Float64Array(P - warmup);
  const trueHitRate = new Float64Array(P - warmup);
  const riskOverlap = new Float64Array(P - warmup);
  const record = (p: number, patrol: Uint8Array | null): void => {
    for (let c = 0; c < C; c++) {
      const chance = patrol && patrol[c] ? detection.patrolled : detection.unpatrolled;
      let kept = 0;
      for (let i = truth.counts[p * C + c]; i > 0; i--) if (rng.next() < chance) kept++;
      recordedCounts[p * C + c] = kept;
      if (ensign) trainingCounts[p * C + c] = patrol && patrol[c] ? (kept * detection.unpatrolled) / detection.patrolled : kept;
    }
  };
  const order = (score: ArrayLike<number>): number[] => Array.from({ length: C }, (_, c) => c).sort((a, b) => score[b] - score[a] || a - b);
  /** The model's top k cells for period p, fitted on the training counts of the periods before it. */
  const choose = (p: number, into: Uint8Array): void => {
    const model = options.forecaster();
    const fitting = model.fit(historyOf(training, lists, p), { seed, validation: 0 });
    if (fitting instanceof Promise) {
      void fitting.catch(() => {});
      throw new Error(`simulateFeedbackLoop runs synchronously: '${model.name}' fits asynchronously; use a baseline (e.g. historic-average)`);
    }
    const forecast = model.predict(1);
    model.dispose?.();
    for (const c of order(forecast).slice(0, k)) into[c] = 1;
  };
  /** Hit rates of the cells in `chosen` on period p's recorded and true incidents, and their overlap with the k riskiest cells, into index t. */
  const score = (
    p: number,
    chosen: Uint8Array,
    t: number,
    into: { apparentHitRate: Float64Array; trueHitRate: Float64Array; riskOverlap: Float64Array },
  ): void => {
    let recordedIn = 0;
    let recordedAll = 0;
    let trueIn = 0;
    let trueAll = 0;
    for (let c = 0; c < C; c++) {
      recordedAll += recordedCounts[p * C + c];
      trueAll += truth.counts[p * C + c];
      if (chosen[c]) {
        recordedIn += recordedCounts[p * C + c];
        trueIn += truth.counts[p * C + c];
      }
    }
    into.apparentHitRate[t] = recordedAll > 0 ? recordedIn / recordedAll : Number.NaN;
    into.trueHitRate[t] = trueAll > 0 ? trueIn / trueAll : Number.NaN;
    const riskiest = new Set(order(rates.subarray(p * C, (p + 1) * C)).slice(0, k));
    let overlap = 0;
    for (let c = 0; c < C; c++) if (chosen[c] && riskiest.has(c)) overlap++;
    into.riskOverlap[t] = overlap / k;
  };
  const early = {
    apparentHitRate: new Float64Array(warmup).fill(Number.NaN),
    trueHitRate: new Float64Array(warmup).fill(Number.NaN),
    riskOverlap: new Float64Array(warmup).fill(Number.NaN),
  };
  record(0, null);
  for (let p = 1; p < warmup; p++) {
    record(p, null);
    const wouldPatrol = new Uint8Array(C);
    choose(p, wouldPatrol);
    score(p, wouldPatrol, p, early);
  }
  const late = { apparentHitRate, trueHitRate, riskOverlap };
  for (let p = warmup; p < P; p++) {
    const patrol = patrolled.subarray((p - warmup) * C, (p - warmup + 1) * C);
    choose(p, patrol);
    record(p, patrol);
    if (composition && exposureShare) exposureShare.set(sharesOf(groupExposure(patrol, composition)), (p - warmup) * G);
    score(p, patrol, p - warmup, late);
  }
  return {
    truth,
    recorded,
    rates,
    apparentHitRate,
    trueHitRate,
    riskOverlap,
    warmup: early,
    patrolled,
    ...(composition && { groups: composition.names, exposureShare }),
  };
}
