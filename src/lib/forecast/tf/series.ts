import type { History } from '../history';

/**
 * The count series every learned model reads its inputs from: the history's counts, the mean
 * count of each cell's ring-1 and ring-2 neighbours, prefix sums of all three (for window
 * means in O(1)), and room for `extra` periods after the cutoff that recursive multi-step
 * forecasting fills with predicted means. Period-major like a Panel: `[p * cells + c]`.
 * Rows at or after `length` are not data; nothing reads them until `append` writes them.
 */
export interface Series {
  readonly cells: number;
  /** Periods filled: the history's periods, plus any appended forecasts. */
  length: number;
  readonly capacity: number;
  /** Start times of all `capacity` periods (the future ones from `history.futurePeriods`). */
  readonly times: Float64Array;
  readonly counts: Float32Array;
  /** Mean count over the cell's ring-1 (resp. ring-2) neighbours in the panel; 0 without any. */
  readonly ring1: Float32Array;
  readonly ring2: Float32Array;
  /** Prefix sums: `cumCounts[p * cells + c]` = Σ counts of cell c over periods [0, p). Length (capacity + 1) × cells. */
  readonly cumCounts: Float64Array;
  readonly cumRing1: Float64Array;
  readonly cumRing2: Float64Array;
  /** `cumMean[p]` = Σ over periods [0, p) of the mean count per cell. */
  readonly cumMean: Float64Array;
  /** CSR lists of ring-1 and ring-2 neighbours (indexes into the cells). */
  readonly ring1Lists: { readonly offsets: Int32Array; readonly index: Int32Array };
  readonly ring2Lists: { readonly offsets: Int32Array; readonly index: Int32Array };
}

/**
 * Builds the series of a history with room for `extra` future periods. Needs neighbour lists
 * with k ≥ 2 (the models declare `neighbourRings: 2`).
 * @example seriesOf(history, 0).cumCounts[3 * C + c] // → counts of cell c in periods 0, 1, 2 summed
 */
export function seriesOf(history: History, extra: number): Series {
  const C = history.cells.length;
  const P = history.periods.length;
  if (history.counts.length !== P * C) {
    throw new Error(`History counts have length ${history.counts.length}, expected ${P} periods × ${C} cells`);
  }
  if (history.neighbours.k < 2) {
    throw new Error(`Learned models read two rings of neighbours, but the history's neighbour lists have k = ${history.neighbours.k}`);
  }
  const capacity = P + extra;
  const times = new Float64Array(capacity);
  times.set(history.periods);
  if (extra > 0) times.set(history.futurePeriods(extra), P);
  const series: Series = {
    cells: C,
    length: 0,
    capacity,
    times,
    counts: new Float32Array(capacity * C),
    ring1: new Float32Array(capacity * C),
    ring2: new Float32Array(capacity * C),
    cumCounts: new Float64Array((capacity + 1) * C),
    cumRing1: new Float64Array((capacity + 1) * C),
    cumRing2: new Float64Array((capacity + 1) * C),
    cumMean: new Float64Array(capacity + 1),
    ring1Lists: ringLists(history, 1),
    ring2Lists: ringLists(history, 2),
  };
  for (let p = 0; p < P; p++) append(series, history.counts.subarray(p * C, (p + 1) * C));
  return series;
}

/**
 * Writes one more period of counts (observed, or predicted means during recursive
 * forecasting) and updates the neighbour means and prefix sums. Throws when full.
 * @example append(series, forecast.subarray(0, C)); series.length // → one more than before
 */
export function append(series: Series, values: ArrayLike<number>): void {
  const C = series.cells;
  const p = series.length;
  if (p >= series.capacity) throw new RangeError(`Series is full: capacity ${series.capacity} periods`);
  if (values.length !== C) throw new RangeError(`append() got ${values.length} values for ${C} cells`);
  const row = p * C;
  let total = 0;
  for (let c = 0; c < C; c++) {
    series.counts[row + c] = values[c];
    total += values[c];
  }
  ringMeans(series.counts, row, series.ring1Lists, series.ring1);
  ringMeans(series.counts, row, series.ring2Lists, series.ring2);
  const next = row + C;
  for (let c = 0; c < C; c++) {
    series.cumCounts[next + c] = series.cumCounts[row + c] + series.counts[row + c];
    series.cumRing1[next + c] = series.cumRing1[row + c] + series.ring1[row + c];
    series.cumRing2[next + c] = series.cumRing2[row + c] + series.ring2[row + c];
  }
  series.cumMean[p + 1] = series.cumMean[p] + (C > 0 ? total / C : 0);
  series.length = p + 1;
}

/**
 * Mean of `cum`-summed values of cell c over the `w` periods before `t` (fewer when t < w).
 * @example windowMean(series.cumCounts, C, 10, 4, c) // → mean count of cell c over periods 6..9
 */
export function windowMean(cum: Float64Array, cells: number, t: number, w: number, c: number): number {
  const from = Math.max(0, t - w);
  return t > from ? (cum[t * cells + c] - cum[from * cells + c]) / (t - from) : 0;
}

function ringMeans(counts: Float32Array, row: number, lists: Series['ring1Lists'], out: Float32Array): void {
  const C = lists.offsets.length - 1;
  for (let c = 0; c < C; c++) {
    const start = lists.offsets[c];
    const end = lists.offsets[c + 1];
    let sum = 0;
    for (let j = start; j < end; j++) sum += counts[row + lists.index[j]];
    out[row + c] = end > start ? sum / (end - start) : 0;
  }
}

/**
 * The neighbours of each cell at exactly ring distance `d`, as CSR lists (from the history's k-ring lists, k ≥ d).
 * @example ringLists(history, 1).offsets[1] // → 6 for an inner cell: its six ring-1 neighbours
 */
export function ringLists(history: History, d: number): Series['ring1Lists'] {
  const { offsets, index, ring } = history.neighbours;
  const C = history.cells.length;
  const outOffsets = new Int32Array(C + 1);
  const out: number[] = [];
  for (let c = 0; c < C; c++) {
    for (let j = offsets[c]; j < offsets[c + 1]; j++) if (ring[j] === d) out.push(index[j]);
    outOffsets[c + 1] = out.length;
  }
  return { offsets: outOffsets, index: Int32Array.from(out) };
}
