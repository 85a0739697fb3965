/**
 * Empirical-Bayes prior strength κ (in periods) of a Poisson–Gamma model of per-cell rates, by
 * the method of moments: with `means` the cells' mean counts over T periods, m̄ their mean and
 * s² their variance across cells (n − 1), the variance of the true rates is τ² = s² − m̄/T (the
 * part Poisson noise does not explain) and a Gamma prior with mean m̄ and variance τ² has
 * κ = m̄/τ². Infinity when τ² ≤ 0 or fewer than two cells: the cells are indistinguishable
 * from one rate. References: Clayton & Kaldor 1987, Biometrics 43:671–681; Marshall 1991,
 * JRSS C 40:283–294.
 * @example poissonGammaStrength([3, 1, 0], 4) // → (4/3)/2 = 2/3 (m̄ = 4/3, s² = 7/3, τ² = 2)
 */
export function poissonGammaStrength(means: ArrayLike<number>, T: number): number {
  const n = means.length;
  if (n < 2) return Infinity;
  let total = 0;
  for (let c = 0; c < n; c++) total += means[c];
  const m = total / n;
  let squares = 0;
  for (let c = 0; c < n; c++) squares += (means[c] - m) ** 2;
  const tau2 = squares / (n - 1) - m / T;
  return tau2 > 0 ? m / tau2 : Infinity;
}
