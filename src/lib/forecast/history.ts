import type { Panel } from '../grid/panel';
import type { Neighbours } from '../grid/neighbours';
import { restrictNeighbours } from '../grid/restrict-neighbours';
import { timeBucket } from '../grid/time-bucket';

/**
 * What a forecaster may see when it is fitted: a read-only view of a panel that physically
 * ends at the cutoff. `counts` holds `periods.length × cells.length` values; reads past its end
 * return undefined, so nothing after the cutoff is reachable through it. In a backtest `cells`
 * is the fold's model universe (`evaluate/model-universe.ts`), not every cell of the panel.
 */
export interface History {
  readonly res: Panel['res'];
  readonly bucket: Panel['bucket'];
  readonly cells: Panel['cells'];
  readonly area: Panel['area'];
  /** Starts of the training periods, oldest first; the cutoff is the end of the last one. */
  readonly periods: Float64Array;
  /** Period-major counts of the training periods: `counts[p * cells.length + c]`. */
  readonly counts: Float32Array;
  /** k-ring neighbour lists among `cells` (the panel's lists, restricted to them). */
  readonly neighbours: Neighbours;
  /** Starts of the `horizon` periods after the cutoff (calendar only: no data). */
  futurePeriods(horizon: number): Float64Array;
}

/**
 * A history of `panel` over periods [start, cutoff): the training span of one fold. `start` > 0
 * gives a sliding window. Without `keep` it is a view of every cell (no copy); with `keep`
 * (ascending panel cell indexes) it holds only those cells, in panel order: their counts over
 * the span (copied), areas, and `neighbourLists` restricted to them (ring distances unchanged).
 * Throws when the span is empty or out of range.
 * @example historyOf(panel, lists, 100, 0, Int32Array.of(0, 4)).cells // → [panel.cells[0], panel.cells[4]]
 */
export function historyOf(panel: Panel, neighbourLists: Neighbours, cutoff: number, start = 0, keep?: Int32Array): History {
  const P = panel.periods.length;
  const C = panel.cells.length;
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > P) {
    throw new RangeError(`Cutoff must be a period index from 1 to ${P}, got ${cutoff}`);
  }
  if (!Number.isInteger(start) || start < 0 || start >= cutoff) {
    throw new RangeError(`History start must be a period index from 0 to ${cutoff - 1}, got ${start}`);
  }
  const periods = panel.periods.subarray(start, cutoff);
  const bucket = timeBucket(panel.bucket);
  const cutoffTime = cutoff < P ? panel.periods[cutoff] : panel.end;
  const cells = keep
    ? { cells: Array.from(keep, (c) => panel.cells[c]), area: Float64Array.from(keep, (c) => panel.area[c]), neighbours: restrictNeighbours(neighbourLists, keep) }
    : { cells: panel.cells, area: panel.area, neighbours: neighbourLists };
  return {
    res: panel.res,
    bucket: panel.bucket,
    ...cells,
    periods,
    counts: keep ? countsOf(panel.counts, C, start, cutoff, keep) : panel.counts.subarray(start * C, cutoff * C),
    futurePeriods(horizon: number): Float64Array {
      const out = new Float64Array(horizon);
      let t = cutoffTime;
      for (let h = 0; h < horizon; h++) {
        out[h] = t;
        t = bucket.offset(t, 1);
      }
      return out;
    },
  };
}

/** Period-major counts of periods [start, cutoff) for the cells `keep` only. */
function countsOf(all: Float32Array, C: number, start: number, cutoff: number, keep: Int32Array): Float32Array {
  const U = keep.length;
  const out = new Float32Array((cutoff - start) * U);
  for (let p = start; p < cutoff; p++) {
    const from = p * C;
    const to = (p - start) * U;
    for (let u = 0; u < U; u++) out[to + u] = all[from + keep[u]];
  }
  return out;
}
