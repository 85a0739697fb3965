import { assertSameLength } from './assert-inputs';

/**
 * Root mean squared error of a forecast against observed counts (lower is better).
 *
 * Formula: RMSE = √((1/n) Σᵢ (ŷᵢ − yᵢ)²).
 * Policy: empty input → NaN; any NaN in either array → NaN. Throws when the lengths differ.
 * @example rmse([1, 2, 3], [1, 4, 0]) // → √((0 + 4 + 9) / 3) = 2.0817
 */
export function rmse(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  assertSameLength('rmse', forecast, actual);
  const n = forecast.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = forecast[i] - actual[i];
    sum += e * e;
  }
  return n === 0 ? NaN : Math.sqrt(sum / n);
}
