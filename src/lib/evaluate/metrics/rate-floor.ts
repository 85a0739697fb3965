/**
 * The smallest expected count (Poisson mean λ) a probabilistic metric will take a forecast to
 * mean: 10⁻⁶ incidents per cell and period. A forecast of exactly 0 where an incident then
 * happens has infinite Poisson deviance and infinite log score; one such cell would make the
 * fold's score, and every mean over folds, infinite, hiding every other cell. Scoring it as
 * λ = 10⁻⁶ keeps the penalty severe (for one incident, 2·ln 10⁶ ≈ 27.6 deviance units, against
 * ≈ 2 for a forecast of 0.1) but finite, so models remain comparable. Clamped log scores use
 * the same floor for p (p ≈ λ for small λ), so the two metrics treat a zero forecast alike.
 * @example Math.log(1 / RATE_FLOOR) // → 13.8155
 */
export const RATE_FLOOR = 1e-6;

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
