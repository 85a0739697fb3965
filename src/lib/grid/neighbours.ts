import { diskOf } from './h3';

/**
 * Neighbour lists of a panel's cells in compressed sparse row form: the neighbours of cell c
 * (within k rings, the cell itself excluded, only cells that are in the panel) are
 * `index[offsets[c] .. offsets[c + 1])`, at ring distance `ring[j]` (1..k).
 */
export interface Neighbours {
  readonly k: number;
  readonly offsets: Int32Array;
  readonly index: Int32Array;
  readonly ring: Uint8Array;
}

/**
 * Builds the k-ring neighbour lists among `cells` (sorted or not; indexes refer to positions
 * in `cells`). Cost: one `gridDiskDistances` call per cell, (1 + 3k(k+1)) cells each.
 * @example neighbours(['8826...'], 1) // a lone cell has no neighbours: offsets [0, 0]
 */
export function neighbours(cells: readonly string[], k: number): Neighbours {
  if (!Number.isInteger(k) || k < 0 || k > 255) throw new RangeError(`Neighbour rings k must be an integer from 0 to 255, got ${k}`);
  const position = new Map<string, number>();
  cells.forEach((cell, i) => position.set(cell, i));
  const offsets = new Int32Array(cells.length + 1);
  // Room for every cell's whole disk (3k(k + 1) others) up to 2^17 entries, doubled when a larger k fills it.
  let index = new Int32Array(Math.min(cells.length * 3 * k * (k + 1), 2 ** 17));
  let ring = new Uint8Array(index.length);
  let n = 0;
  for (let c = 0; c < cells.length; c++) {
    if (k > 0) {
      const rings = diskOf({ cell: cells[c], k });
      for (let d = 1; d < rings.length; d++) {
        const others = rings[d];
        for (let o = 0; o < others.length; o++) {
          const j = position.get(others[o]);
          if (j === undefined) continue;
          if (n === index.length) [index, ring] = [grown(index, new Int32Array(2 * n)), grown(ring, new Uint8Array(2 * n))];
          index[n] = j;
          ring[n++] = d;
        }
      }
    }
    offsets[c + 1] = n;
  }
  return { k, offsets, index: index.slice(0, n), ring: ring.slice(0, n) };
}

/** `into` with `from` copied to its start. */
function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
