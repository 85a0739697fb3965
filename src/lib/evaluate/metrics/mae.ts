import { assertSameLength } from './assert-inputs';

/**
 * Mean absolute error of a forecast against observed counts (lower is better).
 *
 * Formula: MAE = (1/n) Σᵢ |ŷᵢ − yᵢ|.
 * Policy: empty input → NaN (no errors to average); any NaN in either array → NaN
 * (a forecaster must not emit NaN, so it is surfaced rather than skipped).
 * Throws when the lengths differ.
 * @example mae([1, 2, 3], [1, 4, 0]) // → (0 + 2 + 3) / 3 = 1.6667
 */
export function mae(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  assertSameLength('mae', forecast, actual);
  const n = forecast.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(forecast[i] - actual[i]);
  return n === 0 ? NaN : sum / n;
}
