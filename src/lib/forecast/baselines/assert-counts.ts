/**
 * Checks the shape of a period-major count matrix handed to a baseline kernel and returns its
 * number of periods: `counts.length` must be a whole multiple of `cells` (≥ 1) and hold at
 * least `minPeriods` periods. Throws a message naming the kernel and what was found.
 * @example periodsOf(new Float32Array(12), 3, 2, 'windowAverageLevel') // → 4
 */
export function periodsOf(counts: Float32Array, cells: number, minPeriods: number, kernel: string): number {
  if (!Number.isInteger(cells) || cells < 1) throw new RangeError(`${kernel}: cells must be a whole number ≥ 1, got ${cells}`);
  if (counts.length % cells !== 0) {
    throw new RangeError(`${kernel}: counts has length ${counts.length}, not a whole number of periods of ${cells} cells`);
  }
  const periods = counts.length / cells;
  if (periods < minPeriods) {
    throw new RangeError(`${kernel}: needs at least ${minPeriods} periods of counts, got ${periods}`);
  }
  return periods;
}
