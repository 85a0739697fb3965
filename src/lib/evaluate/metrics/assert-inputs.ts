/**
 * Input checks shared by the metrics and the fold intervals: each throws a RangeError that names
 * the caller, the offending index or fold and the value, so bad input fails loudly and specifically.
 */

/**
 * Throws a RangeError naming the metric and both lengths unless `forecast` and `actual` have
 * the same length: every metric compares them element by element.
 * @example assertSameLength('mae', new Float32Array(3), new Float32Array(2))
 * // throws "mae: forecast has 3 values but actual has 2; they must be the same length (one per cell)"
 */
export function assertSameLength(metric: string, forecast: ArrayLike<number>, actual: ArrayLike<number>): void {
  if (forecast.length !== actual.length) {
    throw new RangeError(`${metric}: forecast has ${forecast.length} values but actual has ${actual.length}; they must be the same length (one per cell)`);
  }
}

/**
 * Throws a RangeError naming the metric, the index and the value unless `value` is ≥ 0 or NaN
 * (NaN is left to propagate into the result). Forecasts of Poisson means and observed counts
 * cannot be negative.
 * @example assertNotNegative('brierScore', 'forecast', 3, -0.5)
 * // throws "brierScore: forecast[3] is -0.5; expected counts must be ≥ 0"
 */
export function assertNotNegative(metric: string, field: 'forecast' | 'actual', index: number, value: number): void {
  if (value < 0) {
    const what = field === 'forecast' ? 'expected counts' : 'observed counts';
    throw new RangeError(`${metric}: ${field}[${index}] is ${value}; ${what} must be ≥ 0`);
  }
}

/**
 * Throws a RangeError naming the metric unless `coverage` lies in (0, 1] — or [0, 1] when
 * `allowZero` (capture-curve grids start at 0).
 * @example assertCoverage('pai', 0) // throws "pai: coverage must lie in (0, 1] (a fraction of the study area), got 0"
 */
export function assertCoverage(metric: string, coverage: number, allowZero = false): void {
  const ok = allowZero ? coverage >= 0 && coverage <= 1 : coverage > 0 && coverage <= 1;
  if (!ok) {
    throw new RangeError(`${metric}: coverage must lie in ${allowZero ? '[0, 1]' : '(0, 1]'} (a fraction of the study area), got ${coverage}`);
  }
}

/**
 * Throws a RangeError naming the caller and the fold unless `value` is finite or NaN. NaN
 * marks a fold where a metric is undefined (e.g. MASE with a zero scale) and is excluded and
 * counted by the callers; ±∞ would mean a metric broke its contract and is not quietly dropped.
 * @example assertNotInfinite('foldInterval', 3, Infinity)
 * // throws "foldInterval: fold 3 is Infinity; values must be finite (or NaN for an undefined fold)"
 */
export function assertNotInfinite(caller: string, fold: number, value: number): void {
  if (value === Infinity || value === -Infinity) {
    throw new RangeError(`${caller}: fold ${fold} is ${value}; values must be finite (or NaN for an undefined fold)`);
  }
}
