import { assertCoverage, assertNotNegative } from './assert-inputs';
import { coverageWalk, hotspotRanking } from './hotspot-ranking';

/** Hit rate against coverage, one entry per grid level. */
export interface CaptureCurve {
  /** The requested coverage levels c (fractions of the study area). */
  readonly coverage: Float64Array;
  /** a/A actually selected at each level (≥ c: the last cell may overshoot). */
  readonly areaShare: Float64Array;
  /** n/N at each level. */
  readonly hitRate: Float64Array;
}

/**
 * The capture curve of one forecast step: hit rate against coverage from 0 to 100 % of the
 * study area, for plotting (Chainey, Tompson & Uhlig 2008 plot the same curve to compare
 * hotspot methods; a forecast no better than chance runs along the diagonal).
 *
 * Each level uses the selection of `selectHotspots`, from one sort; hit rate = n/N with N =
 * all incidents in `actual` (outside the region too, so the curve ends below 1 when the
 * region misses incidents). `grid` defaults to 0, 0.01, …, 1 (101 levels); at level 0 no cell
 * is selected and the hit rate is 0.
 * Policy: N = 0 or a NaN count → every hit rate NaN (no incidents, no curve). Throws when a
 * grid level ∉ [0, 1], a count is negative, or as `hotspotRanking` does.
 * @example captureCurve([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], [0, 0.5, 1]).hitRate
 * // → [0, 1, 1] (half the area needs 2 cells, holding 9 of 9 incidents)
 */
export function captureCurve(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  grid: ArrayLike<number> = defaultGrid(),
): CaptureCurve {
  for (let j = 0; j < grid.length; j++) assertCoverage('captureCurve', grid[j], true);
  if (actual.length !== forecast.length) {
    throw new RangeError(`captureCurve: forecast has ${forecast.length} cells but actual has ${actual.length}; they must be the same length`);
  }
  const ranking = hotspotRanking(forecast, area, region);
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    assertNotNegative('captureCurve', 'actual', i, actual[i]);
    total += actual[i];
  }
  const coverage = Float64Array.from(grid);
  const areaShare = new Float64Array(grid.length);
  const hitRate = new Float64Array(grid.length);
  const A = ranking.regionArea;
  coverageWalk(ranking, area, actual, grid, (j, _, a, n) => {
    areaShare[j] = A > 0 ? a / A : NaN;
    hitRate[j] = total > 0 ? n / total : NaN;
  });
  return { coverage, areaShare, hitRate };
}

function defaultGrid(): Float64Array {
  const grid = new Float64Array(101);
  for (let i = 0; i <= 100; i++) grid[i] = i / 100;
  return grid;
}
