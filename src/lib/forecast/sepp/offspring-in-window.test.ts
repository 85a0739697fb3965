import { describe, expect, it } from 'vitest';
import { offspringInWindow } from './offspring-in-window';

describe('offspringInWindow(byAge, ω)', () => {
  it.each([
    // byAge[m]: counts m periods before the last; each contributes y (1 − e^{−ωm}).
    { byAge: [3, 0, 2], omega: Math.LN2, expected: 2 * (1 - 1 / 4) },
    { byAge: [0, 4], omega: Math.LN2, expected: 4 * (1 / 2) },
    { byAge: [5], omega: 1, expected: 0 }, // the last period's offspring all fall after the window
    { byAge: [1, 1, 1], omega: 30, expected: 2 }, // a one-period kernel: everything but the last period
  ])('is $expected for byAge $byAge and ω = $omega', ({ byAge, omega, expected }) => {
    expect(offspringInWindow(Float64Array.from(byAge), omega)).toBeCloseTo(expected, 12);
  });
});
