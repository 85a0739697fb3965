import { describe, expect, test } from 'vitest';
import { rmse } from './rmse';
import { seededCounts } from './test-fixtures';

describe('rmse', () => {
  test('rmse(forecast, actual) of a hand-computed case: √((0 + 4 + 9) / 3)', () => {
    expect(rmse([1, 2, 3], [1, 4, 0])).toBeCloseTo(Math.sqrt(13 / 3), 12);
    expect(rmse([1, 2, 3], [1, 4, 0])).toBeCloseTo(2.0817, 4);
  });

  test('rmse(forecast, actual) matches the formula on seeded data', () => {
    for (const seed of [4, 5]) {
      const { forecast, actual } = seededCounts(seed, 500);
      const squares = Array.from(forecast, (f, i) => (f - actual[i]) ** 2);
      expect(rmse(forecast, actual)).toBeCloseTo(Math.sqrt(squares.reduce((a, b) => a + b, 0) / squares.length), 10);
    }
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero', [0, 0], [0, 0], 0],
    ['NaN', [NaN, 1], [1, 1], NaN],
    ['ties (errors of −1 and +1)', [1, 3], [2, 2], 1],
  ])('rmse(forecast, actual) edge case: %s', (_, forecast, actual, expected) => {
    expect(rmse(forecast, actual)).toEqual(expected);
  });

  test('rmse(forecast, actual) throws on mismatched lengths', () => {
    expect(() => rmse([1], [1, 2])).toThrow(/rmse: forecast has 1 values but actual has 2/);
  });
});
