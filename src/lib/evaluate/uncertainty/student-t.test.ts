import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { studentTCdf, studentTTwoSided } from './student-t';

describe('studentTCdf', () => {
  test.each([
    // two-sided 5 % critical values from any t table
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
  ])('studentTCdf(t, %d) at the tabled 97.5 %% quantile %d is 0.975', (dof, t) => {
    expect(studentTCdf(t, dof)).toBeCloseTo(0.975, 4);
    expect(studentTTwoSided(t, dof)).toBeCloseTo(0.05, 4);
    expect(studentTCdf(-t, dof)).toBeCloseTo(0.025, 4);
  });

  test('studentTCdf(t, ν) matches the closed forms for ν = 1, 2, 3, 4 on seeded t', () => {
    const closedForm: Record<number, (t: number) => number> = {
      1: (t) => 0.5 + Math.atan(t) / Math.PI,
      2: (t) => 0.5 + t / (2 * Math.sqrt(2 + t * t)),
      3: (t) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI,
      4: (t) => 0.5 + (3 / 8) * (t / Math.sqrt(1 + (t * t) / 4)) * (1 - (t * t) / (12 * (1 + (t * t) / 4))),
    };
    const rng = random(64);
    for (let i = 0; i < 200; i++) {
      const t = 12 * rng.normal();
      for (const dof of [1, 2, 3, 4]) expect(studentTCdf(t, dof)).toBeCloseTo(closedForm[dof](t), 12);
    }
  });

  test('studentTCdf(t, ν) tends to the normal CDF for large ν: Φ(1.959964) = 0.975', () => {
    expect(studentTCdf(1.959964, 1e8)).toBeCloseTo(0.975, 6);
  });

  // Reference value: 2 · scipy.stats.t.sf(8, 51) = 1.4528473e-10.
  test('studentTTwoSided(t, ν) keeps small p-values: t(51) at |t| = 8 → 1.4528e-10', () => {
    expect(studentTTwoSided(8, 51) / 1.4528473e-10).toBeCloseTo(1, 6);
  });

  test.each([
    [0, 5, 0.5],
    [Infinity, 5, 1],
    [-Infinity, 5, 0],
    [NaN, 5, NaN],
    [1, 0, NaN],
    [1, -2, NaN],
  ])('studentTCdf(%d, %d) edge case → %d', (t, dof, expected) => {
    expect(studentTCdf(t, dof)).toEqual(expected);
  });
});
