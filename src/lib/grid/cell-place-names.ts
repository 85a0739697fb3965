/**
 * The rule that names a cell: its incidents' most common place value; a tie goes to the value
 * that sorts first (UTF-16 code units, the order of `Incidents.places`).
 */
export const CELL_NAME_RULE =
  'a cell is named by the most common value of the place column among its binned incidents; a tie goes to the value that sorts first (UTF-16 code-unit order), and a cell none of whose incidents has a place value gets no name';

/**
 * Names each of `C` cells by `CELL_NAME_RULE`: `cellOf[i]` is incident i's cell position (−1: not
 * binned), `place[i]` its code into `places` (sorted; −1: none). One pass with a count per
 * (cell, value) pair seen, so memory follows the distinct pairs, not cells × values.
 *
 * @example
 * cellPlaceNames(Int32Array.of(0, 0, 0, 1, 1, -1), 2, Int32Array.of(1, 1, 0, 0, 1, 0), ['Kitsilano', 'West End'])
 * // → ['West End', 'Kitsilano'] (cell 0: 2 × West End, 1 × Kitsilano; cell 1: one each, a tie → 'Kitsilano' sorts first)
 */
export function cellPlaceNames(cellOf: Int32Array, C: number, place: Int32Array, places: readonly string[]): (string | null)[] {
  const V = places.length;
  const counts = new Map<number, number>();
  for (let i = 0; i < cellOf.length; i++) {
    const c = cellOf[i];
    const v = place[i];
    if (c < 0 || v < 0) continue;
    const key = c * V + v;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = new Int32Array(C).fill(-1);
  const bestCount = new Float64Array(C);
  for (const [key, n] of counts) {
    const c = Math.floor(key / V);
    const v = key - c * V;
    if (n > bestCount[c] || (n === bestCount[c] && v < best[c])) {
      best[c] = v;
      bestCount[c] = n;
    }
  }
  return Array.from(best, (v) => (v < 0 ? null : places[v]));
}
