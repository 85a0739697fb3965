import { assertCoverage } from './assert-inputs';
import { hotspotCut, hotspotRanking } from './hotspot-ranking';

/** The cells a forecast flags as hotspots at one coverage level. */
export interface HotspotSelection {
  /** Indexes of the cells flagged whole, in ranking order (highest forecast first). */
  readonly cells: Int32Array;
  /** Indexes of the tied group at the boundary, each flagged in the share `share` of its area (empty when none). */
  readonly boundary: Int32Array;
  /** s ∈ [0, 1): the share of the boundary group's area flagged. */
  readonly share: number;
  /** a = c·A: the area flagged, m². */
  readonly area: number;
  /** A: the total area of the study region, m². */
  readonly regionArea: number;
}

/**
 * Selects hotspots at coverage c under `HOTSPOT_RULE`: the study-region cells ranked by
 * forecast count (`hotspotRanking`), the groups of equal forecast taken whole while their area
 * stays within c·A, and the tied group at the boundary flagged in the share of its area that
 * makes the flagged area exactly c·A. Outcomes play no part. Method as in Chainey, Tompson &
 * Uhlig (2008), "The utility of hotspot mapping for predicting spatial patterns of crime",
 * *Security Journal* 21:4–28, with exact area and shared ties.
 * Throws when the lengths differ, a region cell's area is not positive, or c ∉ (0, 1].
 * @example selectHotspots([1, 3, 3, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.25)
 * // → { cells: [], boundary: [1, 2], share: 0.5, area: 1, regionArea: 4 }
 */
export function selectHotspots(forecast: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, coverage: number): HotspotSelection {
  assertCoverage('selectHotspots', coverage);
  const ranking = hotspotRanking(forecast, area, region);
  const cut = hotspotCut(ranking, coverage);
  return {
    cells: ranking.order.slice(0, cut.cells),
    boundary: ranking.order.slice(cut.cells, cut.end),
    share: cut.share,
    area: coverage * ranking.regionArea,
    regionArea: ranking.regionArea,
  };
}
