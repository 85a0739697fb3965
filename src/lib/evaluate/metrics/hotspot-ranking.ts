import { sortByKey } from './sort-by-key';
import { tieOrder } from './tie-order';

/**
 * The order in which hotspot metrics flag cells: the study-region cells (region[i] = 1) by
 * forecast, highest first, cut into groups of equal forecast (ties).
 */
export interface HotspotRanking {
  /** Indexes of the region cells, highest forecast first; NaN forecasts last. */
  readonly order: Int32Array;
  /** Where each tied group starts in `order`, plus `order.length` at the end (G + 1 entries). */
  readonly groupStart: Int32Array;
  /** Area flagged once the first g groups are taken whole, m² (G + 1 entries; the last is A). */
  readonly groupArea: Float64Array;
  /** A: the total area of the region cells, m². */
  readonly regionArea: number;
}

/** Where the flagged area c·A ends in a ranking: `groups` whole groups, then `share` of the next. */
export interface HotspotCut {
  /** g: groups taken whole. */
  readonly groups: number;
  /** Cells taken whole: `order[0 … cells)`. */
  readonly cells: number;
  /** The boundary group, `order[cells … end)`, of which a share of every cell's area is taken (end = cells when none). */
  readonly end: number;
  /** s ∈ [0, 1): the share of the boundary group's area (and of each of its cells) that is flagged. */
  readonly share: number;
}

/** How ranking treats the small area differences between cells, in one sentence for reports. */
export const HOTSPOT_RANKING_AREA =
  'Ranking is by forecast count, not count per km²: cells of one H3 resolution differ in area by a few per cent, ' +
  'and ranking by density would let cell size, not the forecast, order every tie of a count forecast.';

/**
 * Relative slack when comparing accumulated area with the target c·A: a target within
 * 1e-9·A of a group's edge is that edge, so rounding never flags a sliver of the next group.
 */
const AREA_SLACK = 1e-9;

/**
 * Ranks the study-region cells for hotspot selection: forecast descending, NaN forecasts last,
 * and cells of equal forecast (exactly equal values, NaN with NaN) form one tied group that
 * the metrics treat as a block. Ranking is by forecast count, not count per m²: cells of one
 * H3 resolution differ in area by a few per cent, and ranking by density would turn every tie
 * of an integer forecast into an order decided by cell size. Within a group cells are listed by
 * area, then `tieKey` (when given), then index; no score depends on this order, and it makes
 * every sum independent of how cells are labelled (a NaN tie key sorts after every number).
 * Cells outside the region are left out. Throws when the lengths differ or a region cell's area is not a positive finite number.
 * @example hotspotRanking([1, 3, 3, NaN], [1, 1, 1, 1], [1, 1, 1, 1]).groupStart // → [0, 2, 3, 4]
 */
export function hotspotRanking(forecast: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, tieKey?: ArrayLike<number>): HotspotRanking {
  const n = forecast.length;
  if (area.length !== n || region.length !== n) {
    throw new RangeError(`hotspot metrics: forecast has ${n} cells, area ${area.length}, region ${region.length}; they must all have one value per cell`);
  }
  return hotspotRankingOf(forecast, area, tieOrder(area, region, tieKey));
}

/**
 * `hotspotRanking` with the tied cells' order already made (`tieOrder(area, region, tieKey)`):
 * the cells of `ties` stably sorted by forecast, highest first, NaN last (`sortByKey`), and cut
 * into groups of equal forecast. The same ranking as the comparison sort by forecast, area,
 * tie key and index it replaces (test: hotspot-ranking.test.ts, against that sort).
 * @example hotspotRankingOf([1, 3, 3, NaN], [1, 1, 1, 1], tieOrder([1, 1, 1, 1], [1, 1, 1, 1])).order // → [1, 2, 0, 3]
 */
export function hotspotRankingOf(forecast: ArrayLike<number>, area: ArrayLike<number>, ties: Int32Array): HotspotRanking {
  const count = ties.length;
  const order = sortByKey(forecast, ties, true);
  const starts: number[] = [];
  const areas: number[] = [0];
  let covered = 0;
  for (let r = 0; r < count; r++) {
    if (r > 0 && compareForecast(forecast[order[r - 1]], forecast[order[r]]) !== 0) {
      starts.push(r);
      areas.push(covered);
    }
    if (r === 0) starts.push(0);
    covered += area[order[r]];
  }
  starts.push(count);
  if (count > 0) areas.push(covered);
  return { order, groupStart: Int32Array.from(starts), groupArea: Float64Array.from(areas), regionArea: covered };
}

/** Forecast descending, NaN last; 0 for equal values (and for two NaN). */
function compareForecast(a: number, b: number): number {
  const aNaN = a !== a;
  const bNaN = b !== b;
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  return a > b ? -1 : a < b ? 1 : 0;
}

/**
 * Where a flagged area of exactly level·A ends: the groups taken whole and the share s of the
 * boundary group, so that (whole groups' area) + s·(boundary group's area) = level·A. Every
 * cell of the boundary group is taken in the same share s — the mean over every order of the
 * tied cells when their areas are equal. Level 0 flags nothing; level 1 the whole region.
 * @example hotspotCut(hotspotRanking([3, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), 0.5)
 * // → { groups: 1, cells: 1, end: 3, share: 0.5 }: cell 0, then half of the tie {1, 2}
 */
export function hotspotCut(ranking: HotspotRanking, level: number): HotspotCut {
  const { groupStart, groupArea, regionArea } = ranking;
  const target = level * regionArea;
  const slack = AREA_SLACK * regionArea;
  const G = groupStart.length - 1;
  // Largest g whose whole groups fit within the target (binary search on the prefix areas).
  let lo = 0;
  let hi = G;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groupArea[mid] <= target + slack) lo = mid;
    else hi = mid - 1;
  }
  const g = lo;
  const rest = target - groupArea[g];
  if (g === G || rest <= slack) return { groups: g, cells: groupStart[g], end: groupStart[g], share: 0 };
  return { groups: g, cells: groupStart[g], end: groupStart[g + 1], share: rest / (groupArea[g + 1] - groupArea[g]) };
}
