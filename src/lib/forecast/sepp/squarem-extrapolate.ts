import type { SeppParameters } from './sepp-parameters';

/** Bounds that an extrapolated point must respect. */
export interface ExtrapolationBounds {
  readonly maxTheta: number;
  readonly minOmega: number;
  readonly maxOmega: number;
}

/**
 * One SQUAREM extrapolation (Varadhan & Roland 2008, scheme S3) from three successive EM
 * iterates p₀ → p₁ = F(p₀) → p₂ = F(p₁):
 *
 *   r = x₁ − x₀,  v = x₂ − 2x₁ + x₀,  α = clamp(‖r‖ / ‖v‖, 1, maxStep),  x' = x₀ + 2α r + α² v,
 *
 * in the unconstrained coordinates x = (ln μ_c …, logit(θ / θmax), ln ω); α = 1 gives x' = x₂
 * (two plain EM steps). Cells whose μ is 0 in any iterate (κ = 0 and no events) keep p₂'s
 * value; when θ is 0 in any iterate the plain p₂ is returned. ω is clamped to its bounds.
 * The caller runs one EM step from x' and keeps it only if the objective did not fall, so the
 * accelerated fit keeps EM's monotonicity.
 * @example squaremExtrapolate(p, p, p, 4, bounds) // → { params: p, alpha: 1 }: nothing to extrapolate
 */
export function squaremExtrapolate(
  p0: SeppParameters,
  p1: SeppParameters,
  p2: SeppParameters,
  maxStep: number,
  bounds: ExtrapolationBounds,
): { params: SeppParameters; alpha: number } {
  if (!(p0.theta > 0 && p1.theta > 0 && p2.theta > 0)) return { params: p2, alpha: 1 };
  const C = p0.mu.length;
  const logit = (theta: number): number => {
    const u = Math.min(theta / bounds.maxTheta, 1 - 1e-12);
    return Math.log(u / (1 - u));
  };
  const x0 = new Float64Array(C + 2);
  const x1 = new Float64Array(C + 2);
  const x2 = new Float64Array(C + 2);
  const free = new Uint8Array(C);
  for (let c = 0; c < C; c++) {
    if (p0.mu[c] > 0 && p1.mu[c] > 0 && p2.mu[c] > 0) {
      free[c] = 1;
      x0[c] = Math.log(p0.mu[c]);
      x1[c] = Math.log(p1.mu[c]);
      x2[c] = Math.log(p2.mu[c]);
    }
  }
  x0[C] = logit(p0.theta);
  x1[C] = logit(p1.theta);
  x2[C] = logit(p2.theta);
  x0[C + 1] = Math.log(p0.omega);
  x1[C + 1] = Math.log(p1.omega);
  x2[C + 1] = Math.log(p2.omega);
  let rr = 0;
  let vv = 0;
  for (let i = 0; i < C + 2; i++) {
    const r = x1[i] - x0[i];
    const v = x2[i] - 2 * x1[i] + x0[i];
    rr += r * r;
    vv += v * v;
  }
  const alpha = vv > 0 ? Math.min(maxStep, Math.max(1, Math.sqrt(rr / vv))) : 1;
  if (alpha === 1 || !Number.isFinite(alpha)) return { params: p2, alpha: 1 };
  const at = (i: number): number => x0[i] + 2 * alpha * (x1[i] - x0[i]) + alpha * alpha * (x2[i] - 2 * x1[i] + x0[i]);
  const mu = new Float64Array(C);
  for (let c = 0; c < C; c++) mu[c] = free[c] ? Math.exp(at(c)) : p2.mu[c];
  const theta = bounds.maxTheta / (1 + Math.exp(-at(C)));
  const omega = Math.min(bounds.maxOmega, Math.max(bounds.minOmega, Math.exp(at(C + 1))));
  return { params: { mu, theta, omega }, alpha };
}
