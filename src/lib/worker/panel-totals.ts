import type { Panel } from '../grid/panel';

/**
 * Incidents per cell over all periods and per period over all cells, in one pass over the
 * period-major counts.
 * @example panelTotals({ cells: ['a', 'b'], periods, counts: Float32Array.of(1, 2, 3, 4), … })
 *   // → { cellTotals: [4, 6], periodTotals: [3, 7] }
 */
export function panelTotals(panel: Pick<Panel, 'cells' | 'periods' | 'counts'>): { cellTotals: Float32Array; periodTotals: Float32Array } {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const cellTotals = new Float32Array(C);
  const periodTotals = new Float32Array(P);
  for (let p = 0; p < P; p++) {
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const v = panel.counts[p * C + c];
      cellTotals[c] += v;
      sum += v;
    }
    periodTotals[p] = sum;
  }
  return { cellTotals, periodTotals };
}
