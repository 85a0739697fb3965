import { describe, expect, test } from 'vitest';
import { pai } from './pai';
import { equalAreas, wholeRegion } from './test-fixtures';

// Formula checks on seeded data against a plain reference: hotspot-scores.test.ts.
describe('pai', () => {
  test.each([
    [1 / 3, 2],
    [2 / 3, 1.5],
    [1, 1],
  ])('pai([3, 2, 1], [6, 3, 0], equal areas, all in region, %d) = %d', (coverage, expected) => {
    expect(pai(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), coverage)).toBeCloseTo(expected, 12);
  });

  test('pai(…) flags exactly c·A: cell 0 and half of the 2 m² cell 1 → (1.5/4)/(2/4) = 0.75', () => {
    expect(pai([3, 2, 1], [1, 1, 2], [1, 2, 1], wholeRegion(3), 0.5)).toBeCloseTo(0.75, 12);
  });

  test('pai(…) of a forecast that ranks the busiest cell last is 0 at 1/3', () => {
    expect(pai([1, 2, 3], [6, 3, 0], equalAreas(3), wholeRegion(3), 1 / 3)).toBe(0);
  });

  test.each([
    ['empty', [], [], [], NaN],
    ['all zero counts', [1, 2], [0, 0], [1, 1], NaN],
    ['a NaN count', [1, 2], [NaN, 1], [1, 1], NaN],
    ['an empty region', [1, 2], [1, 1], [0, 0], NaN],
    ['ties share their fate: half of 4 incidents, (2/4)/(1/2)', [5, 5], [3, 1], [1, 1], 1],
  ])('pai(forecast, actual, area, region, 0.5) edge case: %s', (_, forecast, actual, region, expected) => {
    expect(pai(forecast, actual, equalAreas(forecast.length), region, 0.5)).toEqual(expected);
  });
});
