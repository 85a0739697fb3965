import type { Random } from '../base/random';

/**
 * A draw from Gamma(shape k, scale 1/k): mean 1, variance 1/k, the multiplicative shock of an
 * overdispersed (negative-binomial) count. Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", *ACM TOMS* 26:363–372; shapes below 1 through the boost
 * G(k) = G(k + 1)·U^(1/k).
 * @example gammaDraw(random(1), 1e9) // ≈ 1 (a huge shape: no shock)
 */
export function gammaDraw(rng: Random, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gammaDraw: shape must be > 0, got ${shape}`);
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaDraw(rng, shape + 1) * Math.pow(u, 1 / shape) * ((shape + 1) / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / shape;
  }
}
