/**
 * `naiveScale` (season 1) of several training spans that start at the same period: for each end
 * e in `ends` (ascending), the scale of periods [start, e) of the period-major `counts` of
 * `cells` cells — the same numbers as `naiveScale(counts.subarray(start·C, e·C), C)`, bit for
 * bit, in one pass: that sum adds |y[p, c] − y[p − 1, c]| in index order from the span's second
 * period on, so a longer span's sum continues a shorter one's, and each end reads the running
 * sum where it stops (every fold of an expanding window shares start 0). An end less than
 * start + 2 (no pair to difference) gives NaN. Throws when `cells` is not a whole number ≥ 1, or
 * `start` and `ends` are not whole period indexes with start ≤ ends ascending ≤ the periods of `counts`.
 * @example naiveScales([1, 0, 3, 0, 3, 2], 2, 0, [2, 3]) // → [(2 + 0) / 2, (2 + 0 + 0 + 2) / 4] = [1, 1]
 */
export function naiveScales(counts: ArrayLike<number>, cells: number, start: number, ends: readonly number[]): Float64Array {
  if (!Number.isInteger(cells) || cells < 1) throw new RangeError(`naiveScales: cells must be a whole number ≥ 1, got ${cells}`);
  const periods = Math.floor(counts.length / cells);
  let previous = start;
  for (const end of [start, ...ends]) {
    if (!Number.isInteger(end) || end < previous || end > periods) {
      throw new RangeError(`naiveScales: start and ends must be ascending period indexes from 0 to ${periods}, got ${start} then [${ends.join(', ')}]`);
    }
    previous = end;
  }
  const out = new Float64Array(ends.length);
  let sum = 0;
  let i = (start + 1) * cells;
  ends.forEach((end, e) => {
    for (; i < end * cells; i++) sum += Math.abs(counts[i] - counts[i - cells]);
    const n = (end - start - 1) * cells;
    out[e] = n <= 0 ? Number.NaN : sum / n;
  });
  return out;
}
