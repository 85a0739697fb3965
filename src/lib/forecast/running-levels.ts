/**
 * Per-cell running statistics of one fold's training history, read off state that a backtest
 * carries from fold to fold (`panelRunner`) instead of a fresh pass over every training period.
 * Each value is the one a pass from period 0 to the cutoff gives: the same float64 operations, in
 * the same order, on the same counts, so the kernels that use it are exact (not approximations).
 */
export interface RunningLevels {
  /** T, the periods [0, T) they cover, and how many cells: a kernel uses them only for a history of exactly that shape (`runningFor`). */
  readonly periods: number;
  readonly cells: number;
  /** Σ_{p < T} y_{p,c} for each history cell, in float64, added in period order from period 0. */
  sums(): Float64Array;
  /** ℓ_T for each history cell with ℓ_1 = y_1, ℓ_t = α·y_t + (1 − α)·ℓ_{t−1} (float64; α ∈ (0, 1]). */
  ewma(alpha: number): Float64Array;
}

/** Running state over all the cells of a panel, read at any cutoff (`panelRunner`). */
export interface PanelRunner {
  /**
   * The running levels of the history [0, cutoff) of the panel's cells `columns` (ascending
   * panel cell indexes; undefined: every cell), in that order.
   */
  at(cutoff: number, columns?: Int32Array): RunningLevels;
}

/** One running statistic: its per-cell state after the periods [0, done). */
interface Run {
  done: number;
  readonly state: Float64Array;
}

/**
 * Running sums and exponentially weighted levels of a period-major count matrix (`counts`,
 * `cells` columns): reading at cutoff T advances the state over the periods not yet added
 * (T ≥ the last cutoff read) or starts again from period 0 (T smaller), so the folds of an
 * expanding window cost one pass over the panel in all instead of one each. Only periods before
 * the cutoff read are ever added: a level at cutoff T depends on nothing after T.
 * @example panelRunner(Float32Array.of(1, 0, 3, 2), 2).at(2).sums() // → Float64Array [4, 2]
 */
export function panelRunner(counts: Float32Array, cells: number): PanelRunner {
  const periods = counts.length / cells;
  let sum: Run | undefined;
  const ewmas = new Map<number, Run>();
  const sumTo = (cutoff: number): Float64Array => {
    const run = (sum ??= { done: 0, state: new Float64Array(cells) });
    if (cutoff < run.done) {
      run.state.fill(0);
      run.done = 0;
    }
    const acc = run.state;
    for (let p = run.done, i = p * cells; p < cutoff; p++) {
      for (let c = 0; c < cells; c++, i++) acc[c] += counts[i];
    }
    run.done = cutoff;
    return acc;
  };
  const ewmaTo = (cutoff: number, alpha: number): Float64Array => {
    let run = ewmas.get(alpha);
    if (!run) ewmas.set(alpha, (run = { done: 0, state: new Float64Array(cells) }));
    if (cutoff < run.done) run.done = 0;
    const level = run.state;
    if (run.done === 0) {
      for (let c = 0; c < cells; c++) level[c] = counts[c];
      run.done = 1;
    }
    const keep = 1 - alpha;
    for (let p = run.done, i = p * cells; p < cutoff; p++) {
      for (let c = 0; c < cells; c++, i++) level[c] = alpha * counts[i] + keep * level[c];
    }
    run.done = cutoff;
    return level;
  };
  const gather = (state: Float64Array, columns: Int32Array | undefined): Float64Array => {
    if (!columns) return state.slice();
    const out = new Float64Array(columns.length);
    for (let u = 0; u < columns.length; u++) out[u] = state[columns[u]];
    return out;
  };
  return {
    at(cutoff, columns) {
      if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > periods) {
        throw new RangeError(`panelRunner: cutoff must be a period index from 1 to ${periods}, got ${cutoff}`);
      }
      return {
        periods: cutoff,
        cells: columns ? columns.length : cells,
        sums: () => gather(sumTo(cutoff), columns),
        ewma(alpha) {
          if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`panelRunner: alpha must lie in (0, 1], got ${alpha}`);
          return gather(ewmaTo(cutoff, alpha), columns);
        },
      };
    },
  };
}
