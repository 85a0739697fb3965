import { describe, expect, test } from 'vitest';
import { poissonDeviance, poissonUnitDeviance } from './poisson-deviance';
import { RATE_FLOOR } from './rate-floor';
import { seededCounts } from './test-fixtures';

/** Ten significant digits; NaN stays NaN (toEqual treats NaN as equal to NaN). */
const significant = (x: number): number => Number(x.toPrecision(10));

describe('poissonDeviance', () => {
  test("poissonDeviance(forecast, actual) reproduces scikit-learn's example: 1.4260", () => {
    // 2·ln(2/0.5) − 1.5 = 1.2726; 0 + 0.5; 1·ln(1/2) + 1 = 0.3069; 4·ln(4/2) − 2 = 0.7726
    // 2 · (1.2726 + 0.5 + 0.3069 + 0.7726) / 4 = 1.4260
    const expected = (2 * (2 * Math.log(4) - 1.5 + 0.5 + Math.log(0.5) + 1 + 4 * Math.log(2) - 2)) / 4;
    const value = poissonDeviance(new Float32Array([0.5, 0.5, 2, 2]), new Float32Array([2, 0, 1, 4]));
    expect(value).toBeCloseTo(expected, 6);
    expect(value).toBeCloseTo(1.426, 4);
  });

  test('poissonDeviance(forecast, actual) matches the formula on seeded data (zero forecasts floored)', () => {
    for (const seed of [6, 7]) {
      const { forecast, actual } = seededCounts(seed, 500);
      let sum = 0;
      for (let i = 0; i < forecast.length; i++) {
        const y = actual[i];
        const mu = forecast[i];
        const logTerm = y === 0 ? 0 : y * Math.log(y / Math.max(mu, 1e-6));
        sum += 2 * (logTerm - (y - mu));
      }
      expect(poissonDeviance(forecast, actual)).toBeCloseTo(sum / forecast.length, 8);
    }
  });

  test('poissonDeviance(forecast, actual) scores ŷ = 0 with y = 1 as ŷ = 1e-6: 2·(ln 10⁶ − 1)', () => {
    expect(poissonDeviance([0], [1])).toBeCloseTo(2 * (Math.log(1 / RATE_FLOOR) - 1), 10);
    expect(poissonDeviance([0], [1])).toBeCloseTo(25.631, 3);
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero (forecast and actual): a perfect score', [0, 0, 0], [0, 0, 0], 0],
    ['zero counts, forecast 0.5: 2·0.5 per cell', [0.5, 0.5], [0, 0], 1],
    ['perfect forecast of counts', [3, 1], [3, 1], 0],
    ['NaN forecast', [NaN, 1], [1, 1], NaN],
    ['NaN actual', [1, 1], [NaN, 1], NaN],
  ])('poissonDeviance(forecast, actual) edge case: %s', (_, forecast, actual, expected) => {
    expect(significant(poissonDeviance(forecast, actual))).toEqual(significant(expected));
  });

  test('poissonDeviance(forecast, actual) gives equal forecasts (ties) equal cell scores, whatever their order', () => {
    expect(poissonDeviance([2, 2, 1], [0, 3, 1])).toBeCloseTo(poissonDeviance([1, 2, 2], [1, 3, 0]), 12);
  });

  test.each([
    [[-0.5], [1], /poissonDeviance: forecast\[0\] is -0.5; expected counts must be ≥ 0/],
    [[1, 1], [1, -2], /poissonDeviance: actual\[1\] is -2; observed counts must be ≥ 0/],
    [[1], [1, 2], /poissonDeviance: forecast has 1 values but actual has 2/],
  ])('poissonDeviance(%j, %j) throws a specific error', (forecast, actual, message) => {
    expect(() => poissonDeviance(forecast, actual)).toThrow(message);
  });

  test.each([
    [1, 2, 2 * (2 * Math.log(2) - 1)], // 2·(2·ln(2/1) − (2 − 1))
    [0.5, 0, 1], // 2·(0 − (0 − 0.5))
    [0, 1, 2 * (Math.log(1e6) - 1)], // μ = 0 is read as RATE_FLOOR inside the log only
    [0, 0, 0],
  ])('poissonUnitDeviance(%f, %f) = %f, one cell of poissonDeviance', (mu, y, expected) => {
    expect(poissonUnitDeviance(mu, y)).toBeCloseTo(expected, 10);
  });

  test('poissonDeviance(forecast, actual) is exactly the mean of poissonUnitDeviance over cells', () => {
    const forecast = [0.5, 0.5, 2, 2, 0];
    const actual = [2, 0, 1, 4, 3];
    const mean = forecast.reduce((sum, mu, i) => sum + poissonUnitDeviance(mu, actual[i]), 0) / forecast.length;
    expect(poissonDeviance(forecast, actual)).toBe(mean);
  });
});
