import { describe, expect, it } from 'vitest';
import { hotspotMap } from './hotspot-classes';

describe('hotspotMap', () => {
  it('hotspotMap flags the highest forecasts up to the coverage and classifies every cell', () => {
    // Five cells of equal area; cell 4 is outside the region. Coverage 0.5 of 4 region cells → 2 cells: 0 and 2.
    const forecast = [3, 1, 2, 0, 9];
    const actual = [0, 2, 1, 0, 5];
    const map = hotspotMap(forecast, actual, [1, 1, 1, 1, 1], [1, 1, 1, 1, 0], 0.5);
    expect(Array.from(map.classes)).toEqual([1, 2, 0, 3, 4]);
    expect(map.captured).toBe(1); // cell 2
    expect(map.total).toBe(8); // incidents outside the region count in N
    expect(map.areaShare).toBe(0.5);
    expect(map.flagged).toBe(2);
  });
});
