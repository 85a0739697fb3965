import { describe, expect, it } from 'vitest';
import { selectKth } from './select-kth';

describe('selectKth', () => {
  it.each([
    [[5, 1, 4, 2, 3], 0, 1],
    [[5, 1, 4, 2, 3], 2, 3],
    [[5, 1, 4, 2, 3], 4, 5],
    [[7], 0, 7],
    [[2, 2, 2, 1, 2], 0, 1],
    [[2, 2, 2, 1, 2], 3, 2],
  ])('selectKth(%j, %d) → %d', (values, k, expected) => {
    expect(selectKth(Float64Array.from(values), k)).toBe(expected);
  });

  it('selectKth agrees with sorting on seeded random data with many ties, for every k of a small array and 50 k of a large one', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const small = Float64Array.from({ length: 37 }, () => Math.floor(random() * 10));
    const sortedSmall = small.slice().sort();
    for (let k = 0; k < small.length; k++) expect(selectKth(small.slice(), k)).toBe(sortedSmall[k]);
    const large = Float64Array.from({ length: 20_000 }, () => Math.round(random() * 500) / 10 - 25);
    const sortedLarge = large.slice().sort();
    for (let j = 0; j < 50; j++) {
      const k = Math.floor(random() * large.length);
      expect(selectKth(large.slice(), k)).toBe(sortedLarge[k]);
    }
  });

  it('selectKth leaves smaller-or-equal values before k and larger-or-equal after', () => {
    const a = Float64Array.of(9, 3, 7, 1, 8, 2, 6, 4, 5);
    const kth = selectKth(a, 4);
    expect(kth).toBe(5);
    expect(Array.from(a.subarray(0, 4)).every((v) => v <= 5)).toBe(true);
    expect(Array.from(a.subarray(5)).every((v) => v >= 5)).toBe(true);
  });

  it('selectKth rejects k outside the array', () => {
    expect(() => selectKth(Float64Array.of(1, 2), 2)).toThrow('selectKth: k = 2 is outside 0..1');
  });
});
