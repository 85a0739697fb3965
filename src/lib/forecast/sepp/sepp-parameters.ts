/**
 * Parameters of the grid self-exciting point process (Mohler et al. 2015, discretised to the
 * panel's periods): per cell c and period p the expected count is
 *
 *   λ_c(p) = μ_c + θ · Σ_{q<p} y_c(q) · g(p − q),   g(k) = e^{−ω(k−1)} (1 − e^{−ω}), k ≥ 1.
 *
 * - `mu[c]`: background rate of cell c, in events per period (μ_c ≥ 0).
 * - `theta`: branching ratio, the expected number of direct offspring of one event (0 ≤ θ < 1).
 * - `omega`: decay rate of the triggering kernel, per period (ω > 0); the mean lag from parent
 *   to offspring is 1 / (1 − e^{−ω}) periods (see `triggerKernel`).
 */
export interface SeppParameters {
  readonly mu: Float64Array;
  readonly theta: number;
  readonly omega: number;
}

/**
 * Throws a message naming the field unless every parameter lies in its domain:
 * μ_c finite and ≥ 0, θ in [0, 1), ω finite and > 0.
 * @example assertSeppParameters({ mu: Float64Array.of(1), theta: 1, omega: 1 }) // throws: theta must lie in [0, 1)
 */
export function assertSeppParameters(params: SeppParameters): SeppParameters {
  const { mu, theta, omega } = params;
  for (let c = 0; c < mu.length; c++) {
    if (!(mu[c] >= 0) || !Number.isFinite(mu[c])) throw new RangeError(`SEPP background rate mu[${c}] must be finite and ≥ 0, got ${mu[c]}`);
  }
  if (!(theta >= 0 && theta < 1)) throw new RangeError(`SEPP branching ratio theta must lie in [0, 1), got ${theta}`);
  if (!(omega > 0) || !Number.isFinite(omega)) throw new RangeError(`SEPP decay omega must be finite and > 0 (per period), got ${omega}`);
  return params;
}
