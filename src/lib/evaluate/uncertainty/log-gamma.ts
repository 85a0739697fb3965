/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0 (NaN otherwise).
 *
 * Method: the recurrence ln Γ(x) = ln Γ(x + k) − ln(x(x + 1)…(x + k − 1)) lifts x to ≥ 10, where
 * Stirling's series ln Γ(z) ≈ (z − ½) ln z − z + ½ ln 2π + Σ B₂ⱼ / (2j(2j − 1) z^(2j−1)), j = 1…5,
 * is accurate to ~1e-14 (Abramowitz & Stegun 1964, 6.1.40; the first omitted term is below
 * 691 / (360360 z¹¹)).
 * @example logGamma(5) // → ln 24 = 3.1781
 * @example logGamma(0.5) // → ln √π = 0.5724
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let z = x;
  let product = 1;
  while (z < 10) {
    product *= z;
    z += 1;
  }
  const r = 1 / z;
  const r2 = r * r;
  const series = r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 / 1188))));
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - Math.log(product);
}
