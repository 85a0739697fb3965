import { describe, expect, it } from 'vitest';
import { duplicateCandidates, repeatsAmong } from './find-duplicates';

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
});
