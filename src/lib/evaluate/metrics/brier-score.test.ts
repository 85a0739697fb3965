import { describe, expect, test } from 'vitest';
import { brierScore } from './brier-score';
import { seededCounts } from './test-fixtures';

/** Ten significant digits; NaN stays NaN (toEqual treats NaN as equal to NaN). */
const significant = (x: number): number => Number(x.toPrecision(10));

describe('brierScore', () => {
  test('brierScore(forecast, actual) of a hand-computed case', () => {
    // λ = 0 → p = 0, y = 0 → 0; λ = ln 2 → p = ½, y = 3 → (½ − 1)² = ¼;
    // λ = ln 4 → p = ¾, y = 0 → (¾)² = 9/16. Mean = (0 + 4/16 + 9/16) / 3 = 13/48.
    expect(brierScore([0, Math.LN2, Math.log(4)], [0, 3, 0])).toBeCloseTo(13 / 48, 12);
  });

  test('brierScore(forecast, actual) matches the formula on seeded data', () => {
    for (const seed of [8, 9]) {
      const { forecast, actual } = seededCounts(seed, 500);
      let sum = 0;
      for (let i = 0; i < forecast.length; i++) {
        const p = 1 - Math.exp(-forecast[i]);
        const o = actual[i] >= 1 ? 1 : 0;
        sum += (p - o) ** 2;
      }
      expect(brierScore(forecast, actual)).toBeCloseTo(sum / forecast.length, 10);
    }
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero: a certain "no incident" that comes true', [0, 0], [0, 0], 0],
    ['a zero forecast where incidents happen costs 1', [0], [5], 1],
    ['NaN forecast', [NaN], [1], NaN],
    ['NaN actual is not read as "no incident"', [1], [NaN], NaN],
    ['ties: any count ≥ 1 is the same event', [Math.LN2, Math.LN2], [1, 7], 0.25],
  ])('brierScore(forecast, actual) edge case: %s', (_, forecast, actual, expected) => {
    expect(significant(brierScore(forecast, actual))).toEqual(significant(expected));
  });

  test('brierScore(forecast, actual) throws on negative forecasts and mismatched lengths', () => {
    expect(() => brierScore([-1], [0])).toThrow(/brierScore: forecast\[0\] is -1/);
    expect(() => brierScore([1, 2], [0])).toThrow(/brierScore: forecast has 2 values but actual has 1/);
  });
});
