import { areaOf, resolutionOf } from './h3';
import type { Panel } from './panel';

/**
 * Adds cells with all-zero counts to a panel (e.g. the empty cells of a boundary's H3 cover,
 * so they count in the study area and can be selected). Cells already present are ignored;
 * the result keeps cells sorted. Throws when a cell is invalid or at another resolution.
 */
export function extendPanel(panel: Panel, extra: Iterable<string>): Panel {
  const present = new Set(panel.cells);
  const added = [...new Set(extra)].filter((cell) => !present.has(cell));
  if (added.length === 0) return panel;
  for (const cell of added) {
    const res = resolutionOf(cell);
    if (res !== panel.res) throw new Error(`Cell '${cell}' is at resolution ${res}, the panel at ${panel.res}`);
  }
  const cells = [...panel.cells, ...added].sort();
  const oldIndex = new Map(panel.cells.map((cell, i) => [cell, i]));
  const C = cells.length;
  const P = panel.periods.length;
  const oldC = panel.cells.length;
  const counts = new Float32Array(P * C);
  const area = new Float64Array(C);
  cells.forEach((cell, c) => {
    const old = oldIndex.get(cell);
    if (old === undefined) {
      area[c] = areaOf(cell);
      return;
    }
    area[c] = panel.area[old];
    for (let p = 0; p < P; p++) counts[p * C + c] = panel.counts[p * oldC + old];
  });
  return { ...panel, cells, area, counts };
}
