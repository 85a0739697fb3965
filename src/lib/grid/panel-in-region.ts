import type { Panel } from './panel';
import { restrictPanel } from './restrict-panel';
import type { StudyRegion } from './study-region';

/**
 * The panel of the cells inside `region` (its mask's 1s), in the panel's order, with their areas
 * and counts (`restrictPanel`); `panel` itself without a region (no boundary loaded).
 * @example panelInRegion(panel, regionFromCells(panel, [panel.cells[2]])).cells // → [panel.cells[2]]
 */
export function panelInRegion(panel: Panel, region: StudyRegion | null): Panel {
  if (!region) return panel;
  return restrictPanel(
    panel,
    Int32Array.from(panel.cells.keys()).filter((c) => region.mask[c] === 1),
  );
}
