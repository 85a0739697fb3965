import { assertCellSubset } from './assert-cell-subset';
import type { Neighbours } from './neighbours';

/**
 * The neighbour lists of a subset of cells: `keep` holds ascending indexes into the cells that
 * `lists` was built on, and the result indexes positions in `keep`. Each list keeps only the
 * neighbours that are kept, in their order, at the same ring distance — exactly what
 * `neighbours(keep.map((c) => cells[c]), lists.k)` would build, without asking H3 again.
 * Two passes over typed arrays (count, then fill): the backtest calls it whenever a fold's
 * model universe grows, for every model.
 * @example restrictNeighbours(neighbours(cells, 1), Int32Array.of(0, 2)) // lists among cells[0] and cells[2] only
 */
export function restrictNeighbours(lists: Neighbours, keep: Int32Array): Neighbours {
  const C = lists.offsets.length - 1;
  const U = keep.length;
  assertCellSubset(keep, C);
  const position = new Int32Array(C).fill(-1);
  for (let u = 0; u < U; u++) position[keep[u]] = u;
  const { offsets: from, index: to, ring: rings } = lists;
  const offsets = new Int32Array(U + 1);
  for (let u = 0; u < U; u++) {
    const c = keep[u];
    let n = 0;
    for (let j = from[c]; j < from[c + 1]; j++) if (position[to[j]] >= 0) n++;
    offsets[u + 1] = offsets[u] + n;
  }
  const index = new Int32Array(offsets[U]);
  const ring = new Uint8Array(offsets[U]);
  for (let u = 0, at = 0; u < U; u++) {
    const c = keep[u];
    for (let j = from[c]; j < from[c + 1]; j++) {
      const other = position[to[j]];
      if (other < 0) continue;
      index[at] = other;
      ring[at++] = rings[j];
    }
  }
  return { k: lists.k, offsets, index, ring };
}
