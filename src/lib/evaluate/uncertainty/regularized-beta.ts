import { logGamma } from './log-gamma';

const TINY = 1e-300;
const EPSILON = 1e-15;
const MAX_TERMS = 1000;

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for x ∈ [0, 1],
 * a, b > 0 (NaN otherwise).
 *
 * Method: the continued fraction
 * I_x(a, b) = xᵃ(1 − x)ᵇ / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))), with
 * d₂ₘ₊₁ = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m(b − m)x / ((a + 2m − 1)(a + 2m)),
 * evaluated by the modified Lentz method (Abramowitz & Stegun 1964, 26.5.8; Press et al.,
 * *Numerical Recipes*, 3rd ed., §6.4). It converges quickly for x < (a + 1)/(a + b + 2); above
 * that, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
 * @example regularizedBeta(0.5, 2, 3) // → 11/16 = 0.6875
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0 && x >= 0 && x <= 1)) return NaN;
  if (x === 0 || x === 1) return x;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) + logGamma(a + b) - logGamma(a) - logGamma(b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/** 1/(1 + d₁/(1 + d₂/(1 + …))) by modified Lentz: f = Π (C_j · D_j), C and D kept off zero. */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = nonZero(1 - ((a + b) * x) / (a + 1));
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / nonZero(1 + even * d);
    c = nonZero(1 + even / c);
    f *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / nonZero(1 + odd * d);
    c = nonZero(1 + odd / c);
    const step = d * c;
    f *= step;
    if (Math.abs(step - 1) < EPSILON) return f;
  }
  return f;
}

function nonZero(v: number): number {
  return Math.abs(v) < TINY ? TINY : v;
}
