import { meanCellScore } from './mean-cell-score';
import { RATE_FLOOR } from './rate-floor';

/**
 * Log score (mean negative log-likelihood) of the event "at least one incident in the cell"
 * (lower is better; ln 2 ≈ 0.693 for a constant p = ½).
 *
 * Formula: pᵢ = 1 − e^(−λᵢ), oᵢ = [yᵢ ≥ 1],
 * LS = −(1/n) Σᵢ [ oᵢ·ln pᵢ + (1 − oᵢ)·ln(1 − pᵢ) ] (Good 1952, *J. R. Stat. Soc. B* 14:107–114;
 * Gneiting & Raftery 2007, *JASA* 102:359–378).
 * Policy: p is clamped to [ε, 1 − ε] with ε = RATE_FLOOR = 10⁻⁶, so one cell costs at most
 * ln 10⁶ ≈ 13.8: a forecast of 0 where an incident happens would otherwise cost +∞ and swamp
 * the mean (see `RATE_FLOOR`); the upper clamp caps a confident miss the other way alike
 * (λ > 13.8 with no incident). Empty → NaN; NaN in either array → NaN. Throws when the lengths
 * differ or a forecast or count is negative.
 * @example logScore([Math.LN2, Math.LN2], [0, 2]) // → (ln 2 + ln 2) / 2 = 0.6931
 */
export function logScore(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  return meanCellScore('logScore', forecast, actual, logCellScore);
}

/**
 * One cell's log-score term: −ln p when y ≥ 1, else −ln(1 − p), with p = 1 − e^(−λ) clamped to
 * [ε, 1 − ε] (ε = RATE_FLOOR) (`logScore` averages it over the cells).
 * @example logCellScore(Math.LN2, 1) // → ln 2
 */
export function logCellScore(lambda: number, y: number): number {
  const raw = -Math.expm1(-lambda);
  const p = raw < RATE_FLOOR ? RATE_FLOOR : raw > 1 - RATE_FLOOR ? 1 - RATE_FLOOR : raw;
  return y >= 1 ? -Math.log(p) : -Math.log1p(-p);
}
