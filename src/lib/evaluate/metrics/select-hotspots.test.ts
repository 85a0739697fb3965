import { describe, expect, test } from 'vitest';
import { selectHotspots } from './select-hotspots';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

describe('selectHotspots', () => {
  test.each([
    // forecast, area, region, coverage → whole cells, boundary cells, share, a, A
    ['a tie at the boundary is flagged in part', [1, 3, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.25, [], [1, 2], 0.5, 1, 4],
    ['a tie that fits is taken whole', [1, 3, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5, [1, 2], [], 0, 2, 4],
    ['the boundary cell is taken in part: 1 + ½·2 m² = 0.5·4', [3, 2, 1], [1, 2, 1], [1, 1, 1], 0.5, [0], [1], 0.5, 2, 4],
    ['cells outside the region are never taken', [9, 2, 1], [1, 1, 1], [0, 1, 1], 0.5, [1], [], 0, 1, 2],
    ['NaN forecasts rank last, tied with each other', [NaN, NaN, 0], [1, 1, 1], [1, 1, 1], 0.5, [2], [0, 1], 0.25, 1.5, 3],
    ['full coverage takes the whole region', [1, 2, 3], [1, 1, 1], [1, 1, 1], 1, [2, 1, 0], [], 0, 3, 3],
    ['a tiny coverage takes a sliver of one cell', [1, 2, 3], [1, 1, 1], [1, 1, 1], 0.001, [], [2], 0.003, 0.003, 3],
    ['empty region', [1, 2], [1, 1], [0, 0], 0.5, [], [], 0, 0, 0],
  ])('selectHotspots(forecast, area, region, c): %s', (_, forecast, area, region, coverage, cells, boundary, share, a, A) => {
    const s = selectHotspots(forecast, area, region, coverage);
    expect([Array.from(s.cells), Array.from(s.boundary), s.area, s.regionArea]).toEqual([cells, boundary, a, A]);
    expect(s.share).toBeCloseTo(share, 12);
  });

  test('selectHotspots(…) flags exactly c·A on seeded data: whole groups plus a share of the boundary group', () => {
    const { forecast, area, region } = seededCounts(31, 300);
    for (let i = 0; i < forecast.length; i++) forecast[i] = Math.round(forecast[i]); // ties
    for (const c of [0.02, 0.1, 0.3, 0.77]) {
      const s = selectHotspots(forecast, area, region, c);
      const sum = (cells: Int32Array) => cells.reduce((t, i) => t + area[i], 0);
      expect(sum(s.cells) + s.share * sum(s.boundary)).toBeCloseTo(c * s.regionArea, 4);
      const lowest = Math.min(...Array.from(s.cells, (i) => forecast[i]));
      for (const i of s.boundary) {
        expect(forecast[i]).toBe(forecast[s.boundary[0]]); // one tied group
        expect(forecast[i]).toBeLessThan(lowest);
      }
      const taken = new Set([...s.cells, ...s.boundary]);
      for (let i = 0; i < forecast.length; i++) if (region[i] === 1 && !taken.has(i)) expect(forecast[i]).toBeLessThan(forecast[s.boundary[0]]);
    }
  });

  test('selectHotspots(…) never looks at outcomes: it takes no actual counts at all', () => {
    expect(selectHotspots.length).toBe(4);
  });

  test.each([[0], [-0.5], [1.01], [NaN]])('selectHotspots(…, %d) throws on a coverage outside (0, 1]', (coverage) => {
    expect(() => selectHotspots([1], equalAreas(1), [1], coverage)).toThrow(/selectHotspots: coverage must lie in \(0, 1\]/);
  });

  test('selectHotspots(…) throws when a region cell has no area, naming the cell', () => {
    expect(() => selectHotspots([1, 2], [1, NaN], wholeRegion(2), 0.5)).toThrow(/area\[1\] is NaN/);
    expect(() => selectHotspots([1, 2], [1, NaN], [1, 0], 0.5)).not.toThrow();
  });
});
