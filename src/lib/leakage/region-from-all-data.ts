import type { Panel } from '../grid/panel';
import { regionFromCells, type StudyRegion } from '../grid/study-region';

/**
 * LEAKY — the study region drawn with test-period data: every panel cell with an incident in any
 * period, test periods included, instead of the cells with an incident before the first cutoff
 * (`studyRegion`) or a declared boundary. The region then grows with every cell that only
 * becomes active later, which no honest forecaster could have known about; hotspot scores are
 * shares of that area. Only the leakage lab calls it.
 * @example regionFromAllData(panel).cells // → every cell with at least one incident
 */
export function regionFromAllData(panel: Panel): StudyRegion {
  const C = panel.cells.length;
  const seen = new Uint8Array(C);
  for (let i = 0; i < panel.counts.length; i++) if (panel.counts[i] > 0) seen[i % C] = 1;
  return regionFromCells(
    panel,
    panel.cells.filter((_, c) => seen[c] === 1),
    'history',
  );
}
