import { areaOrder, tieOrderBy } from './area-order';

/**
 * The order in which the hotspot metrics list tied cells: the study-region cells (region[i] = 1)
 * by area ascending, then `tieKey` ascending (when given), then index. A ranking by forecast is a
 * stable sort of this order (`hotspotRankingOf`), so a step ranked for many models (and for
 * hindsight, whose tie key is the same observed count) makes it once. A NaN tie key sorts after
 * every number. Throws when the lengths differ or a region cell's area is not a positive finite
 * number.
 * @example tieOrder([2, 1, 1, 1], [1, 1, 1, 0], [0, 5, 3, 0]) // → [2, 1, 0]
 */
export function tieOrder(area: ArrayLike<number>, region: ArrayLike<number>, tieKey?: ArrayLike<number>): Int32Array {
  const n = area.length;
  if (region.length !== n || (tieKey && tieKey.length !== n)) {
    throw new RangeError(
      `hotspot metrics: area has ${n} cells, region ${region.length}${tieKey ? `, tie key ${tieKey.length}` : ''}; they must all have one value per cell`,
    );
  }
  const byArea = areaOrder(area, region);
  return tieKey ? tieOrderBy(byArea, tieKey) : byArea.order;
}
