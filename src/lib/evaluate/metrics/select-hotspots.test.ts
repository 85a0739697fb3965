import { describe, expect, test } from 'vitest';
import { selectHotspots } from './select-hotspots';
import { equalAreas, seededCounts } from './test-fixtures';

describe('selectHotspots', () => {
  test.each([
    // forecast, area, region, coverage → cells, a, A
    ['ties by cell index: cell 1 before cell 2', [1, 3, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5, [1, 2], 2, 4],
    ['the last cell overshoots: 1 + 2 m² ≥ 0.5·4', [3, 2, 1], [1, 2, 1], [1, 1, 1], 0.5, [0, 1], 3, 4],
    ['cells outside the region are never taken', [9, 2, 1], [1, 1, 1], [0, 1, 1], 0.5, [1], 1, 2],
    ['NaN forecasts rank last, by index', [NaN, NaN, 0], [1, 1, 1], [1, 1, 1], 1, [2, 0, 1], 3, 3],
    ['full coverage takes the whole region', [1, 2, 3], [1, 1, 1], [1, 1, 1], 1, [2, 1, 0], 3, 3],
    ['a tiny coverage still takes one cell', [1, 2, 3], [1, 1, 1], [1, 1, 1], 1e-9, [2], 1, 3],
    ['empty region', [1, 2], [1, 1], [0, 0], 0.5, [], 0, 0],
  ])('selectHotspots(forecast, area, region, c): %s', (_, forecast, area, region, coverage, cells, a, A) => {
    const s = selectHotspots(forecast, area, region, coverage);
    expect([Array.from(s.cells), s.area, s.regionArea]).toEqual([cells, a, A]);
  });

  test('selectHotspots(…) matches the definition on seeded data: smallest prefix of the ranking whose area reaches c·A', () => {
    const { forecast, area, region } = seededCounts(31, 300);
    for (let i = 0; i < forecast.length; i++) forecast[i] = Math.round(forecast[i]); // ties
    const ranked = Array.from({ length: forecast.length }, (_, i) => i)
      .filter((i) => region[i] === 1)
      .sort((i, j) => forecast[j] - forecast[i] || i - j);
    const A = ranked.reduce((s, i) => s + area[i], 0);
    for (const c of [0.02, 0.1, 0.3, 0.77]) {
      const s = selectHotspots(forecast, area, region, c);
      let k = 0;
      let a = 0;
      while (a < c * A) a += area[ranked[k++]];
      expect(Array.from(s.cells)).toEqual(ranked.slice(0, k));
      expect(s.area).toBeCloseTo(a, 6);
      expect(s.area - area[s.cells[k - 1]]).toBeLessThan(c * A); // one cell fewer would fall short
    }
  });

  test('selectHotspots(…) never looks at outcomes: it takes no actual counts at all', () => {
    expect(selectHotspots.length).toBe(4);
  });

  test.each([[0], [-0.5], [1.01], [NaN]])('selectHotspots(…, %d) throws on a coverage outside (0, 1]', (coverage) => {
    expect(() => selectHotspots([1], equalAreas(1), [1], coverage)).toThrow(/selectHotspots: coverage must lie in \(0, 1\]/);
  });

  test('selectHotspots(…) throws when a region cell has no area, naming the cell', () => {
    expect(() => selectHotspots([1, 2], [1, NaN], [1, 1], 0.5)).toThrow(/area\[1\] is NaN/);
    expect(() => selectHotspots([1, 2], [1, NaN], [1, 0], 0.5)).not.toThrow();
  });
});
