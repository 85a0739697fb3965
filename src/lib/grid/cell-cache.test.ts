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

  it('numbers cells by first appearance across its locator being used and set aside', () => {
    const rng = random(3);
    const next = (): number => rng.next();
    const lat: number[] = [];
    const lng: number[] = [];
    // 100,000 points scattered over 2° × 2° (about one to a res-10 cell: the first windows go
    // through the locator, then it is set aside), 100,000 in a 2 km square, the scattered ones again.
    for (let i = 0; i < 100_000; i++) {
      lat.push(40 + 2 * next());
      lng.push(-88 + 2 * next());
    }
    for (let i = 0; i < 100_000; i++) {
      lat.push(41.88 + 0.02 * next());
      lng.push(-87.63 + 0.02 * next());
    }
    for (let i = 0; i < 100_000; i++) {
      lat.push(lat[i]);
      lng.push(lng[i] + 1e-9);
    }
    const cache = new CellCache(10);
    const ids = lat.map((a, i) => cache.idOf(a, lng[i]));
    const first = new Map<string, number>();
    const want = lat.map((a, i) => {
      const cell = cellOf({ lat: a, lng: lng[i], res: 10 });
      if (!first.has(cell)) first.set(cell, first.size);
      return first.get(cell)!;
    });
    expect(ids).toEqual(want);
    expect(cache.cells).toEqual([...first.keys()]);
  });
});
