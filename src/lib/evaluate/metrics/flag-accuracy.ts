import { assertNotNegative, assertSameLength } from './assert-inputs';
import { flagWeights } from './flag-weights';

/**
 * Classification accuracy of the flagged cells at coverage c: the share of the region's
 * cell-periods classified right, a flagged cell (`HOTSPOT_RULE`) counting as "predicts an
 * incident" and every other region cell as "predicts none". On sparse data it is dominated by
 * the empty cells: flagging nothing scores the share of empty cells (often ≈ 99 %), which is why
 * a bare "W % accurate" says little (Fawcett 2006, "An introduction to ROC analysis", *Pattern
 * Recognition Letters* 27:861–874, on accuracy under class skew).
 *
 * Formula: (Σᵢ wᵢ·[yᵢ > 0] + Σᵢ (1 − wᵢ)·[yᵢ = 0]) / R over the R region cells, wᵢ as in
 * `flagWeights` (the tied group at the boundary counts in its flagged share).
 * Coverage 0 flags nothing: the score of "no crime anywhere", the share of empty region cells.
 * Policy: an empty region or a NaN count in the region → NaN. Throws when lengths differ, a count
 * is negative, or as `selectHotspots` does.
 * @example flagAccuracy([3, 2, 1, 0], [2, 0, 1, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5)
 * // → 2/4: cell 0 (flagged, hit) and cell 3 (unflagged, empty) right; 1 and 2 wrong
 */
export function flagAccuracy(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
): number {
  assertSameLength('flagAccuracy', forecast, actual);
  for (let i = 0; i < actual.length; i++) assertNotNegative('flagAccuracy', 'actual', i, actual[i]);
  const w = flagWeights(forecast, area, region, coverage);
  let cells = 0;
  let right = 0;
  for (let i = 0; i < w.length; i++) {
    if (region[i] !== 1) continue;
    cells++;
    right += actual[i] !== actual[i] ? Number.NaN : actual[i] > 0 ? w[i] : 1 - w[i];
  }
  return cells > 0 ? right / cells : Number.NaN;
}
