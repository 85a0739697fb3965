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
