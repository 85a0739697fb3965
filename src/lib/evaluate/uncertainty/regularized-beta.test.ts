import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { regularizedBeta } from './regularized-beta';

/** C(n, k) as a float. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

describe('regularizedBeta', () => {
  test.each([
    // x, a, b, expected (hand-computed)
    [0.5, 2, 3, 11 / 16], // Σ_{j=2}^{4} C(4, j)/16 = (6 + 4 + 1)/16
    [0.3, 1, 1, 0.3], // uniform
    [0.3, 3, 1, 0.027], // xᵃ
    [0.3, 1, 2, 1 - 0.49], // 1 − (1 − x)ᵇ
    [0.5, 7.5, 7.5, 0.5], // symmetric
    [0.5, 500, 500, 0.5], // symmetric, large parameters
  ])('regularizedBeta(%d, %d, %d) = %d', (x, a, b, expected) => {
    expect(regularizedBeta(x, a, b)).toBeCloseTo(expected, 12);
  });

  test('regularizedBeta(x, a, b) matches the binomial sum Σ_{j=a}^{a+b−1} C(a+b−1, j) xʲ (1−x)^(a+b−1−j) on seeded integers', () => {
    const rng = random(62);
    for (let i = 0; i < 300; i++) {
      const a = 1 + rng.int(30);
      const b = 1 + rng.int(30);
      const x = rng.next();
      const m = a + b - 1;
      let sum = 0;
      for (let j = a; j <= m; j++) sum += choose(m, j) * x ** j * (1 - x) ** (m - j);
      expect(regularizedBeta(x, a, b)).toBeCloseTo(sum, 11);
    }
  });

  test('regularizedBeta(x, a, b) + regularizedBeta(1 − x, b, a) = 1 for non-integer parameters', () => {
    const rng = random(63);
    for (let i = 0; i < 100; i++) {
      const a = 0.1 + 40 * rng.next();
      const b = 0.1 + 40 * rng.next();
      const x = rng.next();
      expect(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a)).toBeCloseTo(1, 12);
    }
  });

  test.each([
    [0, 2, 3, 0],
    [1, 2, 3, 1],
    [-0.1, 2, 3, NaN],
    [1.1, 2, 3, NaN],
    [0.5, 0, 3, NaN],
    [0.5, 2, -1, NaN],
    [NaN, 2, 3, NaN],
  ])('regularizedBeta(%d, %d, %d) edge case → %d', (x, a, b, expected) => {
    expect(regularizedBeta(x, a, b)).toEqual(expected);
  });
});
