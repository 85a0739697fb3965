import { readFileSync } from 'node:fs';
import { tableFromArrays, tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { candidateText, columnsOf, duplicateCandidates, repeatedByColumns, schemaKeys, type CandidatePlace } from './find-duplicates';

/**
 * The oracle for stage 2: each repeating candidate row (ascending) → the first earlier candidate
 * of equal whole-row text, by one string-keyed map — the plain way `repeatedByColumns` must agree with.
 */
function repeatedRows(candidates: Int32Array, texts: readonly string[]): Map<number, number> {
  const repeated = new Map<number, number>();
  const first = new Map<string, number>();
  candidates.forEach((row, i) => {
    const earlier = first.get(texts[i]);
    if (earlier === undefined) first.set(texts[i], row);
    else repeated.set(row, earlier);
  });
  return repeated;
}

/** A row's whole text for the oracle: its schema key, then its values' texts; a row with an unreadable value gets a text no other row has. */
function wholeRowText(key: number, columns: ReturnType<typeof columnsOf>, row: number, candidate: number): string {
  return `${key}\u0001${candidateText(columns, row) ?? `unreadable ${candidate}`}`;
}

/** Chicago's first `rows` rows with their decoded time, latitude and longitude. */
function chicago(rows: number): { table: Table; n: number; time: Float64Array; lat: Float64Array; lng: Float64Array } {
  const table = tableFromIPC(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))).slice(0, rows);
  const time = Float64Array.from(table.getChild('occurred_at')!.toArray() as BigInt64Array, Number);
  const lat = Float64Array.from(table.getChild('latitude')!.toArray() as Float64Array);
  const lng = Float64Array.from(table.getChild('longitude')!.toArray() as Float64Array);
  return { table, n: table.numRows, time, lat, lng };
}

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
      repeatedRows(
        found,
        [...found].map((row) => String(time[row])),
      ).get(n - 1),
    ).toBe(0);
  });

  it('the oracle maps each repeating candidate to the first earlier row of equal text, in row order', () => {
    expect([...repeatedRows(Int32Array.of(1, 4, 6, 9, 12), ['a', 'b', 'a', 'b', 'a'])]).toEqual([
      [6, 1],
      [9, 4],
      [12, 1],
    ]);
  });

  it("equals a plain string-keyed grouping on Chicago's first 400,000 rows", () => {
    const { table, n, time, lat, lng } = chicago(400_000);
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

  it('compares candidates column by column as whole-row texts would (repeatedByColumns): types, nulls and files of other columns', () => {
    const a = tableFromArrays({ id: Int32Array.of(7, 7, 8, 7, 7), kind: ['x', 'x', 'x', 'y', 'x'], n: Float64Array.of(1, 1, 1, 1, NaN) });
    // b has a's columns, its `id` as text: '7' never equals 7; c has other columns: never equals a row of a.
    const b = tableFromArrays({ id: ['7', '7'], kind: ['x', 'x'], n: Float64Array.of(1, 1) });
    const c = tableFromArrays({ id: Int32Array.of(7), kind: ['x'] });
    const keys = schemaKeys([a.schema, b.schema, c.schema]);
    expect(keys).toEqual([0, 0, 2]);
    const files = [a, b, c].map((table, f) => ({ key: keys[f], columns: columnsOf(table), rows: table.numRows }));
    const placeOf = (row: number): { key: number; columns: ReturnType<typeof columnsOf>; row: number } => {
      let local = row;
      for (const file of files) {
        if (local < file.rows) return { key: file.key, columns: file.columns, row: local };
        local -= file.rows;
      }
      throw new Error(`no row ${row}`);
    };
    const candidates = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
    const repeated = repeatedByColumns(candidates, (i) => placeOf(candidates[i]));
    // Row 1 repeats row 0 (2 differs in id, 3 in kind, 4 in n); row 6 repeats row 5 (b's two equal rows); row 7 (file c) repeats none.
    expect([...repeated]).toEqual([
      [1, 0],
      [6, 5],
    ]);
    const texts = Array.from(candidates, (row) => wholeRowText(placeOf(row).key, placeOf(row).columns, placeOf(row).row, row));
    expect([...repeatedRows(candidates, texts)]).toEqual([...repeated]);
    // The same from value texts taken beforehand (a batch not held), for every other candidate: mixed places decide alike.
    const taken = (i: number): CandidatePlace => {
      const place = placeOf(candidates[i]);
      return i % 2 ? { key: place.key, text: candidateText(place.columns, place.row) } : place;
    };
    expect([...repeatedByColumns(candidates, taken)]).toEqual([...repeated]);
    expect(candidateText(columnsOf(a), 4)).toBe('n7\u0000s1:xnNaN\u0000');
  });

  it("finds what whole-row texts find among Chicago's first 20,000 rows read twice, as two files", () => {
    const { table, n, time, lat, lng } = chicago(20_000);
    const codes = new Int32Array(n); // one code: every row of a time and place is a candidate
    const twice = <T extends Float64Array | Int32Array>(array: T): T => {
      const out = new (array.constructor as new (length: number) => T)(2 * n);
      out.set(array);
      out.set(array, n);
      return out;
    };
    const candidates = duplicateCandidates(twice(time), twice(lat), twice(lng), twice(codes), new Uint8Array(2 * n));
    const columns = columnsOf(table);
    const placeOf = (i: number): { key: number; columns: typeof columns; row: number } => ({ key: 0, columns, row: candidates[i] % n });
    const repeated = repeatedByColumns(candidates, placeOf);
    const texts = Array.from(candidates, (row, i) => wholeRowText(0, columns, placeOf(i).row, row));
    expect([...repeated]).toEqual([...repeatedRows(candidates, texts)]);
    // Each row of the second copy repeats its row in the first; the first copy repeats nothing (ids differ).
    expect(repeated.size).toBe(n);
    expect(repeated.get(n + 12_345)).toBe(12_345);
    expect([...repeated.keys()].every((row) => row >= n)).toBe(true);
  });
});
