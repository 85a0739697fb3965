import { describe, expect, test } from 'vitest';
import { captureCurve } from './capture-curve';
import { hotspotScores } from './hotspot-scores';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

describe('captureCurve', () => {
  test('captureCurve([3, 2, 1], [6, 3, 0], equal areas, all in region, [0, 1/3, 0.5, 1]) of the worked example', () => {
    // 0 cells → 0; 1 cell → 6/9; half the area = cell 0 and half of cell 1 → (6 + 1.5)/9; all → 9/9
    const curve = captureCurve(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), [0, 1 / 3, 0.5, 1]);
    expect(Array.from(curve.hitRate)).toEqual([0, 6 / 9, 7.5 / 9, 1]);
    expect(Array.from(curve.coverage)).toEqual([0, 1 / 3, 0.5, 1]);
  });

  test('captureCurve(…) defaults to 101 levels 0, 0.01, …, 1, starting at 0 and ending at the region share of N', () => {
    // region holds 3 + 1 of the 5 incidents
    const curve = captureCurve([1, 2, 3, 4], [3, 0, 1, 1], equalAreas(4), [1, 1, 1, 0]);
    expect(curve.coverage.length).toBe(101);
    expect(curve.coverage[37]).toBe(0.37);
    expect(curve.hitRate[0]).toBe(0);
    expect(curve.hitRate[100]).toBe(4 / 5);
  });

  test('captureCurve(…) agrees with hotspotScores at every level and never decreases, on seeded data', () => {
    const { forecast, actual, area, region } = seededCounts(41, 300);
    const curve = captureCurve(forecast, actual, area, region);
    const scores = hotspotScores(forecast, actual, area, region, curve.coverage.subarray(1));
    scores.forEach((s, j) => {
      expect(curve.hitRate[j + 1]).toBe(s.hitRate);
      expect(curve.hitRate[j + 1]).toBeGreaterThanOrEqual(curve.hitRate[j]);
    });
  });

  test('captureCurve(…) of a shuffled grid reports each level in place', () => {
    const curve = captureCurve([3, 2, 1], [6, 3, 0], equalAreas(3), wholeRegion(3), [1, 0, 1 / 3]);
    expect(Array.from(curve.hitRate)).toEqual([1, 0, 6 / 9]);
  });

  test.each([
    ['all zero counts', [1, 2], [0, 0], [NaN, NaN]],
    ['a NaN count', [1, 2], [1, NaN], [NaN, NaN]],
    ['empty', [], [], [NaN, NaN]],
    ['all-zero forecast: the tie shares its fate, half of 4 incidents', [0, 0], [0, 4], [0, 0.5]],
  ])('captureCurve(forecast, actual, area, region, [0, 0.5]) edge case: %s', (_, forecast, actual, expected) => {
    const curve = captureCurve(forecast, actual, equalAreas(forecast.length), wholeRegion(forecast.length), [0, 0.5]);
    expect(Array.from(curve.hitRate)).toEqual(expected);
  });

  test('captureCurve(…) throws on a grid level outside [0, 1]', () => {
    expect(() => captureCurve([1], [1], [1], [1], [0, 1.2])).toThrow(/captureCurve: coverage must lie in \[0, 1\]/);
  });
});
