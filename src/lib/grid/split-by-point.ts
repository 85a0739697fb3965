import type { BinRows, BinWindow, RangeCells } from './bin-range';
import { CellCache, hashPair } from './cell-cache';

/** The side of a `splitByPoint` row trimmed before the window (threads are sides 0 and 1). */
export const SIDE_TRIMMED_FIRST = 2;
/** The side of a `splitByPoint` row trimmed after the window. */
export const SIDE_TRIMMED_LAST = 3;

/**
 * The rows of a binning parted by their point rather than by row range: every row of the same
 * exact (lat, lng) bits goes to the same side (the top bit of `hashPair`), so each distinct point
 * is looked up in H3 by one thread only. (Parted by row range, both halves of a file sorted by
 * time meet most of the same points and each pays h3 for them.)
 */
export interface PointSplit {
  /** Per row: 0 or 1 (the side that assigns its cell), `SIDE_TRIMMED_FIRST` or `SIDE_TRIMMED_LAST`. */
  readonly side: Uint8Array;
  /** The coordinates of side 1's rows in row order, for the other thread (buffers transferable). */
  readonly other: { readonly lat: Float64Array; readonly lng: Float64Array };
  readonly trimmedFirst: number;
  readonly trimmedLast: number;
}

/** Cells of some points: per point the index into `cells`, the distinct cells in order of first appearance. */
export interface PointCells {
  readonly cellId: Int32Array;
  readonly cells: string[];
}

/**
 * Parts the rows in `window` between two sides by point (`PointSplit`); rows outside
 * `[window.start, window.end)` are marked trimmed exactly as `binRange` counts them.
 * @example splitByPoint(rows, { res: 8, start: 0, end: Infinity }).side // → 0s and 1s, one per row
 */
export function splitByPoint(rows: BinRows, window: BinWindow): PointSplit {
  const { time, lat, lng } = rows;
  const { start, end } = window;
  const n = time.length;
  const side = new Uint8Array(n);
  let trimmedFirst = 0;
  let trimmedLast = 0;
  let others = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (!(t >= start && t < end)) {
      if (t < start) {
        trimmedFirst++;
        side[i] = SIDE_TRIMMED_FIRST;
      } else {
        trimmedLast++;
        side[i] = SIDE_TRIMMED_LAST;
      }
      continue;
    }
    const s = hashPair(lat[i], lng[i]) >>> 31;
    side[i] = s;
    others += s;
  }
  const otherLat = new Float64Array(others);
  const otherLng = new Float64Array(others);
  for (let i = 0, k = 0; i < n; i++) {
    if (side[i] !== 1) continue;
    otherLat[k] = lat[i];
    otherLng[k++] = lng[i];
  }
  return { side, other: { lat: otherLat, lng: otherLng }, trimmedFirst, trimmedLast };
}

/**
 * The cells of the points `lat[i], lng[i]` at resolution `res`, for the rows `i` with
 * `side[i] === which` (every point when `side` is null), in order (`CellCache`: one H3 lookup per
 * distinct point). The coordinates must be valid.
 * @example binPoints(Float64Array.of(41.88), Float64Array.of(-87.63), 8).cells // → ['882664c1a9fffff']
 */
export function binPoints(lat: Float64Array, lng: Float64Array, res: number, side: Uint8Array | null = null, which = 0): PointCells {
  let count = lat.length;
  if (side) {
    count = 0;
    for (let i = 0; i < side.length; i++) if (side[i] === which) count++;
  }
  const cache = new CellCache(res, Math.min(count >>> 2, 1 << 20));
  const cellId = new Int32Array(count);
  for (let i = 0, k = 0; i < lat.length; i++) {
    if (side && side[i] !== which) continue;
    cellId[k++] = cache.idOf(lat[i], lng[i]);
  }
  return { cellId, cells: cache.cells };
}

/**
 * Joins the two sides' `PointCells` back into rows: walks the rows in order, takes each row's
 * cell from its side, and numbers the cells in order of first appearance — exactly what
 * `binRange` over every row gives (same `cells` in the same order, same ids, trimmed rows -1 and
 * counted).
 * @example joinByPoint(split, [binPoints(lat, lng, 8, split.side, 0), binPoints(split.other.lat, split.other.lng, 8)]) // → binRange(rows, window)
 */
export function joinByPoint(split: PointSplit, parts: readonly [PointCells, PointCells]): RangeCells {
  const { side } = split;
  const n = side.length;
  const cellId = new Int32Array(n);
  const cells: string[] = [];
  const idOf = new Map<string, number>();
  const remap = parts.map((part) => new Int32Array(part.cells.length).fill(-1));
  const cursor = [0, 0];
  for (let i = 0; i < n; i++) {
    const s = side[i];
    if (s > 1) {
      cellId[i] = -1;
      continue;
    }
    const local = parts[s].cellId[cursor[s]++];
    let id = remap[s][local];
    if (id === -1) {
      const cell = parts[s].cells[local];
      const known = idOf.get(cell);
      if (known === undefined) {
        id = cells.length;
        cells.push(cell);
        idOf.set(cell, id);
      } else id = known;
      remap[s][local] = id;
    }
    cellId[i] = id;
  }
  if (cursor[0] !== parts[0].cellId.length || cursor[1] !== parts[1].cellId.length) {
    throw new Error(`joinByPoint: the sides hold ${parts[0].cellId.length} and ${parts[1].cellId.length} rows, the split ${cursor[0]} and ${cursor[1]}`);
  }
  return { first: 0, cellId, cells, trimmedFirst: split.trimmedFirst, trimmedLast: split.trimmedLast };
}
