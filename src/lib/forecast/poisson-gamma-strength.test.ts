import { describe, expect, it } from 'vitest';
import { poissonGammaStrength } from './poisson-gamma-strength';

describe('poissonGammaStrength', () => {
  it('is m̄/τ² with τ² = s² − m̄/T: means 3, 1, 0 over 4 periods → (4/3)/2', () => {
    // m̄ = 4/3, s² = ((5/3)² + (1/3)² + (4/3)²)/2 = 7/3, τ² = 7/3 − (4/3)/4 = 2
    expect(poissonGammaStrength([3, 1, 0], 4)).toBeCloseTo(2 / 3, 12);
  });

  it('is Infinity when the cells differ no more than Poisson noise would make them, or there are fewer than two', () => {
    expect(poissonGammaStrength([1, 1, 1], 10)).toBe(Infinity);
    expect(poissonGammaStrength([0, 0], 5)).toBe(Infinity);
    expect(poissonGammaStrength([4], 5)).toBe(Infinity);
  });
});
