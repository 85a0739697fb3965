import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { sortByKey } from './sort-by-key';

/** The reference: a comparison sort of `order` by key (descending or ascending), −0 = +0, NaN last, ties in `order`'s order. */
function comparisonSort(keys: ArrayLike<number>, order: Int32Array, descending: boolean): Int32Array {
  const rank = new Map(Array.from(order, (c, k) => [c, k]));
  return Int32Array.from(order).sort((i, j) => {
    const x = keys[i];
    const y = keys[j];
    if (x !== x || y !== y) return x !== x && y !== y ? rank.get(i)! - rank.get(j)! : x !== x ? 1 : -1;
    if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    return rank.get(i)! - rank.get(j)!;
  });
}

describe('sortByKey(keys, order, descending)', () => {
  test('a worked example: [5, 1, 5, NaN, 3] descending → 0, 2, 4, 1, 3; ascending → 1, 4, 0, 2, 3', () => {
    const order = Int32Array.of(0, 1, 2, 3, 4);
    expect(Array.from(sortByKey([5, 1, 5, NaN, 3], order, true))).toEqual([0, 2, 4, 1, 3]);
    expect(Array.from(sortByKey(Float32Array.of(5, 1, 5, NaN, 3), order, false))).toEqual([1, 4, 0, 2, 3]);
    expect(Array.from(order)).toEqual([0, 1, 2, 3, 4]); // left as it was
  });

  test('sorts after sorts of other sizes and key types as the comparison sort does (its working arrays are reused; seeded)', () => {
    const rng = random(41);
    const values = [0, -0, 1, 2.5, -3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const m of [3000, 7, 0, 1, 12000, 500, 40, 12000, 2]) {
      const n = m + rng.int(5);
      const drawn = Array.from({ length: n }, () => (rng.next() < 0.5 ? values[rng.int(values.length)] : rng.normal() * 100));
      const order = Int32Array.from({ length: m }, () => rng.int(n)).filter((c, k, all) => all.indexOf(c) === k);
      for (const keys of [Float64Array.from(drawn), Float32Array.from(drawn)]) {
        for (const descending of [true, false]) {
          const got = sortByKey(keys, order, descending);
          expect(Array.from(got)).toEqual(Array.from(comparisonSort(keys, order, descending)));
        }
      }
    }
  });
});
