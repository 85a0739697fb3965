import { assertNotNegative, assertSameLength } from './assert-inputs';

/**
 * The mean over cells of a per-cell score of an expected count λ ≥ 0 against an observed
 * count y ≥ 0: the shared loop of the probabilistic count metrics.
 *
 * Policy: empty → NaN; a NaN count → NaN (never read as "no incident"); a NaN forecast
 * propagates through `score`. Throws, naming `metric`, when the lengths differ or a forecast
 * or count is negative.
 * @example meanCellScore('squaredError', [1, 2], [0, 0], (mu, y) => (mu - y) ** 2) // → 2.5
 */
export function meanCellScore(metric: string, forecast: ArrayLike<number>, actual: ArrayLike<number>, score: (mu: number, y: number) => number): number {
  assertSameLength(metric, forecast, actual);
  const n = forecast.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const mu = forecast[i];
    const y = actual[i];
    assertNotNegative(metric, 'forecast', i, mu);
    assertNotNegative(metric, 'actual', i, y);
    if (y !== y) return NaN;
    sum += score(mu, y);
  }
  return n === 0 ? NaN : sum / n;
}
