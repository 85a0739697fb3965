import { assertNotInfinite } from '../metrics/assert-inputs';
import { studentTTwoSided } from './student-t';

/** The result of a Diebold–Mariano test of equal predictive accuracy. */
export interface DieboldMariano {
  /** d̄: mean of lossA − lossB (negative = A has lower loss). */
  readonly meanDifference: number;
  /** The HLN-corrected statistic DM* (negative = A better); NaN when undefined. */
  readonly statistic: number;
  /** Two-sided p-value from Student's t with n − 1 degrees of freedom; NaN when undefined. */
  readonly pValue: number;
  /** Folds used (pairs where neither loss is NaN). */
  readonly n: number;
  /** The horizon h whose lags and correction were used: the one asked for, or 1 after the fallback. */
  readonly horizon: number;
}

/**
 * Diebold–Mariano test that two models have equal expected loss, on per-fold losses of the
 * same folds, with the Harvey–Leybourne–Newbold small-sample correction.
 *
 * Method: dₜ = lossAₜ − lossBₜ over the n folds where both are defined (NaN pairs dropped, the
 * rest kept in order); d̄ = mean; γₖ = (1/n) Σ_{t>k} (dₜ − d̄)(dₜ₋ₖ − d̄); long-run variance with a
 * rectangular kernel V = γ₀ + 2 Σ_{k=1}^{h−1} γₖ (h-step forecast errors are MA(h − 1));
 * DM = d̄ / √(V/n); DM* = DM · √((n + 1 − 2h + h(h − 1)/n) / n); p = P(|T| ≥ |DM*|), T ~ t(n − 1).
 * Diebold & Mariano (1995), *J. Bus. Econ. Stat.* 13:253–263; Harvey, Leybourne & Newbold
 * (1997), *Int. J. Forecasting* 13:281–291. Pass h = 1 when consecutive folds' test windows do
 * not overlap (step ≥ horizon).
 * Policy:
 * - n < 3 → statistic and p NaN (d̄ still reported; NaN when n = 0).
 * - γ₀ = 0 (every difference equal, e.g. identical models) → statistic and p NaN, even when
 *   d̄ ≠ 0: a variance estimate of exactly 0 from a handful of folds is not evidence of
 *   certainty, and p = 0 would overstate it. Read d̄ directly.
 * - V ≤ 0 with γ₀ > 0 (possible with the rectangular kernel for h > 1) → the test is redone
 *   with h = 1, as R's forecast::dm.test does, and `horizon` reports 1.
 * - h ≥ n (too few folds for the horizon: the HLN factor n + 1 − 2h + h(h − 1)/n equals
 *   (n − h)(n − h + 1)/n, which vanishes at h = n) → statistic and p NaN.
 * Throws when the lengths differ, h is not a whole number ≥ 1, or a loss is ±∞.
 * @example dieboldMariano([1, 3, 5, 8, 8], [1, 2, 3, 4, 5], 2)
 * // d = (0, 1, 2, 4, 3): d̄ = 2, γ₀ = 2, γ₁ = 0.8, V = 3.6, DM = 2.3570, DM* = 1.6330, p = 0.1778
 */
export function dieboldMariano(lossA: ArrayLike<number>, lossB: ArrayLike<number>, horizon: number): DieboldMariano {
  if (lossA.length !== lossB.length) {
    throw new RangeError(`dieboldMariano: lossA has ${lossA.length} folds but lossB has ${lossB.length}; they must be the same folds`);
  }
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`dieboldMariano: horizon must be a whole number ≥ 1, got ${horizon}`);
  const d = new Float64Array(lossA.length);
  let n = 0;
  let sum = 0;
  let largest = 0;
  for (let i = 0; i < lossA.length; i++) {
    assertNotInfinite('dieboldMariano', i, lossA[i]);
    assertNotInfinite('dieboldMariano', i, lossB[i]);
    const v = lossA[i] - lossB[i];
    if (v !== v) continue;
    d[n++] = v;
    sum += v;
    largest = Math.max(largest, Math.abs(lossA[i]), Math.abs(lossB[i]));
  }
  const meanDifference = n > 0 ? sum / n : NaN;
  const undefinedTest = (h: number): DieboldMariano => ({ meanDifference, statistic: NaN, pValue: NaN, n, horizon: h });
  if (n < 3 || horizon >= n) return undefinedTest(horizon);
  for (let i = 0; i < n; i++) d[i] -= meanDifference;

  // Differences equal up to the rounding of the losses themselves (≈ ε·max|loss| each, e.g.
  // 1.1 − 1 vs 4.1 − 4) leave only noise after centring: treat that as zero variance.
  const noise = 4 * n * Number.EPSILON * largest;
  const gamma0 = longRunVariance(d, n, 1);
  if (!(gamma0 > noise * noise)) return undefinedTest(horizon);
  let h = horizon;
  let variance = h === 1 ? gamma0 : longRunVariance(d, n, h);
  if (!(variance > 0)) {
    h = 1;
    variance = gamma0;
  }
  const correction = (n + 1 - 2 * h + (h * (h - 1)) / n) / n;
  const statistic = (meanDifference / Math.sqrt(variance / n)) * Math.sqrt(correction);
  return { meanDifference, statistic, pValue: studentTTwoSided(statistic, n - 1), n, horizon: h };
}

/** γ₀ + 2 Σ_{k=1}^{h−1} γₖ of the centred series e[0..n), for h < n. */
function longRunVariance(e: Float64Array, n: number, h: number): number {
  let variance = 0;
  for (let k = 0; k < h; k++) {
    let gamma = 0;
    for (let t = k; t < n; t++) gamma += e[t] * e[t - k];
    variance += (k === 0 ? 1 : 2) * (gamma / n);
  }
  return variance;
}
