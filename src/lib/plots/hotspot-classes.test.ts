import { describe, expect, it } from 'vitest';
import { hotspotMap } from './hotspot-classes';

describe('hotspotMap', () => {
  it('hotspotMap flags the highest forecasts up to the coverage and classifies every cell', () => {
    // Five cells of equal area; cell 4 is outside the region. Coverage 0.5 of 4 region cells → 2 cells: 0 and 2.
    const map = hotspotMap([3, 1, 2, 0, 9], [0, 2, 1, 0, 5], [1, 1, 1, 1, 1], [1, 1, 1, 1, 0], 0.5);
    expect(Array.from(map.classes)).toEqual([1, 4, 0, 5, 6]);
    expect([map.flagged, map.boundary, map.share]).toEqual([2, 0, 0]);
  });

  it('hotspotMap marks the tied cells at the boundary, flagged in part, apart from flagged and unflagged cells', () => {
    // Forecast (3, 1, 1, 1, 0), equal areas, c = 0.4 → 2 m²: cell 0 whole, then 1 m² of the 3 m² tie {1, 2, 3}.
    const map = hotspotMap([3, 1, 1, 1, 0], [0, 2, 0, 0, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], 0.4);
    expect(Array.from(map.classes)).toEqual([1, 2, 3, 3, 4]);
    expect([map.flagged, map.boundary]).toEqual([1, 3]);
    expect(map.share).toBeCloseTo(1 / 3, 12);
  });
});
