import { describe, expect, test } from 'vitest';
import { mase } from './mase';
import { naiveScale } from './naive-scale';
import { seededCounts } from './test-fixtures';

describe('mase', () => {
  test('mase(forecast, actual, scale) of a hand-computed case: MAE 5/3 over scale 0.5', () => {
    expect(mase([1, 2, 3], [1, 4, 0], 0.5)).toBeCloseTo(10 / 3, 12);
  });

  test('mase(forecast, actual, naiveScale(training)) matches the formula on seeded data', () => {
    const cells = 40;
    const training = seededCounts(12, cells * 10).actual; // 10 periods × 40 cells
    const { forecast, actual } = seededCounts(13, cells);
    let naive = 0;
    for (let p = 1; p < 10; p++) for (let c = 0; c < cells; c++) naive += Math.abs(training[p * cells + c] - training[(p - 1) * cells + c]);
    naive /= 9 * cells;
    let error = 0;
    for (let c = 0; c < cells; c++) error += Math.abs(forecast[c] - actual[c]);
    error /= cells;
    expect(mase(forecast, actual, naiveScale(training, cells))).toBeCloseTo(error / naive, 10);
  });

  test.each([
    ['scale 0 (no change in training) is NaN, not ∞', [1], [2], 0, NaN],
    ['scale NaN', [1], [2], NaN, NaN],
    ['empty', [], [], 1, NaN],
    ['all zero', [0, 0], [0, 0], 2, 0],
    ['NaN forecast', [NaN], [1], 1, NaN],
    ['ties: errors of ±1 count alike', [1, 3], [2, 2], 2, 0.5],
  ])('mase(forecast, actual, scale) edge case: %s', (_, forecast, actual, scale, expected) => {
    expect(mase(forecast, actual, scale)).toEqual(expected);
  });

  test('mase(forecast, actual, scale) throws on a negative scale and on mismatched lengths', () => {
    expect(() => mase([1], [1], -1)).toThrow(/mase: scale is -1/);
    expect(() => mase([1], [1, 2], 1)).toThrow(/mase: forecast has 1 values but actual has 2/);
  });
});
