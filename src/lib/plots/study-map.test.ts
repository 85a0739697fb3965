import { describe, expect, it } from 'vitest';
import type { HexGeometry } from './hex-geometry';
import { studyMap } from './study-map';

const geometry: HexGeometry = {
  width: 200,
  height: 100,
  paths: ['M0,0Z', 'M1,1Z', 'M2,2Z', 'M3,3Z'],
  centres: new Float32Array(8),
  metresPerPixel: 50,
  outline: null,
  projection: { scale: 1000, translate: [100, 50] },
};

describe('studyMap', () => {
  it('studyMap(4 cells, coverage 1/3 of the region) marks the densest cell as the hotspot and leaves the cell outside the region out', () => {
    // Region: cells 0–2 (3 m²); 1/3 of it = 1 m² = the densest cell, cell 1 (4 incidents); cell 2 had none; cell 3 is outside.
    const map = studyMap({
      geometry,
      counts: [1, 4, 0, 9],
      area: [1, 1, 1, 1],
      region: [1, 1, 1, 0],
      coverage: 1 / 3,
      context: { land: 'M0,0L200,0L200,100Z', places: [{ name: 'Harbour', x: 20, y: 20, population: 5 }] },
      span: '2017-01-02 – 2017-12-25',
    });
    expect(map.cells).toEqual([
      { d: 'M0,0Z', kind: 1 },
      { d: 'M1,1Z', kind: 0 },
      { d: 'M2,2Z', kind: 2 },
    ]);
    expect(map.land).toBe('M0,0L200,0L200,100Z');
    expect(map.labels).toEqual([{ name: 'Harbour', x: 20, y: 20 }]);
    // 18 % of 200 px × 50 m/px = 1.8 km → 1 km = 20 px.
    expect(map.scale).toEqual({ pixels: 20, label: '1 km' });
    expect(map.caption).toBe(
      'The study region (3 cells) and its recorded hotspots, 2017-01-02 – 2017-12-25: the 1 cells of highest incident density that make 33.3 % of its area ' +
        "(in hindsight, for orientation; the hotspot metrics score each model's own selection per fold).",
    );
  });
});
