import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { foldInterval } from './fold-interval';
import { selectQuantiles } from './select-quantiles';

/** The definition `selectQuantiles` must equal: sort a copy (Float64Array order), then interpolate at q·(m − 1). */
function bySort(values: Float64Array, qs: readonly number[]): number[] {
  const sorted = values.slice().sort();
  const m = sorted.length;
  return qs.map((q) => {
    const position = q * (m - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, m - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  });
}

/** Same numbers, telling −0 from +0 and NaN from NaN as `Object.is` does. */
function expectSame(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Object.is(g, want[i]), `quantile ${i}: ${g} against ${want[i]}`).toBe(true));
}

const QS = [0, 0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975, 1];

describe('selectQuantiles(values, qs)', () => {
  test('selectQuantiles(Float64Array.of(4, 1, 3, 2), [0.5, 1]) interpolates between the 2nd and 3rd smallest: [2.5, 4]', () => {
    expect(selectQuantiles(Float64Array.of(4, 1, 3, 2), [0.5, 1])).toEqual([2.5, 4]);
    // m = 5, q = 0.1: position 0.4 between the smallest (10) and the second (20) → 14.
    expect(selectQuantiles(Float64Array.of(50, 20, 40, 10, 30), [0.1])).toEqual([14]);
    expect(selectQuantiles(Float64Array.of(7), [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(selectQuantiles(new Float64Array(0), [0.5])).toEqual([NaN]);
  });

  test.each([
    ['continuous', (r: ReturnType<typeof random>) => r.normal()],
    ['many ties (five values)', (r: ReturnType<typeof random>) => r.int(5) - 2],
    ['all equal', () => 3.25],
    ['±0 and ±1', (r: ReturnType<typeof random>) => [-0, 0, -1, 1][r.int(4)]],
    ['NaN among numbers', (r: ReturnType<typeof random>) => (r.int(7) === 0 ? NaN : r.normal())],
    ['±Infinity among numbers', (r: ReturnType<typeof random>) => [Infinity, -Infinity, r.normal()][r.int(3)]],
  ])('%s: the same numbers as sorting, on seeded arrays of 1 to 2,001 values', (_, draw) => {
    for (const [seed, m] of [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 10],
      [5, 97],
      [6, 2000],
      [7, 2001],
    ]) {
      const rng = random(seed);
      const values = Float64Array.from({ length: m }, () => draw(rng));
      expectSame(selectQuantiles(values.slice(), QS), bySort(values, QS));
      // Ascending and descending input (a quickselect's classic worst orders) give the same too.
      const sorted = values.slice().sort();
      expectSame(selectQuantiles(sorted.slice(), QS), bySort(values, QS));
      expectSame(selectQuantiles(sorted.slice().reverse(), QS), bySort(values, QS));
    }
  });

  test('leaves the values rearranged, not changed', () => {
    const values = Float64Array.from({ length: 500 }, (_, i) => (i * 37) % 101);
    const before = values.slice().sort();
    selectQuantiles(values, [0.025, 0.975]);
    expect(values.slice().sort()).toEqual(before);
  });

  test('refuses q outside [0, 1]', () => {
    expect(() => selectQuantiles(Float64Array.of(1, 2), [1.5])).toThrow('selectQuantiles: q must lie in [0, 1], got 1.5');
  });
});

describe('foldInterval with selection', () => {
  test('gives the interval of the full sort of its 2,000 resample means, on seeded fold scores with ties and NaN folds', () => {
    for (const seed of [11, 12, 13, 14]) {
      const rng = random(seed);
      // Hit rates of 52 folds: few distinct values (many ties), a few undefined folds.
      const values = Array.from({ length: 52 }, () => (rng.int(10) === 0 ? NaN : rng.int(6) / 5));
      const got = foldInterval(values, { seed });
      // The same resampling as foldInterval, with the sort it used before selection.
      const x = values.filter((v) => !Number.isNaN(v));
      const n = x.length;
      const block = Math.ceil(Math.cbrt(n));
      const draws = random(seed);
      const means = new Float64Array(2000);
      for (let r = 0; r < 2000; r++) {
        let total = 0;
        for (let filled = 0; filled < n;) {
          let at = draws.int(n);
          const stop = Math.min(filled + block, n);
          for (; filled < stop; filled++) {
            total += x[at];
            if (++at === n) at = 0;
          }
        }
        means[r] = total / n;
      }
      const [lo, hi] = bySort(means, [0.025, 0.975]);
      expect({ lo: got.lo, hi: got.hi, block: got.block }).toEqual({ lo, hi, block });
    }
  });
});
