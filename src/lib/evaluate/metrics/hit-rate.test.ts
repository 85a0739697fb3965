import { describe, expect, test } from 'vitest';
import { hitRate } from './hit-rate';
import { equalAreas, wholeRegion } from './test-fixtures';

// Formula checks on seeded data against a plain reference: hotspot-scores.test.ts.
describe('hitRate', () => {
  test.each([
    [1 / 3, 6 / 9],
    [2 / 3, 1],
    [1, 1],
  ])('hitRate([3, 2, 1], [6, 3, 0], equal areas, all in region, %d) = %d', (coverage, expected) => {
    expect(hitRate(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), coverage)).toBe(expected);
  });

  test.each([
    ['the incidents in cell 2: a quarter of the tie is flagged', [0, 0, 5, 0], 0.25],
    ['the same incidents in cell 0: the same score', [5, 0, 0, 0], 0.25],
  ])('hitRate(forecast, actual, area, region, 0.25) does not let the cell order break ties: %s', (_, actual, expected) => {
    expect(hitRate([1, 1, 1, 1], actual, equalAreas(4), wholeRegion(4), 0.25)).toBe(expected);
  });

  test('hitRate(…) counts incidents outside the region in N: 4 of 8', () => {
    expect(hitRate([3, 2, 1, 9], [4, 0, 0, 4], equalAreas(4), [1, 1, 1, 0], 1 / 3)).toBe(0.5);
  });

  test('hitRate(…) ranks a NaN forecast last', () => {
    // forecasts (NaN, 1, 0): order 1, 2, 0 — the incident in cell 0 is reached only at full coverage.
    expect(hitRate([NaN, 1, 0], [3, 0, 0], equalAreas(3), wholeRegion(3), 2 / 3)).toBe(0);
    expect(hitRate([NaN, 1, 0], [3, 0, 0], equalAreas(3), wholeRegion(3), 1)).toBe(1);
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero counts', [1, 2], [0, 0], NaN],
    ['a NaN count', [1, 2], [1, NaN], NaN],
    ['all-zero forecast (ties)', [0, 0], [1, 1], 0.5],
  ])('hitRate(forecast, actual, area, region, 0.5) edge case: %s', (_, forecast, actual, expected) => {
    expect(hitRate(forecast, actual, equalAreas(forecast.length), wholeRegion(forecast.length), 0.5)).toEqual(expected);
  });

  test('hitRate(…) throws on a coverage outside (0, 1]', () => {
    expect(() => hitRate([1], [1], [1], [1], -0.1)).toThrow(/coverage must lie in \(0, 1\]/);
  });
});
