import { assertCoverage, assertNotNegative } from './assert-inputs';
import { capturedPrefix, expectedCapture } from './hotspot-capture';
import { hotspotCut, hotspotRanking, type HotspotRanking } from './hotspot-ranking';

/** Hit rate against coverage, one entry per grid level. */
export interface CaptureCurve {
  /** The requested coverage levels c (fractions of the study area). */
  readonly coverage: Float64Array;
  /** n/N at each level. */
  readonly hitRate: Float64Array;
}

/**
 * The capture curve of one forecast step: hit rate against coverage from 0 to 100 % of the
 * study area, for plotting (Chainey, Tompson & Uhlig 2008 plot the same curve to compare
 * hotspot methods; a forecast no better than chance runs along the diagonal).
 *
 * Each level follows `HOTSPOT_RULE`, from one sort: exactly c·A is flagged, the tied group at
 * the boundary in part, counting the same share of its incidents — so the curve is the
 * expectation over every order of tied cells, piecewise linear within a tied group. Hit rate
 * = n/N with N = all incidents in `actual` (outside the region too, so the curve ends below 1
 * when the region misses incidents). `grid` defaults to 0, 0.01, …, 1 (101 levels); at level 0
 * nothing is flagged and the hit rate is 0.
 * Policy: N = 0 or a NaN count → every hit rate NaN (no incidents, no curve). Throws when a
 * grid level ∉ [0, 1], a count is negative, or as `hotspotRanking` does. `ranked`, when given,
 * is `hotspotRanking(forecast, area, region, actual)` already made (the backtest shares it with
 * `hotspotScores`).
 * @example captureCurve([3, 2, 1], [6, 3, 0], [1, 1, 1], [1, 1, 1], [0, 0.5, 1]).hitRate
 * // → [0, 7.5 / 9, 1] (half the area: cell 0 and half of cell 1, 6 + 1.5 of 9 incidents)
 */
export function captureCurve(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  grid: ArrayLike<number> = defaultGrid(),
  ranked?: HotspotRanking,
): CaptureCurve {
  for (let j = 0; j < grid.length; j++) assertCoverage('captureCurve', grid[j], true);
  if (actual.length !== forecast.length) {
    throw new RangeError(`captureCurve: forecast has ${forecast.length} cells but actual has ${actual.length}; they must be the same length`);
  }
  const ranking = ranked ?? hotspotRanking(forecast, area, region, actual);
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    assertNotNegative('captureCurve', 'actual', i, actual[i]);
    total += actual[i];
  }
  const coverage = Float64Array.from(grid);
  const hitRate = new Float64Array(grid.length);
  const prefix = capturedPrefix(ranking, actual);
  for (let j = 0; j < grid.length; j++) {
    hitRate[j] = total > 0 ? expectedCapture(hotspotCut(ranking, grid[j]), prefix) / total : NaN;
  }
  return { coverage, hitRate };
}

function defaultGrid(): Float64Array {
  const grid = new Float64Array(101);
  for (let i = 0; i <= 100; i++) grid[i] = i / 100;
  return grid;
}
