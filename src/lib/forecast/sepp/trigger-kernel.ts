/**
 * The discretised exponential triggering kernel: the share of an event's offspring that falls
 * `lag` periods after it,
 *
 *   g(k) = e^{−ω(k−1)} (1 − e^{−ω})   for k ≥ 1,   g(k) = 0 for k < 1,   Σ_{k≥1} g(k) = 1.
 *
 * Discretisation: Mohler et al. (2011, 2015) trigger offspring at continuous delay t after the
 * parent with density ω e^{−ωt}. A panel only knows the period of each event, so the parent is
 * placed at the end of its period and the offspring with delay t lands in period q + 1 + ⌊t⌋:
 * g(k) = ∫_{k−1}^{k} ω e^{−ωt} dt. Offspring that in continuous time fall in the parent's own
 * period are counted in the next one (a forecast cannot use a period's count to explain that
 * same period). ω is per period: ω_week = 7 · ω_day for the same process.
 * @example triggerKernel(1, Math.LN2) // → 0.5; triggerKernel(2, Math.LN2) // → 0.25
 */
export function triggerKernel(lag: number, omega: number): number {
  if (!(lag >= 1)) return 0;
  return Math.exp(-omega * (lag - 1)) * -Math.expm1(-omega);
}

/**
 * The mean lag of the kernel in periods, Σ_k k · g(k) = 1 / (1 − e^{−ω}); its inverse is the
 * closed-form M-step of ω when no kernel mass is cut off by the end of the data.
 * @example meanLag(Math.LN2) // → 2
 */
export function meanLag(omega: number): number {
  return -1 / Math.expm1(-omega);
}

/**
 * The decay ω whose kernel has the given mean lag L > 1: ω = ln(L / (L − 1)).
 * @example omegaForMeanLag(2) // → Math.LN2 ≈ 0.6931
 */
export function omegaForMeanLag(lag: number): number {
  if (!(lag > 1)) throw new RangeError(`A mean triggering lag must exceed 1 period, got ${lag}`);
  return Math.log(lag / (lag - 1));
}
