/**
 * Throws unless `keep` is a strictly ascending list of cell indexes in [0, C): a subset of a
 * panel's cells in panel order, as `restrictPanel` and `restrictNeighbours` take.
 * @example assertCellSubset(Int32Array.of(0, 2), 3) // ok; Int32Array.of(2, 0) throws
 */
export function assertCellSubset(keep: Int32Array, C: number): void {
  for (let u = 0; u < keep.length; u++) {
    const c = keep[u];
    if (!(c >= 0 && c < C) || (u > 0 && c <= keep[u - 1])) {
      throw new RangeError(`Kept cells must be ascending indexes from 0 to ${C - 1}; got ${c} at position ${u}`);
    }
  }
}
