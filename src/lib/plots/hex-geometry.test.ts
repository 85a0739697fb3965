import { describe, expect, it } from 'vitest';
import { centreOf, diskOf } from '../grid/h3';
import { hexGeometry } from './hex-geometry';

const centre = '882664c1a9fffff'; // Chicago Loop, resolution 8
const disk = diskOf({ cell: centre, k: 1 }).flat(); // 1 + 6 cells

/** The vertices of an SVG path made of M/L commands. */
function vertices(d: string): [number, number][] {
  return d
    .replace(/Z$/, '')
    .slice(1)
    .split('L')
    .map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('hexGeometry', () => {
  it('projects each cell to a closed six-vertex path inside the padded drawing, centre cell in the middle', () => {
    const geometry = hexGeometry(disk, { width: 300, padding: 10 });
    expect(geometry.paths).toHaveLength(7);
    for (const d of geometry.paths) {
      const points = vertices(d);
      expect(points).toHaveLength(6);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(10 - 0.1);
        expect(x).toBeLessThanOrEqual(290 + 0.1);
        expect(y).toBeGreaterThanOrEqual(10 - 0.1);
        expect(y).toBeLessThanOrEqual(geometry.height - 10 + 0.1);
      }
    }
    // A k = 1 disk is about as tall as wide: the height follows the aspect, within the 0.5–1.4 clamp.
    expect(geometry.height).toBeGreaterThan(0.8 * 300);
    expect(geometry.height).toBeLessThan(1.25 * 300);
    expect(geometry.centres[0]).toBeCloseTo(150, 0); // the disk's first cell is its centre
    expect(geometry.centres[1]).toBeCloseTo(geometry.height / 2, 0);
    // The scale agrees with the ground: centre to neighbour in pixels × m/px ≈ their great-circle distance.
    const [a, b] = [centreOf(disk[0]), centreOf(disk[1])];
    const rad = Math.PI / 180;
    const metres =
      6_371_008.8 * Math.acos(Math.sin(a.lat * rad) * Math.sin(b.lat * rad) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((a.lng - b.lng) * rad));
    const pixels = Math.hypot(geometry.centres[2] - geometry.centres[0], geometry.centres[3] - geometry.centres[1]);
    expect((pixels * geometry.metresPerPixel) / metres).toBeCloseTo(1, 2);
    expect(geometry.outline).toBeNull();
  });

  it('fits and draws an outline of either winding in the same projection', () => {
    const square = [
      [-87.66, 41.86],
      [-87.6, 41.86],
      [-87.6, 41.9],
      [-87.66, 41.9],
      [-87.66, 41.86],
    ]; // counter-clockwise
    const geometry = hexGeometry(disk, { width: 300, outline: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } } });
    expect(geometry.outline).toMatch(/^M[\d.,L]+Z$/);
    const xs = vertices(geometry.outline!).map(([x]) => x);
    // The square is wider than the disk, so it sets the fit: it spans the padded width (to a pixel).
    expect(Math.abs(Math.min(...xs) - 8)).toBeLessThan(1);
    expect(Math.abs(Math.max(...xs) - 292)).toBeLessThan(1);
  });
});
