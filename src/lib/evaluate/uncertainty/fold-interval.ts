import { assertNotInfinite } from '../metrics/assert-inputs';
import { blockStarts } from './block-starts';
import { selectQuantiles } from './select-quantiles';

/** Options for `foldInterval`. */
export interface FoldIntervalOptions {
  /** Confidence level of the percentile interval, in (0, 1). Default 0.95. */
  readonly level?: number;
  /** Seed of the resampling: same seed and values → same interval. */
  readonly seed: number;
  /** Block length b (whole number ≥ 1; capped at n). Default ⌈n^(1/3)⌉. */
  readonly block?: number;
  /** Number of bootstrap resamples B (whole number ≥ 1). Default 2000. */
  readonly resamples?: number;
  /**
   * Fewest non-NaN folds that get an interval (default 2): with very few folds every resample
   * looks alike and the interval collapses, so below this lo = hi = NaN and no resampling is done.
   */
  readonly minFolds?: number;
}

/** The mean of a metric over folds with a bootstrap interval. */
export interface FoldInterval {
  /** Mean over the non-NaN folds (NaN when there are none). */
  readonly mean: number;
  /** Lower and upper percentile bounds (NaN when n < max(2, minFolds)). */
  readonly lo: number;
  readonly hi: number;
  /** Folds used (non-NaN). */
  readonly n: number;
  /** Folds excluded because the metric was NaN there. */
  readonly nanCount: number;
  /** Block length used (0 when no resampling was done). */
  readonly block: number;
}

/**
 * Mean of a per-fold metric with a percentile confidence interval from a circular block
 * bootstrap over consecutive folds: rolling-origin folds share most of their training data
 * and neighbouring test periods, so fold scores are serially dependent and an i.i.d. bootstrap
 * would give intervals that are too narrow.
 *
 * Method: drop NaN folds (the rest keep their order, closing the gaps), n values remain. Each
 * of B resamples joins ⌈n/b⌉ blocks of b consecutive folds, each starting at a uniformly drawn
 * fold and wrapping from the last fold to the first, truncated to n values; its mean is kept.
 * The interval is the (1 − level)/2 and (1 + level)/2 quantiles of the B means (linear
 * interpolation between order statistics, found by selection: `selectQuantiles`). Block bootstrap: Künsch (1989), *Ann. Statist.*
 * 17:1217–1241; the circular version: Politis & Romano (1992), in *Exploring the Limits of
 * Bootstrap*, 263–270 — wrapping gives every fold the same weight, so the resample means are
 * centred on the sample mean. b = ⌈n^(1/3)⌉ is the usual order for variance estimation
 * (Hall, Horowitz & Jing 1995, *Biometrika* 82:561–574).
 * Policy: n = 0 → mean NaN; n < max(2, minFolds) → lo = hi = NaN. Throws on ±∞ values or invalid options.
 * Cost: B·n additions, B·⌈n/b⌉ random draws and the selection of four order statistics of B
 * numbers (expected linear in B, where a sort is B·log B).
 * @example foldInterval([2, 2, 2, NaN], { seed: 1 }) // → { mean: 2, lo: 2, hi: 2, n: 3, nanCount: 1, block: 2 }
 */
export function foldInterval(values: ArrayLike<number>, options: FoldIntervalOptions): FoldInterval {
  const { level = 0.95, seed, resamples = 2000 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`foldInterval: level must lie in (0, 1), got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`foldInterval: resamples must be a whole number ≥ 1, got ${resamples}`);
  if (options.block !== undefined && (!Number.isInteger(options.block) || options.block < 1)) {
    throw new RangeError(`foldInterval: block must be a whole number ≥ 1 (folds), got ${options.block}`);
  }
  const x = new Float64Array(values.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    assertNotInfinite('foldInterval', i, v);
    if (v !== v) continue;
    x[n++] = v;
    sum += v;
  }
  const nanCount = values.length - n;
  const mean = n > 0 ? sum / n : NaN;
  if (n < Math.max(2, options.minFolds ?? 2)) return { mean, lo: NaN, hi: NaN, n, nanCount, block: 0 };

  const block = Math.min(options.block ?? Math.ceil(Math.cbrt(n)), n);
  const starts = blockStarts(seed, n, block, resamples);
  const means = resampleMeans(x, n, block, starts, resamples);
  const alpha = (1 - level) / 2;
  const [lo, hi] = selectQuantiles(means, [alpha, 1 - alpha]);
  return { mean, lo, hi, n, nanCount, block };
}

/**
 * The mean of each resample: resample r joins blocks of `block` consecutive values of x[0 … n)
 * from `starts[r · ⌈n/block⌉ …]`, wrapping, truncated to n; each total is summed in that order.
 * The values are read from a copy with the first `block` repeated after the last (a block never
 * wraps inside it), and four resamples are summed side by side (their blocks end at the same
 * positions), each in its own running total — the same additions in the same order, so the same
 * bits as one at a time, without each addition waiting for the one before it.
 */
function resampleMeans(x: Float64Array, n: number, block: number, starts: Int32Array, resamples: number): Float64Array {
  const wrapped = new Float64Array(n + block);
  for (let i = 0; i < n + block; i++) wrapped[i] = x[i % n];
  const means = new Float64Array(resamples);
  const perResample = Math.ceil(n / block);
  let r = 0;
  for (; r + 4 <= resamples; r += 4) {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (let filled = 0, j = r * perResample; filled < n; j++) {
      const a0 = starts[j];
      const a1 = starts[j + perResample];
      const a2 = starts[j + 2 * perResample];
      const a3 = starts[j + 3 * perResample];
      const length = Math.min(block, n - filled);
      for (let t = 0; t < length; t++) {
        t0 += wrapped[a0 + t];
        t1 += wrapped[a1 + t];
        t2 += wrapped[a2 + t];
        t3 += wrapped[a3 + t];
      }
      filled += length;
    }
    means[r] = t0 / n;
    means[r + 1] = t1 / n;
    means[r + 2] = t2 / n;
    means[r + 3] = t3 / n;
  }
  for (let d = r * perResample; r < resamples; r++) {
    let total = 0;
    for (let filled = 0; filled < n; d++) {
      const at = starts[d];
      const length = Math.min(block, n - filled);
      for (let t = 0; t < length; t++) total += wrapped[at + t];
      filled += length;
    }
    means[r] = total / n;
  }
  return means;
}
