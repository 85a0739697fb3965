import { geoMercator } from 'd3';
import { describe, expect, it } from 'vitest';
import { cellOf, diskOf } from '../grid/h3';
import { cellPicker, insideRings, ringsOf } from './cell-picker';
import { hexGeometry } from './hex-geometry';

describe('ringsOf and insideRings', () => {
  it('reads the vertices of M/L/Z paths, one ring per M, and applies the even–odd rule', () => {
    const square = 'M0,0L10,0L10,10L0,10Z';
    expect(ringsOf(square)).toEqual([[0, 0, 10, 0, 10, 10, 0, 10]]);
    expect(ringsOf('M-1.5,2e1L3,4L5,6ZM7,8L9,10L11,12Z')).toEqual([
      [-1.5, 20, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
    expect(insideRings(ringsOf(square), 5, 5)).toBe(true);
    expect(insideRings(ringsOf(square), 10.5, 5)).toBe(false);
    // A hole (the inner square) is outside under the even–odd rule.
    const framed = ringsOf('M0,0L10,0L10,10L0,10ZM3,3L7,3L7,7L3,7Z');
    expect(insideRings(framed, 5, 5)).toBe(false);
    expect(insideRings(framed, 1, 5)).toBe(true);
  });
});

describe('cellPicker', () => {
  // A k = 20 disk at res 9 around the Loop: 1,261 cells, about 11 px across at 640 px wide.
  const cells = diskOf({ cell: cellOf({ lat: 41.88, lng: -87.63, res: 9 }), k: 20 }).flat();
  const geometry = hexGeometry(cells, { width: 640 });
  const pick = cellPicker(geometry.paths, geometry.centres);
  const projection = geoMercator()
    .scale(geometry.projection.scale)
    .translate([...geometry.projection.translate]);

  it('picks every cell at its centre, and H3 puts the un-projected centre in the same cell', () => {
    expect(cells).toHaveLength(1261);
    for (let i = 0; i < cells.length; i++) {
      const [x, y] = [geometry.centres[2 * i], geometry.centres[2 * i + 1]];
      expect(pick(x, y)).toBe(i);
      const [lng, lat] = projection.invert!([x, y])!;
      expect(cellOf({ lat, lng, res: 9 })).toBe(cells[i]);
    }
  });

  it('picks the cell near its corners (90 % of the way from centre to each vertex), not the nearest neighbour', () => {
    let tried = 0;
    for (let i = 0; i < cells.length; i += 7) {
      const [cx, cy] = [geometry.centres[2 * i], geometry.centres[2 * i + 1]];
      const [ring] = ringsOf(geometry.paths[i]);
      for (let v = 0; v < ring.length; v += 2) {
        expect(pick(cx + 0.9 * (ring[v] - cx), cy + 0.9 * (ring[v + 1] - cy))).toBe(i);
        tried++;
      }
    }
    expect(tried).toBe(181 * 6);
  });

  it('answers null outside every cell and for an empty map', () => {
    expect(pick(-50, -50)).toBeNull();
    expect(pick(geometry.width + 50, geometry.height / 2)).toBeNull();
    expect(cellPicker([], new Float32Array())(0, 0)).toBeNull();
  });
});
