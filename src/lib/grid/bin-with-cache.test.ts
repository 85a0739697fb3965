import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../io/detect-mapping';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { binRange } from './bin-range';
import { binWithCache, lookUpRows, NOT_CACHED, warmCache } from './bin-with-cache';
import { CellCache } from './cell-cache';
import { areaOf, cellOf } from './h3';

describe('binWithCache + warmCache', () => {
  // Six rows, three distinct points; rows at time 1 and 9 fall outside [2, 9).
  const rows = {
    time: Float64Array.of(5, 1, 2, 3, 9, 4),
    lat: Float64Array.of(41.88, 41.88, 41.9, 41.88, 41.9, 41.7),
    lng: Float64Array.of(-87.63, -87.63, -87.7, -87.63, -87.7, -87.6),
  };
  const window = { res: 8, start: 2, end: 9 };

  it('numbers the cells by first appearance among the rows, whatever order the cache met them in', () => {
    const cache = new CellCache(8);
    warmCache(cache, Float64Array.of(41.7, 41.9, 41.88), Float64Array.of(-87.6, -87.7, -87.63)); // the rows' points, backwards
    const cells = [41.7, 41.9, 41.88].map((lat, i) => cellOf({ lat, lng: [-87.6, -87.7, -87.63][i], res: 8 }));
    expect(cache.cells).toEqual([...new Set(cells)]);
    const binned = binWithCache(rows, window, CellCache.fromState(cache.state()));
    expect(binned.cells).toEqual([...new Set([cells[2], cells[1], cells[0]])]);
    expect(binned).toEqual(binRange(rows, window));
  });

  it('skips points a load drops (NaN, 0/0, out of range) when warming, and looks up a point the cache lacks when binning', () => {
    const cache = new CellCache(8, 16, true);
    warmCache(cache, Float64Array.of(NaN, 0, 91, 41.9, 41.9), Float64Array.of(-87.6, 0, 10, Infinity, -87.7));
    expect(cache.state().size).toBe(1); // only (41.9, -87.7)
    expect(cache.state().keys.buffer).toBeInstanceOf(SharedArrayBuffer);
    const continued = CellCache.fromState(cache.state());
    expect(binWithCache(rows, window, continued)).toEqual(binRange(rows, window)); // 41.88/-87.63 and 41.7/-87.6 looked up here
    expect(continued.state().size).toBe(3);
  });

  it('takes rows looked up in two parts (as two threads do), with a point the cache lacks marked and added after', () => {
    const cache = new CellCache(8, 16, true);
    warmCache(cache, Float64Array.of(41.88, 41.9), Float64Array.of(-87.63, -87.7)); // not 41.7/-87.6
    const looked = new Int32Array(new SharedArrayBuffer(6 * 4));
    lookUpRows(rows, window, cache, 3, 6, looked);
    lookUpRows(rows, window, cache, 0, 3, looked);
    expect([...looked]).toEqual([0, -1, 1, 0, -1, NOT_CACHED]);
    expect(binWithCache(rows, window, cache, looked)).toEqual(binRange(rows, window));
    expect(cache.find(41.7, -87.6)).toBeGreaterThanOrEqual(0);
  });

  it("gives the areas the cache's filler computed for its cells, in the result's order, NaN for a cell found after them", () => {
    const cache = new CellCache(8, 16, true);
    warmCache(cache, Float64Array.of(41.9, 41.88), Float64Array.of(-87.7, -87.63)); // not 41.7/-87.6
    const areas = Float64Array.from(cache.cells, areaOf);
    const binned = binWithCache(rows, window, CellCache.fromState(cache.state()), undefined, areas);
    const { areas: got, ...cells } = binned;
    expect(cells).toEqual(binRange(rows, window));
    // The result's cells by first appearance: 41.88/-87.63, 41.9/-87.7, then 41.7/-87.6, which the cache lacked.
    expect(Array.from(got!)).toEqual([areas[1], areas[0], NaN]);
    expect(got![0]).toBeGreaterThan(700_000); // a res-8 cell near Chicago: about 0.74 km²
  });

  it('refuses a cache at another resolution', () => {
    expect(() => binWithCache(rows, window, new CellCache(9))).toThrow(/res 9 cells, the binning asks for res 8/);
  });

  it('bins the real Chicago file at res 8 and 9 as binRange does, bit for bit, with a cache warmed on every raw row', () => {
    const source = readArrow(new Uint8Array(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))), 'chicago.arrow');
    const mapping = detectMapping([source]).mapping!;
    const incidents = loadIncidents([source], mapping);
    const rawLat = Float64Array.from(source.table.getChild('latitude')!.toArray() as ArrayLike<number>);
    const rawLng = Float64Array.from(source.table.getChild('longitude')!.toArray() as ArrayLike<number>);
    const { time, lat, lng } = incidents;
    for (const res of [8, 9]) {
      // A window that trims the first and last 100 days' rows.
      const day = 86_400_000;
      const window = { res, start: time.reduce((a, b) => Math.min(a, b)) + 100 * day, end: time.reduce((a, b) => Math.max(a, b)) - 100 * day };
      const cache = new CellCache(res, 1 << 16, true);
      // In two batches, as a streamed load sends them.
      const half = rawLat.length >>> 1;
      warmCache(cache, rawLat.subarray(0, half), rawLng.subarray(0, half));
      warmCache(cache, rawLat.subarray(half), rawLng.subarray(half));
      const warmed = cache.state().size;
      const continued = CellCache.fromState(cache.state());
      const binned = binWithCache({ time, lat, lng }, window, continued);
      expect(continued.state().size).toBe(warmed); // every kept point was in the cache
      const whole = binRange({ time, lat, lng }, window);
      expect(binned.trimmedFirst).toBeGreaterThan(0);
      expect(binned.cells).toEqual(whole.cells);
      expect(Buffer.from(binned.cellId.buffer).equals(Buffer.from(whole.cellId.buffer))).toBe(true);
      expect([binned.trimmedFirst, binned.trimmedLast]).toEqual([whole.trimmedFirst, whole.trimmedLast]);
    }
  });
});
