import { assertCoverage, assertNotNegative } from './assert-inputs';
import { capturedPrefix, hotspotCapture } from './hotspot-capture';
import { hindsightRanking, type HindsightRanking } from './hindsight-ranking';
import { hotspotCut, hotspotRanking, type HotspotRanking } from './hotspot-ranking';

/**
 * The rule every hotspot metric follows, in one sentence a report can quote.
 */
export const HOTSPOT_RULE =
  'Cells are ranked by forecast count and flagged, highest first, until their area is exactly c·A (A = the study-region area); ' +
  'cells with equal forecasts share their fate: the tied group at the boundary is flagged in the share of its area that reaches c·A ' +
  'and counts that same share of its incidents, which is the mean over every order of the tied cells (exactly so for cells of equal area).';

/** Hit rate, PAI and PEI* of one selection. */
export interface HotspotValues {
  /** n: incidents in the flagged area (fractional when a boundary group is flagged in part). */
  readonly captured: number;
  /** n/N (higher is better). */
  readonly hitRate: number;
  /** (n/N)/c (higher is better; 1 = no better than flagging area at random). */
  readonly pai: number;
  /** PEI* = n/n* ∈ [0, 1] (higher is better; 1 = as good as hindsight). */
  readonly pei: number;
}

/** Hotspot scores of one forecast step at one coverage level: the expectation over tie orders, and its range. */
export interface HotspotScore extends HotspotValues {
  /** c: the fraction of the study area flagged, exactly. */
  readonly coverage: number;
  /** Cells flagged whole. */
  readonly cells: number;
  /** Cells of the tied group at the boundary, flagged in part (0 when c·A ends on a group's edge). */
  readonly tied: number;
  /** s: the share of the boundary group's area flagged (0 when there is none). */
  readonly share: number;
  /** a = c·A: the area flagged, m². */
  readonly area: number;
  /** N: all incidents in `actual`, inside the region or not. */
  readonly total: number;
  /** n*: the most incidents any flagged area of exactly c·A could hold (partial cells allowed). */
  readonly hindsight: number;
  /** The boundary group's cells taken worst-first (pessimistic tie rule). */
  readonly worst: HotspotValues;
  /** … and best-first (optimistic tie rule). */
  readonly best: HotspotValues;
}

/**
 * The signature shared by `hitRate`, `pai` and `pei`: one forecast step (a value per cell),
 * observed counts, cell areas (m²), the study-region mask (1 = in the region) and a coverage
 * c ∈ (0, 1].
 */
export type HotspotMetric = (
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
) => number;

/**
 * Hit rate, PAI and PEI* of one forecast step at several coverage levels, sorting once:
 * the backtest calls it for every fold × model.
 *
 * Rule (`HOTSPOT_RULE`): cells are ranked by forecast count (`hotspotRanking`) and flagged
 * until their area is exactly c·A; the tied group at the boundary is flagged in a share s of
 * its area and counts s of its incidents (`hotspotCut`, `hotspotCapture`). With n = incidents
 * so captured, N = all incidents in `actual` — cells outside the region included, so
 * incidents the region misses still count against it — and A = region area:
 * - hit rate = n/N;
 * - PAI = (n/N)/(a/A) = (n/N)/c, a = c·A (Chainey, Tompson & Uhlig 2008, *Security Journal* 21:4–28);
 * - PEI* = n/n*, n* = the most incidents any area of exactly c·A could hold, partial cells
 *   allowed: region cells by observed incidents per m², highest first, the last in part (the
 *   fractional knapsack; NIJ Real-Time Crime Forecasting Challenge 2017, "the most incidents
 *   any selection of the same area could capture"). The forecast's own flagged area is one
 *   such selection, so 0 ≤ PEI* ≤ 1 (clamped against rounding in the last bit).
 * `worst`/`best` give the same scores with the boundary group's cells ordered worst-first /
 * best-first (ptools' pessimistic and optimistic tie rules); they equal the expectation when
 * no tied group straddles the boundary.
 * Every score is invariant to relabelling or reordering the cells.
 * Policy: N = 0 or a NaN count → hit rate, PAI and PEI* NaN; an empty region → PAI and PEI* NaN;
 * n* = 0 → PEI* NaN. Results come in the order of `coverages`. Throws when lengths differ, a
 * count is negative, a region cell's area is not positive, or a coverage ∉ (0, 1].
 * `given` passes rankings already made from these same arrays, so a backtest ranks each step
 * once: `ranking` = `hotspotRanking(forecast, area, region, actual)` (shared with
 * `captureCurve`), `hindsight` = `hindsightRanking(actual, area, region)` (shared by every model).
 * @example hotspotScores([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], [1 / 3, 2 / 3, 1]).map((s) => s.pai)
 * // → [2, 1.5, 1] (and pei → [1, 1, 1]): ptools' test vectors
 */
export function hotspotScores(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverages: ArrayLike<number>,
  given: { readonly ranking?: HotspotRanking; readonly hindsight?: HindsightRanking } = {},
): HotspotScore[] {
  for (let j = 0; j < coverages.length; j++) assertCoverage('hotspotScores', coverages[j]);
  if (actual.length !== forecast.length) {
    throw new RangeError(`hotspotScores: forecast has ${forecast.length} cells but actual has ${actual.length}; they must be the same length`);
  }
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    assertNotNegative('hotspotScores', 'actual', i, actual[i]);
    total += actual[i];
  }
  const ranking = given.ranking ?? hotspotRanking(forecast, area, region, actual);
  const prefix = capturedPrefix(ranking, actual);
  const oracle = Number.isNaN(total) ? null : (given.hindsight ?? hindsightRanking(actual, area, region));
  const A = ranking.regionArea;
  const scores: HotspotScore[] = [];
  for (let j = 0; j < coverages.length; j++) {
    const c = coverages[j];
    const cut = hotspotCut(ranking, c);
    const captured = hotspotCapture(ranking, cut, actual, area, prefix);
    let hindsight = Number.NaN;
    if (oracle) hindsight = hotspotCapture(oracle.ranking, hotspotCut(oracle.ranking, c), actual, area, oracle.prefix).expected;
    const values = (n: number): HotspotValues => {
      const hitRate = total > 0 ? n / total : Number.NaN;
      return { captured: n, hitRate, pai: A > 0 ? hitRate / c : Number.NaN, pei: hindsight > 0 && total > 0 ? Math.min(1, n / hindsight) : Number.NaN };
    };
    scores.push({
      coverage: c,
      cells: cut.cells,
      tied: cut.end - cut.cells,
      share: cut.share,
      area: c * A,
      total,
      hindsight,
      ...values(captured.expected),
      worst: values(captured.worst),
      best: values(captured.best),
    });
  }
  return scores;
}
