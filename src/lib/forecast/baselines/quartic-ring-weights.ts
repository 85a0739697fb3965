/**
 * Quartic (biweight) kernel weights by H3 ring distance for a bandwidth of `h` rings:
 * w[d] = (1 − (d/h)²)² for the whole ring distances d with 0 ≤ d < h (Silverman 1986,
 * eq. 4.5, without its constant: callers normalise). The array is as long as the number of
 * rings with positive weight, so `length − 1` is the farthest ring read. A bandwidth of one
 * ring or less gives [1] (no smoothing).
 * @example quarticRingWeights(2) // → Float64Array [1, 0.5625]  (0.5625 = (1 − 1/4)² = 9/16)
 */
export function quarticRingWeights(h: number): Float64Array {
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`quarticRingWeights: bandwidth must be a finite number of rings > 0, got ${h}`);
  const rings = Math.ceil(h);
  const out = new Float64Array(rings);
  for (let d = 0; d < rings; d++) {
    const u = d / h;
    out[d] = (1 - u * u) ** 2;
  }
  return out;
}
