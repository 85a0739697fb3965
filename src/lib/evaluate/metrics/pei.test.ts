import { describe, expect, test } from 'vitest';
import { pei } from './pei';
import { equalAreas, wholeRegion } from './test-fixtures';

// Formula checks on seeded data (and n* by brute force over subsets): hotspot-scores.test.ts.
describe('pei', () => {
  test.each([
    [1 / 3, 1],
    [2 / 3, 1],
    [1, 1],
  ])('pei([3, 2, 1], [6, 3, 0], equal areas, all in region, %d) = %d', (coverage, expected) => {
    expect(pei(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), coverage)).toBe(expected);
  });

  test.each([
    // reversed forecast (1, 2, 3) selects cell 2, then 1, then 0
    [1 / 3, 0 / 6],
    [2 / 3, 3 / 9],
    [1, 9 / 9],
  ])('pei([1, 2, 3], [6, 3, 0], …, %d) = %d: n over the best k cells', (coverage, expected) => {
    expect(pei([1, 2, 3], [6, 3, 0], equalAreas(3), wholeRegion(3), coverage)).toBe(expected);
  });

  test('pei(…) takes n* from region cells only: the 4 incidents outside cannot be captured', () => {
    // region cells 0–2 with counts (1, 2, 0); cell 3 outside has 4. Forecast picks cell 0: n = 1, n* = 2.
    expect(pei([3, 2, 1, 9], [1, 2, 0, 4], equalAreas(4), [1, 1, 1, 0], 1 / 3)).toBe(0.5);
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero counts (n* = 0)', [1, 2], [0, 0], NaN],
    ['a NaN count', [1, 2], [NaN, 1], NaN],
    ['ties in the counts: either busy cell is the best single cell', [2, 1], [3, 3], 1],
    ['ties in the forecast share their fate: n = 2 of n* = 3', [0, 0], [1, 3], 2 / 3],
  ])('pei(forecast, actual, area, region, 0.5) edge case: %s', (_, forecast, actual, expected) => {
    expect(pei(forecast, actual, equalAreas(forecast.length), wholeRegion(forecast.length), 0.5)).toEqual(expected);
  });
});
