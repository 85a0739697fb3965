/**
 * The kernel-weighted past of every cell at the period right after a window of counts:
 *
 *   S_c(P) = Σ_{q<P} y_c(q) · g(P − q),   by the recursion S(p + 1) = e^{−ω} S(p) + (1 − e^{−ω}) y(p),
 *
 * so that the first forecast is μ_c + θ S_c(P). Counts before the window count as 0.
 * `counts` is period-major (`counts[p * cells + c]`), as a History holds it. O(P · C).
 * @example excitationAfter([2, 0, 1], 3, 1, Math.LN2) // → [2·g(3) + 0·g(2) + 1·g(1)] = [0.25 + 0.5] = [0.75]
 */
export function excitationAfter(counts: ArrayLike<number>, periods: number, cells: number, omega: number): Float64Array {
  if (counts.length !== periods * cells) {
    throw new RangeError(`Counts have length ${counts.length}, expected ${periods} periods × ${cells} cells = ${periods * cells}`);
  }
  const a = Math.exp(-omega);
  const b = -Math.expm1(-omega);
  const s = new Float64Array(cells);
  for (let p = 0, i = 0; p < periods; p++) {
    for (let c = 0; c < cells; c++, i++) s[c] = a * s[c] + b * counts[i];
  }
  return s;
}
