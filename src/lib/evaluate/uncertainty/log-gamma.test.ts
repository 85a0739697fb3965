import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { logGamma } from './log-gamma';

describe('logGamma', () => {
  test('logGamma(n) = ln (n − 1)! for n = 1…25', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 11);
      factorial *= n;
    }
  });

  test.each([
    [0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)], // Γ(3/2) = √π/2
    [100, 359.1342053695754], // ln 99!
  ])('logGamma(%d) = %d', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 10);
  });

  test('logGamma(x + 1) = logGamma(x) + ln x on seeded x in (0, 60)', () => {
    const rng = random(61);
    for (let i = 0; i < 200; i++) {
      const x = 60 * rng.next() + 1e-3;
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 10);
    }
  });

  test('logGamma(x) near 0 behaves as −ln x − γx (Euler–Mascheroni γ)', () => {
    expect(logGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649 * 1e-8, 10);
  });

  test.each([
    [0, NaN],
    [-1, NaN],
    [NaN, NaN],
    [Infinity, Infinity],
  ])('logGamma(%d) edge case → %d', (x, expected) => {
    expect(logGamma(x)).toEqual(expected);
  });
});
