import { describe, expect, test } from 'vitest';
import { logScore } from './log-score';
import { seededCounts } from './test-fixtures';

/** Ten significant digits; NaN stays NaN (toEqual treats NaN as equal to NaN). */
const significant = (x: number): number => Number(x.toPrecision(10));

describe('logScore', () => {
  test('logScore(forecast, actual) of a hand-computed case', () => {
    // λ = ln 2 → p = ½ and y = 2: −ln ½ = ln 2; λ = ln 4 → p = ¾ and y = 0: −ln ¼ = ln 4.
    // Mean = (ln 2 + ln 4) / 2 = 1.5·ln 2 = 1.0397.
    expect(logScore([Math.LN2, Math.log(4)], [2, 0])).toBeCloseTo(1.5 * Math.LN2, 12);
  });

  test('logScore(forecast, actual) matches the formula on seeded data (p clamped to [1e-6, 1 − 1e-6])', () => {
    for (const seed of [10, 11]) {
      const { forecast, actual } = seededCounts(seed, 500);
      let sum = 0;
      for (let i = 0; i < forecast.length; i++) {
        const p = Math.min(Math.max(1 - Math.exp(-forecast[i]), 1e-6), 1 - 1e-6);
        sum += actual[i] >= 1 ? -Math.log(p) : -Math.log(1 - p);
      }
      expect(logScore(forecast, actual)).toBeCloseTo(sum / forecast.length, 8);
    }
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero: clamped p = 1e-6 for "no incident" costs −ln(1 − 1e-6)', [0, 0], [0, 0], -Math.log1p(-1e-6)],
    ['a zero forecast where an incident happens costs ln 10⁶ (clamped)', [0], [1], Math.log(1e6)],
    ['a confident λ = 50 with no incident is capped at ln 10⁶', [50], [0], Math.log(1e6)],
    ['NaN forecast', [NaN], [1], NaN],
    ['NaN actual', [1], [NaN], NaN],
    ['ties: counts 1 and 9 are the same event', [Math.LN2, Math.LN2], [1, 9], Math.LN2],
  ])('logScore(forecast, actual) edge case: %s', (_, forecast, actual, expected) => {
    expect(significant(logScore(forecast, actual))).toEqual(significant(expected));
  });

  test('logScore(forecast, actual) throws on negative counts and mismatched lengths', () => {
    expect(() => logScore([1], [-1])).toThrow(/logScore: actual\[0\] is -1; observed counts must be ≥ 0/);
    expect(() => logScore([1], [])).toThrow(/logScore: forecast has 1 values but actual has 0/);
  });
});
