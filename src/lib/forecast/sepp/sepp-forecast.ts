import type { SeppParameters } from './sepp-parameters';

/**
 * Expected counts for the `horizon` periods after a window, step-major (`out[h * C + c]`):
 *
 *   λ_c(P + h) = μ_c + θ S_c(P + h),   S_c(P + h + 1) = e^{−ω} S_c(P + h) + (1 − e^{−ω}) λ_c(P + h),
 *
 * starting from `excitation` = S_c(P) (`excitationAfter`). Future counts are unknown, so each
 * step's expected count feeds the excitation of the next: by linearity of λ in the past counts
 * this is the exact expectation E[y_c(P + h) | counts up to P − 1] of the process, including
 * the offspring of offspring. As h grows the forecast tends to the stationary rate
 * μ_c / (1 − θ) (geometrically, at a rate set by θ and ω). Values are ≥ 0.
 * @example seppForecast({ mu: Float64Array.of(0.5), theta: 0.5, omega: Math.LN2 }, Float64Array.of(0.75), 2)
 *   // → [0.5 + 0.5·0.75, 0.5 + 0.5·(0.5·0.75 + 0.5·0.875)] = [0.875, 0.90625]
 */
export function seppForecast(params: SeppParameters, excitation: Float64Array, horizon: number): Float32Array {
  const { mu, theta, omega } = params;
  const C = mu.length;
  if (excitation.length !== C) throw new RangeError(`Excitation has ${excitation.length} cells, parameters have ${C}`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`Forecast horizon must be a whole number ≥ 1, got ${horizon}`);
  const a = Math.exp(-omega);
  const b = -Math.expm1(-omega);
  const s = Float64Array.from(excitation);
  const out = new Float32Array(horizon * C);
  for (let h = 0, i = 0; h < horizon; h++) {
    for (let c = 0; c < C; c++, i++) {
      const lambda = mu[c] + theta * s[c];
      out[i] = lambda;
      s[c] = a * s[c] + b * lambda;
    }
  }
  return out;
}
