import { describe, expect, test } from 'vitest';
import { mae } from './mae';
import { seededCounts } from './test-fixtures';

describe('mae', () => {
  test('mae(forecast, actual) of a hand-computed case: |1−1| + |2−4| + |3−0| = 5 over 3', () => {
    expect(mae(new Float32Array([1, 2, 3]), new Float32Array([1, 4, 0]))).toBeCloseTo(5 / 3, 12);
  });

  test('mae(forecast, actual) matches the formula on seeded data', () => {
    for (const seed of [1, 2, 3]) {
      const { forecast, actual } = seededCounts(seed, 500);
      let sum = 0;
      for (let i = 0; i < forecast.length; i++) sum += Math.abs(forecast[i] - actual[i]);
      expect(mae(forecast, actual)).toBeCloseTo(sum / forecast.length, 10);
    }
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero', [0, 0, 0], [0, 0, 0], 0],
    ['NaN forecast', [NaN, 1], [1, 1], NaN],
    ['NaN actual', [1, 1], [1, NaN], NaN],
    ['ties (equal errors either side)', [1, 3], [2, 2], 1],
  ])('mae(forecast, actual) edge case: %s', (_, forecast, actual, expected) => {
    expect(mae(forecast, actual)).toEqual(expected);
  });

  test('mae(forecast, actual) throws on mismatched lengths, naming both', () => {
    expect(() => mae(new Float32Array(3), new Float32Array(2))).toThrow(/mae: forecast has 3 values but actual has 2/);
  });
});
