import type { BinRows, BinWindow, RangeCells } from './bin-range';
import type { CellCache } from './cell-cache';

/** `lookUpRows`' mark for a row in the window whose point the cache lacks. */
export const NOT_CACHED = -2;

/**
 * The first stage of `binWithCache` for rows `[from, to)`: into `out[i]` each row's cache id,
 * -1 for a row outside `[window.start, window.end)`, `NOT_CACHED` for a point the cache lacks.
 * Adds nothing to the cache, so two threads can run it at once on disjoint ranges of a cache on
 * shared memory (the CLI's binning thread takes the second half of the rows).
 * @example lookUpRows(rows, window, cache, 0, rows.time.length, ids) // ids: cache ids, -1, -2
 */
export function lookUpRows(rows: BinRows, window: BinWindow, cache: CellCache, from: number, to: number, out: Int32Array): void {
  const { time, lat, lng } = rows;
  const { start, end } = window;
  for (let i = from; i < to; i++) {
    const t = time[i];
    if (!(t >= start && t < end)) {
      out[i] = -1;
      continue;
    }
    const id = cache.find(lat[i], lng[i]);
    out[i] = id === -1 ? NOT_CACHED : id;
  }
}

/**
 * `binRange` over every row with a `CellCache` filled beforehand (a CLI thread looks up the
 * points while the file is still being read; `CellCache.fromState`): each row in the window takes
 * its point's cell from the cache (an H3 lookup only for a point the cache lacks), then the
 * cache's ids, numbered in whatever order it met the points, are renumbered by first appearance
 * among these rows. The result equals `binRange(rows, window)`: same `cells` in the same order,
 * same ids, trimmed rows -1 and counted. `looked`, when given, holds `lookUpRows` over every row
 * already (done in parts, on two threads); its buffer becomes the result's `cellId`. `areas`, when
 * given, holds the areas of the cache's first cells (computed on the thread that filled it): the
 * result's `areas` then gives them for its cells (NaN for a cell beyond them). Throws when the
 * cache is at another resolution.
 * @example binWithCache(rows, { res: 8, start: 0, end: Infinity }, filled) // → binRange(rows, { res: 8, start: 0, end: Infinity })
 */
export function binWithCache(rows: BinRows, window: BinWindow, cache: CellCache, looked?: Int32Array, areas?: Float64Array): RangeCells {
  if (cache.res !== window.res) throw new Error(`binWithCache: the cache holds res ${cache.res} cells, the binning asks for res ${window.res}`);
  const { time, lat, lng } = rows;
  const n = time.length;
  let cellId = looked;
  if (!cellId) {
    cellId = new Int32Array(n);
    lookUpRows(rows, window, cache, 0, n, cellId);
  }
  let trimmedFirst = 0;
  let trimmedLast = 0;
  // Points the cache lacked are looked up here, in row order, so the cache numbers them as one pass would.
  for (let i = 0; i < n; i++) {
    const local = cellId[i];
    if (local === NOT_CACHED) cellId[i] = cache.idOf(lat[i], lng[i]);
    else if (local === -1) {
      if (time[i] < window.start) trimmedFirst++;
      else trimmedLast++;
    }
  }
  const known = cache.cells;
  const remap = new Int32Array(known.length).fill(-1);
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const local = cellId[i];
    if (local < 0) continue;
    let id = remap[local];
    if (id === -1) {
      id = remap[local] = cells.length;
      cells.push(known[local]);
    }
    cellId[i] = id;
  }
  if (!areas) return { first: 0, cellId, cells, trimmedFirst, trimmedLast };
  const cellAreas = new Float64Array(cells.length).fill(NaN);
  for (let local = 0; local < remap.length && local < areas.length; local++) if (remap[local] >= 0) cellAreas[remap[local]] = areas[local];
  return { first: 0, cellId, cells, trimmedFirst, trimmedLast, areas: cellAreas };
}

/**
 * Fills `cache` with the points of `lat[i], lng[i]` that a load can keep: finite degrees with
 * |lat| ≤ 90 and |lng| ≤ 180, not both 0 (the 'location-zero' sentinel). Raw coordinates of rows
 * the load will drop for other reasons are looked up too; they only add entries `binWithCache`
 * never reads. A point whose lookup throws is left out (a later `idOf` looks it up again).
 * @example warmCache(new CellCache(8), Float64Array.of(41.88, NaN), Float64Array.of(-87.63, 1)) // one point cached
 */
export function warmCache(cache: CellCache, lat: Float64Array, lng: Float64Array): void {
  for (let i = 0; i < lat.length; i++) {
    const a = lat[i];
    const b = lng[i];
    if (!(Math.abs(a) <= 90 && Math.abs(b) <= 180) || (a === 0 && b === 0)) continue;
    try {
      cache.idOf(a, b);
    } catch {
      // left for the binning's own lookup, which reports it
    }
  }
}
