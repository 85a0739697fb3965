import { sortByKey } from './sort-by-key';

/** The study-region cells by area (`areaOrder`), for the tie orders of many steps over the same cells (`tieOrderBy`). */
export interface AreaOrder {
  /** Region cells by area ascending, equal areas by index. */
  readonly order: Int32Array;
  /** Where each run of equal area starts in `order`, plus `order.length` at the end. */
  readonly runs: Int32Array;
}

/**
 * The region cells (region[i] = 1) by area ascending, then index, cut into runs of equal area:
 * the part of `tieOrder` that depends on the areas and the region only, made once for every
 * step of a backtest. Throws when the lengths differ or a region cell's area is not a positive
 * finite number.
 * @example areaOrder([2, 1, 1, 3], [1, 1, 1, 0]) // → { order: [1, 2, 0], runs: [0, 2, 3] }
 */
export function areaOrder(area: ArrayLike<number>, region: ArrayLike<number>): AreaOrder {
  const n = area.length;
  if (region.length !== n) throw new RangeError(`hotspot metrics: area has ${n} cells, region ${region.length}; they must all have one value per cell`);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (region[i] !== 1) continue;
    const a = area[i];
    if (!(a > 0) || a === Infinity) throw new RangeError(`hotspot metrics: area[${i}] is ${a}; a region cell's area must be a positive number of m²`);
    count++;
  }
  const cells = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (region[i] === 1) cells[k++] = i;
  const order = sortByKey(area, cells, false);
  const runs: number[] = [];
  for (let r = 0; r < count; r++) if (r === 0 || area[order[r]] !== area[order[r - 1]]) runs.push(r);
  runs.push(count);
  return { order, runs: Int32Array.from(runs) };
}

/**
 * `tieOrder(area, region, tieKey)` from the region's `areaOrder`: within each run of equal area,
 * the cells stably sorted by `tieKey` (ascending, NaN last) — the same order (area, then tie key,
 * then index), without sorting by area again. Runs of one cell (most of them: areas of H3 cells
 * rarely tie exactly) are copied as they are.
 * @example tieOrderBy(areaOrder([2, 1, 1, 1], [1, 1, 1, 0]), [0, 5, 3, 0]) // → [2, 1, 0]
 */
export function tieOrderBy(byArea: AreaOrder, tieKey: ArrayLike<number>): Int32Array {
  const { order, runs } = byArea;
  const out = new Int32Array(order.length);
  for (let g = 0; g + 1 < runs.length; g++) {
    const from = runs[g];
    const to = runs[g + 1];
    if (to - from === 1) out[from] = order[from];
    else out.set(sortByKey(tieKey, order.subarray(from, to), false), from);
  }
  return out;
}
