/**
 * The order in which hotspot metrics select cells, and the total area they select from.
 * `order` lists the indexes of the study-region cells (region[i] = 1), highest forecast first.
 */
export interface HotspotRanking {
  readonly order: Int32Array;
  /** A: the total area of the region cells, m². */
  readonly regionArea: number;
}

/**
 * Relative slack when comparing accumulated area against the target c·A: areas summed
 * in rank order and in index order differ in the last bits, and without slack c = 1 (or
 * c·A landing exactly on a cell boundary) could ask for one cell more than exists.
 */
const AREA_SLACK = 1e-9;

/**
 * Ranks the study-region cells for hotspot selection: forecast descending; ties broken by
 * cell index ascending, a fixed order that does not look at the outcome (Panel cells are
 * sorted H3 indexes, so a tie never favours the cells that turn out to have incidents);
 * NaN forecasts rank last (also by index). Cells outside the region are left out.
 * Throws when the lengths differ or a region cell's area is not a positive finite number.
 * @example hotspotRanking([1, 3, 3, NaN], [1, 1, 1, 1], [1, 1, 1, 1]).order // → [1, 2, 0, 3]
 */
export function hotspotRanking(forecast: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>): HotspotRanking {
  const n = forecast.length;
  if (area.length !== n || region.length !== n) {
    throw new RangeError(
      `hotspot metrics: forecast has ${n} cells, area ${area.length}, region ${region.length}; they must all have one value per cell`,
    );
  }
  let count = 0;
  let regionArea = 0;
  for (let i = 0; i < n; i++) {
    if (region[i] !== 1) continue;
    const a = area[i];
    if (!(a > 0) || a === Infinity) throw new RangeError(`hotspot metrics: area[${i}] is ${a}; a region cell's area must be a positive number of m²`);
    regionArea += a;
    count++;
  }
  const order = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (region[i] === 1) order[k++] = i;
  order.sort((i, j) => {
    const a = forecast[i];
    const b = forecast[j];
    if (a > b) return -1;
    if (a < b) return 1;
    const aNaN = a !== a;
    if (aNaN !== (b !== b)) return aNaN ? 1 : -1;
    return i - j;
  });
  return { order, regionArea };
}

/**
 * Walks the ranking once and reports, for every coverage level (visited in ascending order of
 * level, reported by its position in `levels`), the smallest prefix of the ranking whose area
 * reaches level·A: `visit(j, cells, area, captured)`, where `captured` sums `actual` over the
 * prefix (0 when `actual` is null). The last cell taken may overshoot level·A; level 0 takes
 * no cells. Levels must lie in [0, 1] (checked by the callers).
 * @example coverageWalk(hotspotRanking([3, 2, 1], [1, 1, 1], [1, 1, 1]), [1, 1, 1], [6, 3, 0], [0.5], visit)
 * // calls visit(0, 2, 2, 9): half of 3 m² needs 2 cells
 */
export function coverageWalk(
  ranking: HotspotRanking,
  area: ArrayLike<number>,
  actual: ArrayLike<number> | null,
  levels: ArrayLike<number>,
  visit: (level: number, cells: number, area: number, captured: number) => void,
): void {
  const { order, regionArea } = ranking;
  const byLevel = ascendingOrder(levels);
  let k = 0;
  let covered = 0;
  let captured = 0;
  for (let q = 0; q < byLevel.length; q++) {
    const j = byLevel[q];
    const target = levels[j] * regionArea * (1 - AREA_SLACK);
    while (covered < target && k < order.length) {
      const cell = order[k++];
      covered += area[cell];
      if (actual !== null) captured += actual[cell];
    }
    visit(j, k, covered, captured);
  }
}

function ascendingOrder(levels: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let j = 0; j < levels.length; j++) idx.push(j);
  return idx.sort((a, b) => levels[a] - levels[b]);
}
