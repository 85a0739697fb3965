import { triggerKernel } from './trigger-kernel';

/**
 * The E-step's branching matrix for one cell, written out in full (Mohler et al. 2011, eq. 9):
 * for an event in period p,
 *
 *   π[p][p] = μ / λ(p)                        the probability that it is background,
 *   π[p][q] = θ g(p − q) y(q) / λ(p),  q < p  the probability that period q's events triggered it,
 *
 * with λ(p) = μ + θ Σ_{q<p} g(p − q) y(q); each row with λ(p) > 0 sums to 1 (others are 0). A P × P
 * row-major matrix (`out[p * P + q]`, zero above the diagonal). O(P²): for inspection and
 * tests — the fit itself uses the O(P) recursions of `eStep`, which sum exactly these terms.
 * @example branchingProbabilities([2, 0, 1], 0.5, 0.5, Math.LN2)[2 * 3 + 0] // → 1/3 (worked out in e-step.test.ts)
 */
export function branchingProbabilities(counts: ArrayLike<number>, mu: number, theta: number, omega: number): Float64Array {
  const P = counts.length;
  const out = new Float64Array(P * P);
  for (let p = 0; p < P; p++) {
    let lambda = mu;
    for (let q = 0; q < p; q++) {
      const share = theta * triggerKernel(p - q, omega) * counts[q];
      out[p * P + q] = share;
      lambda += share;
    }
    out[p * P + p] = mu;
    if (lambda > 0) for (let q = 0; q <= p; q++) out[p * P + q] /= lambda;
  }
  return out;
}
