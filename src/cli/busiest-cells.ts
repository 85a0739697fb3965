import { panelTotals } from '../lib/pipeline/bin';
import type { Panel } from '../lib/grid/panel';

/**
 * The `limit` cells with the most incidents, as table lines naming each by its place (the
 * binning's `cellNames`, `CELL_NAME_RULE`): rank, count, place, H3 index. Ties by cell order.
 *
 * @example
 * busiestCellLines(panel, names, 2)
 * // → ['Busiest cells (named by the most common neighbourhood)', '   1.  1,234  West End  882830829bfffff', …]
 */
export function busiestCellLines(panel: Pick<Panel, 'cells' | 'periods' | 'counts'>, names: readonly (string | null)[], column: string, limit = 10): string[] {
  const { cellTotals } = panelTotals(panel);
  const order = Array.from(cellTotals.keys())
    .sort((a, b) => cellTotals[b] - cellTotals[a] || a - b)
    .slice(0, limit);
  const label = (c: number): string => names[c] ?? '(no place value)';
  const width = Math.max(...order.map((c) => label(c).length));
  return [
    `Busiest cells (named by the most common ${column})`,
    ...order.map(
      (c, i) => `  ${String(i + 1).padStart(2)}.  ${cellTotals[c].toLocaleString('en-US').padStart(8)}  ${label(c).padEnd(width)}  ${panel.cells[c]}`,
    ),
  ];
}
