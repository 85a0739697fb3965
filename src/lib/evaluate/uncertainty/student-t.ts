import { regularizedBeta } from './regularized-beta';

/**
 * Cumulative distribution function of Student's t with ν > 0 degrees of freedom:
 * P(T ≤ t).
 *
 * Method: for t ≥ 0, P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½), and symmetry for t < 0 (Abramowitz &
 * Stegun 1964, 26.7.1 with 26.5.27), I being `regularizedBeta`. ν = 1 is the Cauchy
 * distribution, ½ + arctan(t)/π. Non-integer ν is allowed.
 * Policy: t NaN or ν ≤ 0 → NaN.
 * @example studentTCdf(2.228, 10) // → 0.975 (the familiar two-sided 5 % critical value)
 */
export function studentTCdf(t: number, dof: number): number {
  const tail = studentTTwoSided(t, dof) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided tail probability of Student's t: P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½), computed
 * directly so that small p-values keep their precision (no 1 − CDF cancellation).
 * Policy: t NaN or ν ≤ 0 → NaN; t = ±∞ → 0.
 * @example studentTTwoSided(2.228, 10) // → 0.0500
 */
export function studentTTwoSided(t: number, dof: number): number {
  if (t !== t || !(dof > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(dof / (dof + t * t), dof / 2, 0.5);
}
