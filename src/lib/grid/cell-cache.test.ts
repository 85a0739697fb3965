import { describe, expect, it } from 'vitest';
import { random } from '../base/random';
import { CellCache } from './cell-cache';
import { cellOf } from './h3';

describe('CellCache', () => {
  it('idOf gives the same cell as cellOf for 20 000 points with repeats, through several table growths', () => {
    const rng = random(11);
    const cache = new CellCache(9, 16);
    const points = Array.from({ length: 5000 }, () => [41.6 + rng.next() * 0.5, -87.9 + rng.next() * 0.4] as const);
    for (let i = 0; i < 20_000; i++) {
      const [lat, lng] = points[rng.int(points.length)];
      expect(cache.cells[cache.idOf(lat, lng)]).toBe(cellOf({ lat, lng, res: 9 }));
    }
  });

  it('gives dense ids in order of first appearance and one id per distinct cell', () => {
    const cache = new CellCache(7);
    const a = cache.idOf(37.3615593, -122.0553238);
    const b = cache.idOf(41.8781, -87.6298);
    const a2 = cache.idOf(37.3615594, -122.0553239); // another point in the same res-7 cell
    expect([a, b, a2]).toEqual([0, 1, 0]);
    expect(cache.cells).toEqual(['87283472bffffff', cellOf({ lat: 41.8781, lng: -87.6298, res: 7 })]);
  });

  it('distinguishes -0 from 0 by bits but maps both to the same cell', () => {
    const cache = new CellCache(5);
    expect(cache.idOf(0, -0)).toBe(cache.idOf(-0, 0));
  });
});
