import { hitRate } from '../evaluate/metrics/hit-rate';

/**
 * The expected hit rate at coverage c of a forecast ranking cells by `forecast` when the counts
 * are independent Poisson with means `intensity`: q = Σ_{flagged} λ / Σ λ. Given the total N > 0,
 * the flagged cells' count is Binomial(N, q), so E[n/N | N > 0] = q exactly (the Poisson
 * splitting property; e.g. Kingman 1993, *Poisson Processes*, §1.1). With `forecast = intensity`
 * it is the oracle's expected hit rate: the ceiling of the hit rate. The flagged set follows
 * `HOTSPOT_RULE` (ties at the boundary in part).
 * @example expectedHitRate([3, 1, 1, 1], [3, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], 0.25) // → 3/6 = 0.5
 */
export function expectedHitRate(
  forecast: ArrayLike<number>,
  intensity: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
): number {
  return hitRate(forecast, intensity, area, region, coverage);
}
