import { assertCellSubset } from './assert-cell-subset';
import type { Panel } from './panel';

/**
 * The panel of a subset of its cells: `keep` holds ascending cell indexes; the result has
 * those cells in the same order, their areas and their counts over every period (copied, one
 * run of consecutive kept cells at a time: a fold's universe usually leaves out a few cells only).
 * `into`, when given, holds the counts instead of a fresh array (its first periods × kept cells
 * values, every one written): for a caller that drops each restriction before it makes the next.
 * @example restrictPanel(panel, Int32Array.of(0, 4)).cells // → [panel.cells[0], panel.cells[4]]
 */
export function restrictPanel(panel: Panel, keep: Int32Array, into?: Float32Array): Panel {
  const C = panel.cells.length;
  const U = keep.length;
  const P = panel.periods.length;
  assertCellSubset(keep, C);
  // Runs of consecutive kept cells: [runFrom[r], runFrom[r] + runLength[r]) → position runAt[r].
  const runFrom: number[] = [];
  const runLength: number[] = [];
  const runAt: number[] = [];
  for (let u = 0; u < U; u++) {
    const r = runFrom.length - 1;
    if (r >= 0 && keep[u] === runFrom[r] + runLength[r]) runLength[r]++;
    else {
      runFrom.push(keep[u]);
      runLength.push(1);
      runAt.push(u);
    }
  }
  if (into && into.length < P * U) throw new RangeError(`restrictPanel: room for ${into.length} counts, ${P * U} needed`);
  const counts = into ? into.subarray(0, P * U) : new Float32Array(P * U);
  const source = panel.counts;
  for (let p = 0; p < P; p++) {
    const from = p * C;
    const to = p * U;
    for (let r = 0; r < runFrom.length; r++) {
      const start = from + runFrom[r];
      const length = runLength[r];
      const at = to + runAt[r];
      if (length < 32) for (let i = 0; i < length; i++) counts[at + i] = source[start + i];
      else counts.set(source.subarray(start, start + length), at);
    }
  }
  return { ...panel, cells: Array.from(keep, (c) => panel.cells[c]), area: Float64Array.from(keep, (c) => panel.area[c]), counts };
}
