import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { naiveScale } from './naive-scale';
import { naiveScales } from './naive-scales';

describe('naiveScales(counts, cells, start, ends)', () => {
  test('naiveScales([1, 0, 3, 0, 3, 2], 2, 0, [1, 2, 3]): NaN (one period), then (2 + 0) / 2 = 1, then (2 + 0 + 0 + 2) / 4 = 1', () => {
    expect(Array.from(naiveScales([1, 0, 3, 0, 3, 2], 2, 0, [1, 2, 3]))).toEqual([NaN, 1, 1]);
    // From period 1: pairs (3,0)→(3,2) only: (0 + 2) / 2 = 1.
    expect(Array.from(naiveScales([1, 0, 3, 0, 3, 2], 2, 1, [3]))).toEqual([1]);
  });

  test('equals naiveScale of each span bit for bit, on seeded fractional counts (summation order matters there), with a NaN', () => {
    for (const seed of [1, 2, 3]) {
      const rng = random(seed);
      const C = 37;
      const P = 60;
      const counts = Float32Array.from({ length: C * P }, () => rng.next() * 3 * rng.int(3));
      if (seed === 3) counts[C * 40 + 5] = NaN;
      for (const start of [0, 7]) {
        const ends = [start + 1, start + 2, 30, 31, 45, 59, 60];
        const got = naiveScales(counts, C, start, ends);
        ends.forEach((end, e) => expect(Object.is(got[e], naiveScale(counts.subarray(start * C, end * C), C)), `seed ${seed}, [${start}, ${end})`).toBe(true));
      }
    }
  });

  test('refuses ends out of order or past the counts, and a cell count that is not a whole number ≥ 1', () => {
    expect(() => naiveScales([1, 2, 3, 4], 2, 0, [2, 1])).toThrow(
      'naiveScales: start and ends must be ascending period indexes from 0 to 2, got 0 then [2, 1]',
    );
    expect(() => naiveScales([1, 2, 3, 4], 2, 1, [3])).toThrow('from 0 to 2');
    expect(() => naiveScales([1, 2, 3, 4], 0, 0, [1])).toThrow('naiveScales: cells must be a whole number ≥ 1, got 0');
  });
});
