import { meanCellScore } from './mean-cell-score';

/**
 * Brier score of the event "at least one incident in the cell" (lower is better; 0 is
 * perfect, 0.25 is a constant p = ½ on any data).
 *
 * Formula: pᵢ = 1 − e^(−λᵢ) (the Poisson probability of one or more events, from the expected
 * count λᵢ), oᵢ = 1 if yᵢ ≥ 1 else 0, BS = (1/n) Σᵢ (pᵢ − oᵢ)² (Brier 1950, *Monthly Weather
 * Review* 78:1–3).
 * Policy: λ = 0 gives p = 0 (no clamping is needed: the score is bounded). Empty → NaN; NaN in
 * either array → NaN (a NaN count is not read as "no incident"). Throws when the lengths
 * differ or a forecast or count is negative.
 * @example brierScore([0, Math.LN2], [0, 3]) // → (0² + (0.5 − 1)²) / 2 = 0.125
 */
export function brierScore(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  return meanCellScore('brierScore', forecast, actual, brierCellScore);
}

/**
 * One cell's Brier term: (p − o)², p = 1 − e^(−λ) the forecast's chance of at least one
 * incident, o = 1 when y ≥ 1, else 0 (`brierScore` averages it over the cells).
 * @example brierCellScore(Math.LN2, 0) // → 0.25
 */
export function brierCellScore(lambda: number, y: number): number {
  return (-Math.expm1(-lambda) - (y >= 1 ? 1 : 0)) ** 2;
}
