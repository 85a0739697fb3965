import { assertCellSubset } from './assert-cell-subset';
import type { Panel } from './panel';

/**
 * The panel of a subset of its cells: `keep` holds ascending cell indexes; the result has
 * those cells in the same order, their areas and their counts over every period (copied).
 * @example restrictPanel(panel, Int32Array.of(0, 4)).cells // → [panel.cells[0], panel.cells[4]]
 */
export function restrictPanel(panel: Panel, keep: Int32Array): Panel {
  const C = panel.cells.length;
  const U = keep.length;
  const P = panel.periods.length;
  assertCellSubset(keep, C);
  const counts = new Float32Array(P * U);
  for (let p = 0; p < P; p++) {
    const from = p * C;
    const to = p * U;
    for (let u = 0; u < U; u++) counts[to + u] = panel.counts[from + keep[u]];
  }
  return { ...panel, cells: Array.from(keep, (c) => panel.cells[c]), area: Float64Array.from(keep, (c) => panel.area[c]), counts };
}
