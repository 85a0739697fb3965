import type { Panel } from '../grid/panel';
import type { Neighbours } from '../grid/neighbours';
import { timeBucket } from '../grid/time-bucket';
import type { RunningLevels } from './running-levels';

/**
 * What a forecaster may see when it is fitted: a read-only view of a panel that physically
 * ends at the cutoff. `counts` is a subarray of `periods.length × cells.length` values; reads
 * past its end return undefined, so nothing after the cutoff is reachable through it. In a
 * backtest the panel is restricted to the fold's model universe (`evaluate/model-universe.ts`),
 * so `cells` are only the cells seen before the cutoff and the declared ones.
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
  /** k-ring neighbour lists among `cells` (in a backtest: the panel's, restricted to the universe). */
  readonly neighbours: Neighbours;
  /** Starts of the `horizon` periods after the cutoff (calendar only: no data). */
  futurePeriods(horizon: number): Float64Array;
  /**
   * Per-cell sums and EWMA levels of exactly these training periods, carried over from the
   * previous fold by a backtest (expanding windows only); absent elsewhere. Kernels that use it
   * get the numbers a pass over `counts` would give, without the pass.
   */
  readonly running?: RunningLevels;
}

/**
 * A history view of `panel` over periods [start, cutoff): the training span of one fold.
 * `start` > 0 gives a sliding window. Throws when the span is empty or out of range.
 */
export function historyOf(panel: Panel, neighbourLists: Neighbours, cutoff: number, start = 0): History {
  const P = panel.periods.length;
  const C = panel.cells.length;
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > P) {
    throw new RangeError(`Cutoff must be a period index from 1 to ${P}, got ${cutoff}`);
  }
  if (!Number.isInteger(start) || start < 0 || start >= cutoff) {
    throw new RangeError(`History start must be a period index from 0 to ${cutoff - 1}, got ${start}`);
  }
  const periods = panel.periods.subarray(start, cutoff);
  const counts = panel.counts.subarray(start * C, cutoff * C);
  const bucket = timeBucket(panel.bucket);
  const cutoffTime = cutoff < P ? panel.periods[cutoff] : panel.end;
  return {
    res: panel.res,
    bucket: panel.bucket,
    cells: panel.cells,
    area: panel.area,
    periods,
    counts,
    neighbours: neighbourLists,
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

/**
 * The running levels a history carries when they describe it — its number of training periods
 * and of cells — else undefined (a kernel then passes over `counts`, with the same numbers): a
 * history copied with other counts (another window, other cells) never reuses another's sums.
 * @example runningFor({ ...history, periods: history.periods.subarray(1) }) // → undefined
 */
export function runningFor(history: History): RunningLevels | undefined {
  const { running } = history;
  return running && running.periods === history.periods.length && running.cells === history.cells.length ? running : undefined;
}
