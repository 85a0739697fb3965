/**
 * The scale of MASE: the in-sample mean absolute error of the (seasonal) naive forecast
 * "same as `season` periods ago" over a training span, all cells pooled.
 *
 * Formula: s = (1 / ((P − m)·C)) Σ_{p=m}^{P−1} Σ_c |y[p, c] − y[p − m, c]|, with `counts`
 * period-major (`counts[p·C + c]`), C = `cells`, P = counts.length / C, m = `season`
 * (Hyndman & Koehler 2006, §3; m = 1 is the random-walk naive forecast).
 * Policy: fewer than m + 1 periods (no pair to difference) → NaN; NaN counts → NaN. A result of
 * 0 is returned as 0 (MASE then turns it into NaN). Throws when `cells` or `season` is not a
 * whole number ≥ 1 or `counts.length` is not a multiple of `cells`.
 * @example naiveScale([1, 0, 3, 0, 3, 2], 2) // periods (1,0), (3,0), (3,2) → (2 + 0 + 0 + 2) / 4 = 1
 */
export function naiveScale(counts: ArrayLike<number>, cells: number, season = 1): number {
  if (!Number.isInteger(cells) || cells < 1) throw new RangeError(`naiveScale: cells must be a whole number ≥ 1, got ${cells}`);
  if (!Number.isInteger(season) || season < 1) throw new RangeError(`naiveScale: season must be a whole number ≥ 1, got ${season}`);
  if (counts.length % cells !== 0) {
    throw new RangeError(`naiveScale: counts has ${counts.length} values, not a whole number of periods of ${cells} cells`);
  }
  const lag = season * cells;
  const n = counts.length - lag;
  if (n <= 0) return NaN;
  let sum = 0;
  for (let i = lag; i < counts.length; i++) sum += Math.abs(counts[i] - counts[i - lag]);
  return sum / n;
}
