import { HexcastError } from '../base/hexcast-error';
import type { Panel } from './panel';

/**
 * The cells over which area and hotspot metrics are computed (DESIGN.md). Incidents in
 * panel cells outside the region still count in every denominator.
 */
export interface StudyRegion {
  /** 1 for panel cells inside the region, 0 otherwise (indexed like `panel.cells`). */
  readonly mask: Uint8Array;
  /** Number of cells in the region. */
  readonly cells: number;
  /** Total area of the region's cells, m². */
  readonly area: number;
  /** 'history': cells with an incident before the first cutoff; 'boundary': the H3 cover of a user's boundary. */
  readonly source: 'history' | 'boundary';
}

/**
 * The default study region: cells with at least one incident in periods [0, firstCutoff), so
 * the region never peeks at the test period.
 * @example studyRegion(panel, 200).cells // → cells active in the first 200 periods
 */
export function studyRegion(panel: Panel, firstCutoff: number): StudyRegion {
  const C = panel.cells.length;
  if (!Number.isInteger(firstCutoff) || firstCutoff < 1 || firstCutoff > panel.periods.length) {
    throw new RangeError(`First cutoff must be a period index from 1 to ${panel.periods.length}, got ${firstCutoff}`);
  }
  const mask = new Uint8Array(C);
  const { counts } = panel;
  for (let p = 0; p < firstCutoff; p++) {
    const row = p * C;
    for (let c = 0; c < C; c++) if (counts[row + c] > 0) mask[c] = 1;
  }
  return regionOf(panel, mask, 'history');
}

/**
 * A study region made of the given H3 cells (those not in the panel are ignored: extend the
 * panel first with `extendPanel` so that empty cells count in the area).
 */
export function regionFromCells(panel: Panel, cells: Iterable<string>, source: StudyRegion['source'] = 'boundary'): StudyRegion {
  const wanted = new Set(cells);
  const mask = Uint8Array.from(panel.cells, (cell) => (wanted.has(cell) ? 1 : 0));
  return regionOf(panel, mask, source);
}

function regionOf(panel: Panel, mask: Uint8Array, source: StudyRegion['source']): StudyRegion {
  let cells = 0;
  let area = 0;
  for (let c = 0; c < mask.length; c++) {
    if (mask[c]) {
      cells++;
      area += panel.area[c];
    }
  }
  if (cells === 0)
    throw new HexcastError('region-empty', 'The study region is empty: no cell has an incident before the first cutoff (or inside the boundary)');
  return { mask, cells, area, source };
}
