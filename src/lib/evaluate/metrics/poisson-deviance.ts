import { meanCellScore } from './mean-cell-score';
import { RATE_FLOOR } from './rate-floor';

/**
 * Mean Poisson deviance of expected counts against observed counts (lower is better; 0 only
 * for a perfect forecast). It is the proper scoring rule matching the Poisson likelihood that
 * every Hexcast forecaster claims to predict the mean of.
 *
 * Formula: D = (2/n) Σᵢ [ yᵢ·ln(yᵢ/ŷᵢ) − (yᵢ − ŷᵢ) ], with yᵢ·ln(yᵢ/ŷᵢ) = 0 when yᵢ = 0
 * (McCullagh & Nelder 1989, *Generalized Linear Models*, §6.2; as scikit-learn's
 * `mean_poisson_deviance`).
 * Policy: when yᵢ > 0 and ŷᵢ < RATE_FLOOR (10⁻⁶), the logarithm uses ŷᵢ = RATE_FLOOR instead
 * of returning +∞ (see `RATE_FLOOR` for why); the linear term keeps the forecast as given, so
 * an all-zero forecast of all-zero counts scores exactly 0. Empty input → NaN; NaN anywhere →
 * NaN. Throws when the lengths differ or a forecast or count is negative.
 * @example poissonDeviance([0.5, 0.5, 2, 2], [2, 0, 1, 4]) // → 1.4260 (scikit-learn's docs example)
 */
export function poissonDeviance(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  return meanCellScore('poissonDeviance', forecast, actual, poissonUnitDeviance);
}

/**
 * The Poisson deviance of one cell: 2·[y·ln(y / max(μ, RATE_FLOOR)) − (y − μ)], with the first
 * term 0 when y = 0. `poissonDeviance` is its mean over cells; the learned models' training and
 * validation losses (`forecast/tf/train.ts`) sum it too, so early stopping watches the very score
 * the report gives. No checks: callers guarantee μ ≥ 0 and y ≥ 0.
 * @example poissonUnitDeviance(1, 2) // → 2·(2·ln 2 − 1) ≈ 0.7726
 */
export function poissonUnitDeviance(mu: number, y: number): number {
  return 2 * ((y > 0 ? y * Math.log(y / Math.max(mu, RATE_FLOOR)) : 0) - (y - mu));
}
