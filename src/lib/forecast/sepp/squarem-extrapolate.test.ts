import { describe, expect, it } from 'vitest';
import type { SeppParameters } from './sepp-parameters';
import { squaremExtrapolate } from './squarem-extrapolate';

const bounds = { maxTheta: 0.995, minOmega: 1e-3, maxOmega: 20 };

/** Parameters at unconstrained coordinates (ln μ₀, ln μ₁, logit(θ / θmax), ln ω). */
function at(x: number[]): SeppParameters {
  return { mu: Float64Array.of(Math.exp(x[0]), Math.exp(x[1])), theta: bounds.maxTheta / (1 + Math.exp(-x[2])), omega: Math.exp(x[3]) };
}

describe('squaremExtrapolate(p0, p1, p2, maxStep, bounds)', () => {
  // A linearly convergent sequence x_k = x* + ρ^k d: r = (ρ − 1) d, v = (ρ − 1)² d, so
  // α = 1 / (1 − ρ) and x₀ + 2αr + α²v = x* + d − 2d + d = x* exactly.
  const limit = [Math.log(0.4), Math.log(1.5), 0.2, Math.log(0.6)];
  const d = [0.3, -0.2, 0.5, -0.4];
  const sequence = (k: number): SeppParameters => at(limit.map((x, i) => x + 0.9 ** k * d[i]));

  it('jumps to the limit of a geometric sequence when α = 1 / (1 − ρ) = 10 is allowed', () => {
    const { params, alpha } = squaremExtrapolate(sequence(0), sequence(1), sequence(2), 64, bounds);
    expect(alpha).toBeCloseTo(10, 9);
    const expected = at(limit);
    expect(params.mu[0]).toBeCloseTo(expected.mu[0], 9);
    expect(params.mu[1]).toBeCloseTo(expected.mu[1], 9);
    expect(params.theta).toBeCloseTo(expected.theta, 9);
    expect(params.omega).toBeCloseTo(expected.omega, 9);
  });

  it('caps the step at maxStep', () => {
    // α = 4: x₀ + 8r + 16v = x* + d (1 + 8(ρ − 1) + 16(ρ − 1)²) = x* + 0.36 d.
    const { params, alpha } = squaremExtrapolate(sequence(0), sequence(1), sequence(2), 4, bounds);
    expect(alpha).toBe(4);
    expect(Math.log(params.mu[0])).toBeCloseTo(limit[0] + 0.36 * d[0], 9);
  });

  it('returns p2 with α = 1 when there is nothing to extrapolate or θ is 0', () => {
    const p = sequence(0);
    expect(squaremExtrapolate(p, p, p, 64, bounds)).toEqual({ params: p, alpha: 1 });
    const zero = { ...p, theta: 0 };
    expect(squaremExtrapolate(p, zero, zero, 64, bounds).params).toBe(zero);
  });

  it('keeps p2’s μ for a cell whose μ is 0 and clamps ω into its bounds', () => {
    const p0 = { mu: Float64Array.of(0, 1), theta: 0.3, omega: 10 };
    const p1 = { mu: Float64Array.of(0, 1.2), theta: 0.35, omega: 14 };
    const p2 = { mu: Float64Array.of(0, 1.3), theta: 0.37, omega: 17 };
    const { params } = squaremExtrapolate(p0, p1, p2, 64, bounds);
    expect(params.mu[0]).toBe(0);
    expect(params.omega).toBe(20);
  });
});
