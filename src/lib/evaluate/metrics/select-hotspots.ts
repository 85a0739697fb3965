import { assertCoverage } from './assert-inputs';
import { coverageWalk, hotspotRanking } from './hotspot-ranking';

/** The cells a forecast flags as hotspots at one coverage level. */
export interface HotspotSelection {
  /** Indexes of the selected cells, in selection order (highest forecast first). */
  readonly cells: Int32Array;
  /** a: their total area, m² (≥ coverage·A; the last cell may overshoot). */
  readonly area: number;
  /** A: the total area of the study region, m². */
  readonly regionArea: number;
}

/**
 * Selects hotspots as a patrol plan would: the study-region cells ranked by forecast, highest
 * first, taking the smallest prefix whose area reaches c·A (A = total region area). The last
 * cell taken may overshoot c·A: cells are indivisible, and stopping short would select less
 * than the stated coverage. Ties in the forecast are broken by cell index ascending — a fixed,
 * truth-blind order (Panel cells are sorted H3 indexes); NaN forecasts rank last. Method as in
 * Chainey, Tompson & Uhlig (2008), "The utility of hotspot mapping for predicting spatial
 * patterns of crime", *Security Journal* 21:4–28.
 * Throws when the lengths differ, a region cell's area is not positive, or c ∉ (0, 1].
 * @example selectHotspots([1, 3, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5)
 * // → { cells: [1, 2], area: 2, regionArea: 4 }
 */
export function selectHotspots(
  forecast: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
): HotspotSelection {
  assertCoverage('selectHotspots', coverage);
  const ranking = hotspotRanking(forecast, area, region);
  let cells = 0;
  let covered = 0;
  coverageWalk(ranking, area, null, [coverage], (_, k, a) => {
    cells = k;
    covered = a;
  });
  return { cells: ranking.order.subarray(0, cells), area: covered, regionArea: ranking.regionArea };
}
