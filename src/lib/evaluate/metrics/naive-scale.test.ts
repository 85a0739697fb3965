import { describe, expect, test } from 'vitest';
import { naiveScale } from './naive-scale';
import { seededCounts } from './test-fixtures';

describe('naiveScale', () => {
  test('naiveScale(counts, cells) of a hand-computed case: periods (1,0), (3,0), (3,2)', () => {
    // |3 − 1| + |0 − 0| + |3 − 3| + |2 − 0| = 4 over 2 pairs × 2 cells
    expect(naiveScale(new Float32Array([1, 0, 3, 0, 3, 2]), 2)).toBe(1);
  });

  test('naiveScale(counts, cells, 2) compares with two periods back', () => {
    // periods (1,0), (3,0), (3,2), (0,0): |3 − 1| + |2 − 0| + |0 − 3| + |0 − 0| = 7 over 2 × 2
    expect(naiveScale([1, 0, 3, 0, 3, 2, 0, 0], 2, 2)).toBe(7 / 4);
  });

  test('naiveScale(counts, cells, season) matches the formula on seeded data', () => {
    const cells = 25;
    const periods = 12;
    const counts = seededCounts(14, cells * periods).actual;
    for (const season of [1, 4]) {
      let sum = 0;
      for (let p = season; p < periods; p++) {
        for (let c = 0; c < cells; c++) sum += Math.abs(counts[p * cells + c] - counts[(p - season) * cells + c]);
      }
      expect(naiveScale(counts, cells, season)).toBeCloseTo(sum / ((periods - season) * cells), 12);
    }
  });

  test.each([
    ['empty', [], 3, 1, NaN],
    ['a single period: nothing to difference', [1, 2, 3], 3, 1, NaN],
    ['as many periods as the season', [1, 2, 3, 4], 2, 2, NaN],
    ['all zero: 0 (mase then gives NaN)', [0, 0, 0, 0], 2, 1, 0],
    ['NaN count', [1, NaN, 1, 1], 2, 1, NaN],
    ['constant counts (ties over time)', [2, 5, 2, 5, 2, 5], 2, 1, 0],
  ])('naiveScale(counts, cells, season) edge case: %s', (_, counts, cells, season, expected) => {
    expect(naiveScale(counts, cells, season)).toEqual(expected);
  });

  test.each([
    [[1, 2, 3], 2, 1, /naiveScale: counts has 3 values, not a whole number of periods of 2 cells/],
    [[1, 2], 0, 1, /naiveScale: cells must be a whole number ≥ 1, got 0/],
    [[1, 2], 1, 0.5, /naiveScale: season must be a whole number ≥ 1, got 0.5/],
  ])('naiveScale(%j, %d, %d) throws a specific error', (counts, cells, season, message) => {
    expect(() => naiveScale(counts, cells, season)).toThrow(message);
  });
});
