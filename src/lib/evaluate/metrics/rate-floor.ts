/**
 * The smallest expected count (Poisson mean λ) a probabilistic metric will take a forecast to
 * mean: 10⁻⁶ incidents per cell and period. A forecast of exactly 0 where an incident then
 * happens has infinite Poisson deviance and infinite log score; one such cell would make the
 * fold's score, and every mean over folds, infinite, hiding every other cell. Scoring it as
 * λ = 10⁻⁶ keeps the penalty severe (for one incident, 2·(ln 10⁶ − 1) ≈ 25.6 deviance units,
 * against 2·(ln 10 − 0.9) ≈ 2.8 for a forecast of 0.1) but finite, so models stay comparable. Clamped log scores use
 * the same floor for p (p ≈ λ for small λ), so the two metrics treat a zero forecast alike.
 * @example Math.log(1 / RATE_FLOOR) // → 13.8155
 */
export const RATE_FLOOR = 1e-6;
