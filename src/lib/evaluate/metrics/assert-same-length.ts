/**
 * Throws a RangeError naming the metric and both lengths unless `forecast` and `actual` have
 * the same length: every metric compares them element by element.
 * @example assertSameLength('mae', new Float32Array(3), new Float32Array(2))
 * // throws "mae: forecast has 3 values but actual has 2; they must be the same length (one per cell)"
 */
export function assertSameLength(metric: string, forecast: ArrayLike<number>, actual: ArrayLike<number>): void {
  if (forecast.length !== actual.length) {
    throw new RangeError(
      `${metric}: forecast has ${forecast.length} values but actual has ${actual.length}; they must be the same length (one per cell)`,
    );
  }
}
