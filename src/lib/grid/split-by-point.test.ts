import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../io/detect-mapping';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { binRange } from './bin-range';
import { hashPair } from './cell-cache';
import { cellOf } from './h3';
import { binPoints, joinByPoint, SIDE_TRIMMED_FIRST, SIDE_TRIMMED_LAST, splitByPoint } from './split-by-point';

/** Both sides binned on this thread and joined: what the CLI's two threads compute. */
function splitAndJoin(rows: Parameters<typeof binRange>[0], window: Parameters<typeof binRange>[1]): ReturnType<typeof binRange> {
  const split = splitByPoint(rows, window);
  return joinByPoint(split, [binPoints(rows.lat, rows.lng, window.res, split.side, 0), binPoints(split.other.lat, split.other.lng, window.res)]);
}

describe('splitByPoint + binPoints + joinByPoint', () => {
  // Six rows, three distinct points; rows at time 1 and 9 fall outside [2, 9).
  const rows = {
    time: Float64Array.of(5, 1, 2, 3, 9, 4),
    lat: Float64Array.of(41.88, 41.88, 41.9, 41.88, 41.9, 41.7),
    lng: Float64Array.of(-87.63, -87.63, -87.7, -87.63, -87.7, -87.6),
  };
  const window = { res: 8, start: 2, end: 9 };

  it('sends every row of one point to the same side (the top bit of its hash) and marks the trimmed rows', () => {
    const split = splitByPoint(rows, window);
    const sideOf = (i: number): number => hashPair(rows.lat[i], rows.lng[i]) >>> 31;
    expect([...split.side]).toEqual([sideOf(0), SIDE_TRIMMED_FIRST, sideOf(2), sideOf(0), SIDE_TRIMMED_LAST, sideOf(5)]);
    expect([split.trimmedFirst, split.trimmedLast]).toEqual([1, 1]);
    const others = [0, 2, 3, 5].filter((i) => split.side[i] === 1);
    expect([...split.other.lat]).toEqual(others.map((i) => rows.lat[i]));
    expect([...split.other.lng]).toEqual(others.map((i) => rows.lng[i]));
  });

  it('gives exactly what one binRange gives: cells in order of first appearance, ids, trimmed counts', () => {
    const joined = splitAndJoin(rows, window);
    const cells = [0, 2, 5].map((i) => cellOf({ lat: rows.lat[i], lng: rows.lng[i], res: 8 }));
    expect(joined.cells).toEqual([...new Set(cells)]);
    expect([...joined.cellId]).toEqual([0, -1, cells[1] === cells[0] ? 0 : 1, 0, -1, joined.cells.indexOf(cells[2])]);
    expect(joined).toEqual(binRange(rows, window));
  });

  it('joins sides of which one is empty, and refuses sides that do not match the split', () => {
    const one = { time: Float64Array.of(3, 4), lat: Float64Array.of(41.88, 41.88), lng: Float64Array.of(-87.63, -87.63) };
    expect(splitAndJoin(one, window)).toEqual(binRange(one, window));
    const split = splitByPoint(one, window);
    const empty = { cellId: new Int32Array(0), cells: [] };
    const full = binPoints(one.lat, one.lng, 8);
    expect(() => joinByPoint(split, [full, full])).toThrow(/the sides hold 2 and 2 rows/);
    expect(() => joinByPoint(split, [empty, empty])).toThrow();
  });

  it('bins the real Chicago file at res 8 and res 9 as binRange does, bit for bit', () => {
    const source = readArrow(new Uint8Array(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))), 'chicago.arrow');
    const incidents = loadIncidents([source], detectMapping([source]).mapping!);
    const { time, lat, lng } = incidents;
    const rows = { time, lat, lng };
    for (const res of [8, 9]) {
      // A window that trims the first and last 100 days' rows.
      const w = { res, start: time[0] + 100 * 86_400_000, end: time[time.length - 1] - 100 * 86_400_000 };
      const one = binRange(rows, w);
      const two = splitAndJoin(rows, w);
      expect(two.cells).toEqual(one.cells);
      expect(Buffer.from(two.cellId.buffer).equals(Buffer.from(one.cellId.buffer))).toBe(true);
      expect([two.trimmedFirst, two.trimmedLast]).toEqual([one.trimmedFirst, one.trimmedLast]);
      expect(one.trimmedFirst).toBeGreaterThan(0);
      // The sides part the points roughly in half.
      const split = splitByPoint(rows, w);
      expect(split.other.lat.length / (time.length - one.trimmedFirst - one.trimmedLast)).toBeGreaterThan(0.4);
      expect(split.other.lat.length / (time.length - one.trimmedFirst - one.trimmedLast)).toBeLessThan(0.6);
    }
  });
});
