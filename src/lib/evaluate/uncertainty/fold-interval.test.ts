import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { foldInterval } from './fold-interval';
import { plainBlockBootstrap as reference } from '../../../../test/fixtures/plain-block-bootstrap';

/** n values of an AR(1) series x_t = φ x_{t−1} + e_t around `centre`. */
function ar1(seed: number, n: number, phi: number, centre: number): number[] {
  const rng = random(seed);
  const out: number[] = [];
  let x = 0;
  for (let t = 0; t < n; t++) {
    x = phi * x + rng.normal();
    out.push(centre + x);
  }
  return out;
}

describe('foldInterval', () => {
  test('foldInterval(values, { seed, block: 1, resamples: 4 }) of a hand-traced case', () => {
    // values (1, 2, 3, 6), mean 3. With block 1 each resample is 4 draws of random(7).int(4).
    const rng = random(7);
    const means = Array.from({ length: 4 }, () => [0, 1, 2, 3].reduce((s) => s + [1, 2, 3, 6][rng.int(4)], 0) / 4).sort((a, b) => a - b);
    // level 0.5: quantiles 0.25 and 0.75 at positions 0.75 and 2.25 of the 4 sorted means
    const lo = means[0] + 0.75 * (means[1] - means[0]);
    const hi = means[2] + 0.25 * (means[3] - means[2]);
    const result = foldInterval([1, 2, 3, 6], { seed: 7, block: 1, resamples: 4, level: 0.5 });
    expect(result).toEqual({ mean: 3, lo, hi, n: 4, nanCount: 0, block: 1 });
  });

  test('foldInterval(values, options) matches a plain circular block bootstrap on seeded data', () => {
    for (const [seed, n, block, level] of [
      [71, 52, 4, 0.95],
      [72, 26, 3, 0.9],
      [73, 10, 10, 0.8],
    ]) {
      const values = ar1(seed, n, 0.5, 1);
      values[3] = NaN;
      const want = reference(values, seed + 100, block, 500, level);
      const got = foldInterval(values, { seed: seed + 100, block, resamples: 500, level });
      expect(got.mean).toBeCloseTo(want.mean, 12);
      expect(got.lo).toBeCloseTo(want.lo, 12);
      expect(got.hi).toBeCloseTo(want.hi, 12);
      expect([got.n, got.nanCount]).toEqual([n - 1, 1]);
    }
  });

  test('foldInterval(…) sums every resample in the plain order: the same bits, four at a time or one (503 and 3 resamples)', () => {
    const values = ar1(74, 52, 0.5, 0.37);
    for (const resamples of [503, 3]) {
      const want = reference(values, 9, 4, resamples, 0.9);
      const got = foldInterval(values, { seed: 9, block: 4, resamples, level: 0.9 });
      expect([got.mean, got.lo, got.hi]).toEqual([want.mean, want.lo, want.hi]);
    }
  });

  test('foldInterval(values, { seed }) defaults to blocks of ⌈n^(1/3)⌉ and 2000 resamples', () => {
    const values = ar1(74, 52, 0.3, 0);
    expect(foldInterval(values, { seed: 1 }).block).toBe(4); // ∛52 = 3.73
    expect(foldInterval(values.slice(0, 27), { seed: 1 }).block).toBe(3); // ∛27 = 3
    const want = reference(values, 1, 4, 2000, 0.95);
    const got = foldInterval(values, { seed: 1 });
    expect([got.lo, got.hi]).toEqual([want.lo, want.hi]);
  });

  test('foldInterval(…) is deterministic for a seed and changes with it', () => {
    const values = ar1(75, 40, 0.5, 2);
    expect(foldInterval(values, { seed: 9 })).toEqual(foldInterval(values, { seed: 9 }));
    expect(foldInterval(values, { seed: 9 }).lo).not.toBe(foldInterval(values, { seed: 10 }).lo);
  });

  test('foldInterval(…) with blocks is wider than the i.i.d. bootstrap on positively correlated folds', () => {
    const values = ar1(76, 52, 0.7, 0);
    const iid = foldInterval(values, { seed: 3, block: 1 });
    const blocks = foldInterval(values, { seed: 3, block: 6 });
    expect(blocks.hi - blocks.lo).toBeGreaterThan(1.3 * (iid.hi - iid.lo));
  });

  test('foldInterval(…) covers the true mean of AR(1) folds in most of 200 repeats', () => {
    let covered = 0;
    for (let r = 0; r < 200; r++) {
      const { lo, hi } = foldInterval(ar1(1000 + r, 52, 0.4, 5), { seed: r, resamples: 500 });
      if (lo <= 5 && 5 <= hi) covered++;
    }
    // Block bootstraps under-cover a little at n = 52; an i.i.d. one would sit near 0.8 here.
    expect(covered / 200).toBeGreaterThan(0.85);
    expect(covered / 200).toBeLessThanOrEqual(1);
  });

  test.each([
    ['empty', [], { mean: NaN, lo: NaN, hi: NaN, n: 0, nanCount: 0, block: 0 }],
    ['one fold', [2], { mean: 2, lo: NaN, hi: NaN, n: 1, nanCount: 0, block: 0 }],
    ['all NaN', [NaN, NaN], { mean: NaN, lo: NaN, hi: NaN, n: 0, nanCount: 2, block: 0 }],
    ['one fold left after NaN', [NaN, 4, NaN], { mean: 4, lo: NaN, hi: NaN, n: 1, nanCount: 2, block: 0 }],
    ['all zero', [0, 0, 0, 0], { mean: 0, lo: 0, hi: 0, n: 4, nanCount: 0, block: 2 }],
    ['ties: all equal', [2.5, 2.5, 2.5], { mean: 2.5, lo: 2.5, hi: 2.5, n: 3, nanCount: 0, block: 2 }],
  ])('foldInterval(values, { seed: 1 }) edge case: %s', (_, values, expected) => {
    expect(foldInterval(values, { seed: 1 })).toEqual(expected);
  });

  test('foldInterval(…) of equal inexact values (0.1) gives lo = mean = hi exactly (every resample adds the same numbers)', () => {
    const { mean, lo, hi } = foldInterval([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], { seed: 1 });
    expect([lo, hi]).toEqual([mean, mean]);
  });

  test('foldInterval(…, { minFolds }) gives no interval (and does no resampling) below that many folds', () => {
    expect(foldInterval([1, 2, 3, 4], { seed: 1, minFolds: 5 })).toEqual({ mean: 2.5, lo: NaN, hi: NaN, n: 4, nanCount: 0, block: 0 });
    const five = foldInterval([1, 2, 3, 4, 5], { seed: 1, minFolds: 5 });
    expect(five.lo).toBeLessThan(3);
    expect(five.hi).toBeGreaterThan(3);
  });

  test('foldInterval(…) caps the block at n', () => {
    expect(foldInterval([1, 2, 3], { seed: 1, block: 50 }).block).toBe(3);
  });

  test.each([
    [{ seed: 1, level: 1 }, /foldInterval: level must lie in \(0, 1\), got 1/],
    [{ seed: 1, level: 0 }, /level must lie in \(0, 1\), got 0/],
    [{ seed: 1, resamples: 0 }, /resamples must be a whole number ≥ 1, got 0/],
    [{ seed: 1, block: 1.5 }, /block must be a whole number ≥ 1 \(folds\), got 1.5/],
  ])('foldInterval(values, %j) throws a specific error', (options, message) => {
    expect(() => foldInterval([1, 2, 3], options)).toThrow(message);
  });

  test('foldInterval(…) refuses an infinite fold instead of dropping it', () => {
    expect(() => foldInterval([1, Infinity], { seed: 1 })).toThrow(/foldInterval: fold 1 is Infinity/);
  });
});
