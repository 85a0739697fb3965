import { CellCache } from './cell-cache';

/** The rows binning reads: time (epoch ms), latitude and longitude, one entry per incident. */
export interface BinRows {
  readonly time: Float64Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
}

/** Which rows are binned and how: the H3 resolution and the half-open time window `[start, end)` of the kept periods. */
export interface BinWindow {
  readonly res: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The cells of a run of rows: binning's costly part (one H3 lookup per distinct point, through
 * `CellCache`). Plain arrays and numbers only, so it crosses a worker boundary as is (`cellId`'s
 * buffer can be transferred).
 */
export interface RangeCells {
  /** Row of the whole input that `cellId[0]` belongs to. */
  readonly first: number;
  /** Per row, the index into `cells` of its cell, or -1 for a row outside the window. */
  readonly cellId: Int32Array;
  /** The distinct cells of these rows (H3 indexes), in order of first appearance. */
  readonly cells: string[];
  /** Rows before `window.start` (a trimmed first period). */
  readonly trimmedFirst: number;
  /** Rows at or after `window.end` (a trimmed last period). */
  readonly trimmedLast: number;
  /** Each of `cells`' area in m² (`areaOf`) where computed already (by the thread that looked the points up), NaN where not; absent: none. */
  readonly areas?: Float64Array;
  /** `cellId` is scratch memory (`takeInt32`) no one else holds: the binning may give it back (`giveScratch`) when done. */
  readonly scratch?: boolean;
}

/**
 * Assigns the rows `[from, to)` of `rows` to H3 cells at `window.res`; a row outside
 * `[window.start, window.end)` gets -1 and is counted as trimmed. Pure and shell-agnostic: a CLI
 * thread or an app worker can run it on its own row range (or on a slice, with `first` set by
 * the caller), and `mergeBins` joins the ranges into exactly what one pass over every row gives.
 * The coordinates must be valid (the loader has checked them).
 * @example binRange({ time, lat, lng }, { res: 8, start: 0, end: Infinity }).cells.length
 *   // → the number of distinct res-8 cells among the rows
 */
export function binRange(rows: BinRows, window: BinWindow, from = 0, to = rows.time.length): RangeCells {
  const { time, lat, lng } = rows;
  const { start, end } = window;
  // Sized for a quarter of the rows being distinct points (Chicago: 26 %); it grows if more are.
  const cache = new CellCache(window.res, Math.min((to - from) >>> 2, 1 << 20));
  const cellId = new Int32Array(to - from);
  let trimmedFirst = 0;
  let trimmedLast = 0;
  for (let i = from; i < to; i++) {
    const t = time[i];
    if (!(t >= start && t < end)) {
      if (t < start) trimmedFirst++;
      else trimmedLast++;
      cellId[i - from] = -1;
      continue;
    }
    cellId[i - from] = cache.idOf(lat[i], lng[i]);
  }
  return { first: from, cellId, cells: cache.cells, trimmedFirst, trimmedLast };
}

/**
 * Joins the `RangeCells` of consecutive row ranges covering rows `[0, n)` into one: the first
 * range's cell ids are kept, each later range's are renumbered onto the cells seen before it, so
 * the result equals `binRange` over all `n` rows (same `cells` in the same order, same ids).
 * Throws when the ranges do not tile `[0, n)`.
 * @example mergeBins([binRange(rows, w, 0, k), binRange(rows, w, k, n)], n) // → binRange(rows, w, 0, n)
 */
export function mergeBins(parts: readonly RangeCells[], n: number): RangeCells {
  const nonEmpty = parts.filter((part) => part.cellId.length > 0);
  const sorted = (nonEmpty.length > 0 ? nonEmpty : parts.slice(0, 1)).sort((a, b) => a.first - b.first);
  let next = 0;
  for (const part of sorted) {
    if (part.first !== next) throw new Error(`mergeBins: row ranges leave a gap or overlap at row ${next}`);
    next += part.cellId.length;
  }
  if (next !== n) throw new Error(`mergeBins: row ranges cover ${next} rows, not ${n}`);
  if (sorted.length === 1) return sorted[0];
  const cells: string[] = [];
  const idOf = new Map<string, number>();
  const cellId = new Int32Array(n);
  let trimmedFirst = 0;
  let trimmedLast = 0;
  for (const part of sorted) {
    const remap = Int32Array.from(part.cells, (cell) => {
      let id = idOf.get(cell);
      if (id === undefined) {
        id = cells.length;
        cells.push(cell);
        idOf.set(cell, id);
      }
      return id;
    });
    const local = part.cellId;
    for (let i = 0; i < local.length; i++) {
      const id = local[i];
      cellId[part.first + i] = id < 0 ? -1 : remap[id];
    }
    trimmedFirst += part.trimmedFirst;
    trimmedLast += part.trimmedLast;
  }
  return { first: 0, cellId, cells, trimmedFirst, trimmedLast };
}

/**
 * Assigns every row to its cell (`binRange` over rows `[0, n)` then, or ranges merged with
 * `mergeBins`). `binIncidents` calls the one it is given; a shell passes one that splits the
 * rows across threads or workers. It must return exactly what `binRange` over all rows gives.
 */
export type CellAssigner = (rows: BinRows, window: BinWindow) => RangeCells;

/** The single-threaded `CellAssigner`: one `binRange` over every row. */
export const assignCells: CellAssigner = (rows, window) => binRange(rows, window);
