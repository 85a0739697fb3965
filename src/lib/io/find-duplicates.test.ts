import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { duplicateCandidates, repeatedRows, repeatsAmong } from './find-duplicates';

describe('duplicateCandidates (stage 1 of the duplicate finder)', () => {
  it('lists every kept row whose time, place and code another kept row has, and no other', () => {
    // Rows 0, 3 and 6 share a key; 1 and 4 differ only in code or longitude; 5 repeats 2 but is dropped; 7 repeats 1.
    const time = Float64Array.of(100, 200, 300, 100, 200, 300, 100, 200);
    const lat = Float64Array.of(41.8, 41.9, 41.7, 41.8, 41.9, 41.7, 41.8, 41.9);
    const lng = Float64Array.of(-87.6, -87.7, -87.5, -87.6, -87.71, -87.5, -87.6, -87.7);
    const codes = Int32Array.of(1, 2, 3, 1, 2, 3, 1, 2);
    const reasons = Uint8Array.of(0, 0, 0, 0, 0, 4, 0, 0);
    expect([...duplicateCandidates(time, lat, lng, codes, reasons)]).toEqual([0, 1, 3, 6, 7]);
    codes[7] = 9;
    expect([...duplicateCandidates(time, lat, lng, codes, reasons)]).toEqual([0, 3, 6]);
  });

  it('finds the pairs among 200 000 rows of 1 000 keys, where most probes meet other keys first', () => {
    const n = 200_000;
    const time = Float64Array.from({ length: n }, (_, i) => (i < 1000 ? i : 1e6 + i)); // rows ≥ 1000 are unique…
    const lat = new Float64Array(n).fill(41.8);
    const lng = new Float64Array(n).fill(-87.6);
    const codes = new Int32Array(n);
    for (let i = 0; i < 1000; i += 2) time[n - 1 - i] = time[i]; // …but 500 of them repeat one of rows 0, 2, …, 998
    const found = duplicateCandidates(time, lat, lng, codes, new Uint8Array(n));
    expect(found.length).toBe(1000);
    expect(found[0]).toBe(0);
    expect(found[499]).toBe(998);
    expect(found[500]).toBe(n - 999);
    expect(
      repeatsAmong(
        n,
        found,
        [...found].map((row) => String(time[row])),
      )[n - 1],
    ).toBe(0);
  });

  it('maps each repeating candidate to the first earlier row of equal text, in row order (repeatedRows), as repeatsAmong does per row', () => {
    const candidates = Int32Array.of(1, 4, 6, 9, 12);
    const texts = ['a', 'b', 'a', 'b', 'a'];
    const repeated = repeatedRows(candidates, texts);
    expect([...repeated]).toEqual([
      [6, 1],
      [9, 4],
      [12, 1],
    ]);
    const dense = repeatsAmong(13, candidates, texts);
    expect([...dense].flatMap((of, row) => (of >= 0 ? [[row, of]] : []))).toEqual([...repeated]);
  });

  it("equals a plain string-keyed grouping on Chicago's first 400,000 rows", () => {
    const table = tableFromIPC(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))).slice(0, 400_000);
    const n = table.numRows;
    const time = Float64Array.from(table.getChild('occurred_at')!.toArray() as BigInt64Array, Number);
    const lat = Float64Array.from(table.getChild('latitude')!.toArray() as Float64Array);
    const lng = Float64Array.from(table.getChild('longitude')!.toArray() as Float64Array);
    const codes = Int32Array.from(table.getChild('primary_type')!.toArray() as ArrayLike<string>, (value) => value.length); // a coarse code: more keys collide
    const reasons = Uint8Array.from(lat, (value, i) => (value !== value ? 3 : i % 97 === 0 ? 5 : 0));
    const rowsOf = new Map<string, number[]>();
    for (let row = 0; row < n; row++) {
      if (reasons[row] !== 0) continue;
      const key = `${time[row]} ${lat[row]} ${lng[row]} ${codes[row]}`;
      rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
    }
    const want = [...rowsOf.values()]
      .filter((rows) => rows.length > 1)
      .flat()
      .sort((a, b) => a - b);
    expect(want.length).toBeGreaterThan(1000);
    expect([...duplicateCandidates(time, lat, lng, codes, reasons)]).toEqual(want);
  });
});
