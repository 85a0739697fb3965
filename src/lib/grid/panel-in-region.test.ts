import { describe, expect, it } from 'vitest';
import type { Panel } from './panel';
import { panelInRegion } from './panel-in-region';
import { regionFromCells } from './study-region';

// 3 cells × 2 periods: a = 1, 4; b = 2, 5; c = 3, 6
const panel: Panel = {
  res: 8,
  bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
  cells: ['a', 'b', 'c'],
  area: Float64Array.of(10, 20, 30),
  periods: Float64Array.of(0, 7),
  end: 14,
  counts: Float32Array.of(1, 2, 3, 4, 5, 6),
};

describe('panelInRegion', () => {
  it('keeps the cells inside the region, in the panel’s order, with their areas and counts', () => {
    const inside = panelInRegion(panel, regionFromCells(panel, ['c', 'a']));
    expect(inside.cells).toEqual(['a', 'c']);
    expect([...inside.area]).toEqual([10, 30]);
    expect([...inside.counts]).toEqual([1, 3, 4, 6]);
    expect(inside.periods).toBe(panel.periods);
  });

  it('is the panel itself without a region', () => {
    expect(panelInRegion(panel, null)).toBe(panel);
  });
});
