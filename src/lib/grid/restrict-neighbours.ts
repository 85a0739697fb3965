import { assertCellSubset } from './assert-cell-subset';
import type { Neighbours } from './neighbours';

/**
 * The neighbour lists of a subset of cells: `keep` holds ascending indexes into the cells that
 * `lists` was built on, and the result indexes positions in `keep`. Each list keeps only the
 * neighbours that are kept, in their order, at the same ring distance — exactly what
 * `neighbours(keep.map((c) => cells[c]), lists.k)` would build, without asking H3 again.
 * @example restrictNeighbours(neighbours(cells, 1), Int32Array.of(0, 2)) // lists among cells[0] and cells[2] only
 */
export function restrictNeighbours(lists: Neighbours, keep: Int32Array): Neighbours {
  const C = lists.offsets.length - 1;
  const position = new Int32Array(C).fill(-1);
  assertCellSubset(keep, C);
  keep.forEach((c, u) => (position[c] = u));
  const offsets = new Int32Array(keep.length + 1);
  const index: number[] = [];
  const ring: number[] = [];
  keep.forEach((c, u) => {
    for (let j = lists.offsets[c]; j < lists.offsets[c + 1]; j++) {
      const other = position[lists.index[j]];
      if (other >= 0) {
        index.push(other);
        ring.push(lists.ring[j]);
      }
    }
    offsets[u + 1] = index.length;
  });
  return { k: lists.k, offsets, index: Int32Array.from(index), ring: Uint8Array.from(ring) };
}
