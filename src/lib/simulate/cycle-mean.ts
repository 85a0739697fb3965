/** The two cycles of the simulated world: a yearly one peaking mid-July and a weekly one peaking Saturday noon (UTC readings). */
export const YEAR_MS = 365.2425 * 86_400_000;
export const WEEK_MS = 7 * 86_400_000;
/** Peak of the yearly cycle: 15 July 2018, 00:00 (any year: the cycle repeats). */
export const YEARLY_PEAK = Date.UTC(2018, 6, 15);
/** Peak of the weekly cycle: Saturday 6 January 2018, 12:00. */
export const WEEKLY_PEAK = Date.UTC(2018, 0, 6, 12);

/**
 * The mean over [t0, t1) of the seasonal factor s(t) = (1 + a·cos ωy(t − ty))·(1 + b·cos ωw(t − tw)),
 * ωy = 2π/year, ωw = 2π/week, with peaks `YEARLY_PEAK` and `WEEKLY_PEAK`: the factor a period's
 * expected count is multiplied by. Exact (the integral of each cosine, and of their product as
 * ½[cos(sum) + cos(difference)], in closed form). A whole week averages the weekly cycle out;
 * a day keeps it damped by sin(π/7)/(π/7) ≈ 0.967.
 * @example cycleMean(0, 0.5, Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 8)) // → 1 (a whole week)
 */
export function cycleMean(a: number, b: number, t0: number, t1: number): number {
  const wy = (2 * Math.PI) / YEAR_MS;
  const ww = (2 * Math.PI) / WEEK_MS;
  const py = wy * YEARLY_PEAK;
  const pw = ww * WEEKLY_PEAK;
  const y = meanCos(wy, py, t0, t1);
  const w = meanCos(ww, pw, t0, t1);
  const cross = 0.5 * (meanCos(wy + ww, py + pw, t0, t1) + meanCos(ww - wy, pw - py, t0, t1));
  return 1 + a * y + b * w + a * b * cross;
}

/** Mean of cos(ωt − θ) over [t0, t1): (sin(ωt1 − θ) − sin(ωt0 − θ)) / (ω(t1 − t0)); the value at t0 when the span is empty. */
function meanCos(omega: number, theta: number, t0: number, t1: number): number {
  // Angles relative to t0 keep the subtraction well conditioned for epoch times.
  const start = omega * t0 - theta;
  const span = omega * (t1 - t0);
  if (Math.abs(span) < 1e-9) return Math.cos(start);
  return (Math.sin(start + span) - Math.sin(start)) / span;
}
