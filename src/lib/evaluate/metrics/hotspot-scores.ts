import { assertCoverage, assertNotNegative } from './assert-inputs';
import { coverageWalk, hotspotRanking } from './hotspot-ranking';

/** Hotspot scores of one forecast step at one coverage level. */
export interface HotspotScore {
  /** c: the requested fraction of the study area. */
  readonly coverage: number;
  /** k: number of cells selected. */
  readonly cells: number;
  /** a: area of the selected cells, m² (≥ c·A; the last cell may overshoot). */
  readonly area: number;
  /** n: incidents in the selected cells. */
  readonly captured: number;
  /** N: all incidents in `actual`, inside the region or not. */
  readonly total: number;
  /** n/N (higher is better). */
  readonly hitRate: number;
  /** (n/N)/(a/A) (higher is better; 1 = no better than choosing cells at random). */
  readonly pai: number;
  /** PEI* = n/n* ∈ [0, 1] (higher is better; 1 = as good as hindsight). */
  readonly pei: number;
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
 * Cells are selected as in `selectHotspots` (forecast descending, ties by cell index, smallest
 * prefix whose area reaches c·A). With n = incidents in the selected cells, N = all incidents
 * in `actual` — cells outside the region included, so incidents the region misses still count
 * against it — a = selected area and A = region area:
 * - hit rate = n/N;
 * - PAI = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008, *Security Journal* 21:4–28);
 * - PEI* = n/n*, where n* is the sum of the k largest observed counts among region cells and
 *   k the number of cells selected (NIJ Real-Time Crime Forecasting Challenge 2017, judging criteria).
 *   The forecast's selection is itself one of the k-cell subsets of the region, so n ≤ n* and
 *   0 ≤ PEI* ≤ 1. H3 cells at one resolution have near-equal areas, so "the same number of
 *   cells" stands in for the challenge's "the same area".
 * Policy: N = 0 or a NaN count → hit rate, PAI and PEI* NaN; an empty region (A = 0) → PAI NaN;
 * n* = 0 → PEI* NaN. Results come in the order of `coverages`. Throws when lengths differ, a
 * count is negative, a region cell's area is not positive, or a coverage ∉ (0, 1].
 * @example hotspotScores([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], [1 / 3, 2 / 3, 1]).map((s) => s.pai)
 * // → [2, 1.5, 1] (and pei → [1, 1, 1])
 */
export function hotspotScores(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverages: ArrayLike<number>,
): HotspotScore[] {
  for (let j = 0; j < coverages.length; j++) assertCoverage('hotspotScores', coverages[j]);
  if (actual.length !== forecast.length) {
    throw new RangeError(`hotspotScores: forecast has ${forecast.length} cells but actual has ${actual.length}; they must be the same length`);
  }
  const ranking = hotspotRanking(forecast, area, region);
  const { order, regionArea } = ranking;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    assertNotNegative('hotspotScores', 'actual', i, actual[i]);
    total += actual[i];
  }
  // Observed counts of the region cells, ascending: the k largest are the last k.
  const best = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) best[r] = actual[order[r]];
  best.sort();
  const scores: HotspotScore[] = new Array(coverages.length);
  let oracleCells = 0;
  let oracle = 0;
  coverageWalk(ranking, area, actual, coverages, (j, k, a, n) => {
    while (oracleCells < k) oracle += best[best.length - 1 - oracleCells++];
    const hitRate = total > 0 ? n / total : NaN;
    scores[j] = {
      coverage: coverages[j],
      cells: k,
      area: a,
      captured: n,
      total,
      hitRate,
      pai: regionArea > 0 ? hitRate / (a / regionArea) : NaN,
      pei: oracle > 0 && total > 0 ? n / oracle : NaN,
    };
  });
  return scores;
}
