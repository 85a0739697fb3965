import { assertCoverage } from './assert-inputs';
import { hotspotCut, hotspotRanking } from './hotspot-ranking';

/**
 * How much of each cell a forecast flags at coverage c under `HOTSPOT_RULE`: 1 for a cell
 * flagged whole, s for a cell of the tied group at the boundary (flagged in the share s of its
 * area, the mean over every order of the tied cells), 0 for the rest and for cells outside the
 * region. The classification metrics (`flagPrecision`, `flagAccuracy`) read a forecast's
 * flagged cells through these weights, so they flag exactly what `hitRate` flags.
 * Coverage 0 flags nothing (every weight 0). Throws as `selectHotspots` does, but accepts c = 0.
 * @example flagWeights([3, 1, 1, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5) // → [1, 0.5, 0.5, 0]
 */
export function flagWeights(forecast: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, coverage: number): Float64Array {
  assertCoverage('flagWeights', coverage, true);
  const ranking = hotspotRanking(forecast, area, region);
  const cut = hotspotCut(ranking, coverage);
  const weights = new Float64Array(forecast.length);
  for (let r = 0; r < cut.cells; r++) weights[ranking.order[r]] = 1;
  for (let r = cut.cells; r < cut.end; r++) weights[ranking.order[r]] = cut.share;
  return weights;
}
