import { assertNotNegative, assertSameLength } from './assert-inputs';

/**
 * Area under the ROC curve of a forecast as a score for "this cell-period has an incident",
 * over the study-region cells: the probability that a random cell with an incident is ranked
 * above a random empty one, ties counting one half. Needs no coverage: it summarises every
 * flagged area at once (1 = perfect ranking, 0.5 = no better than chance).
 *
 * Formula (Mann–Whitney): AUC = (Σ_{p∈P} rank(p) − |P|(|P| + 1)/2) / (|P|·|Q|), with P the region
 * cells with y > 0, Q those with y = 0 and rank the mid-rank of the forecast among all region cells,
 * ascending (Hanley & McNeil 1982, *Radiology* 143:29–36).
 * Policy: no positive or no negative cell, a NaN forecast or a NaN count in the region → NaN.
 * Throws when lengths differ or a count is negative.
 * @example auc([3, 2, 1, 0], [2, 0, 1, 0], [1, 1, 1, 1]) // → 3/4: of the pairs (0,1) (0,3) (2,1) (2,3) only (2,1) is misordered
 */
export function auc(forecast: ArrayLike<number>, actual: ArrayLike<number>, region: ArrayLike<number>): number {
  assertSameLength('auc', forecast, actual);
  const cells: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    assertNotNegative('auc', 'actual', i, actual[i]);
    if (region[i] !== 1) continue;
    if (forecast[i] !== forecast[i] || actual[i] !== actual[i]) return Number.NaN;
    cells.push(i);
  }
  cells.sort((i, j) => forecast[i] - forecast[j]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < cells.length;) {
    let end = start + 1;
    while (end < cells.length && forecast[cells[end]] === forecast[cells[start]]) end++;
    const midRank = (start + 1 + end) / 2; // ranks start + 1 … end share their mean
    for (let r = start; r < end; r++) {
      if (actual[cells[r]] > 0) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = cells.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
