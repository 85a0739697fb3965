import type { BinResult } from '../lib/worker/protocol';

/**
 * A lookup from H3 cell to its place name (the binning's `cellNames`, named by the most common
 * value of the mapping's place column); every cell gives null when there are no names.
 *
 * @example
 * cellNameLookup({ cells: ['8828…'], cellNames: ['West End'], … })('8828…') // → 'West End'
 */
export function cellNameLookup(result: Pick<BinResult, 'cells' | 'cellNames'> | null): (cell: string) => string | null {
  const names = result?.cellNames;
  if (!result || !names) return () => null;
  const byCell = new Map(result.cells.map((cell, i) => [cell, names[i]]));
  return (cell) => byCell.get(cell) ?? null;
}

/**
 * A cell as people read it: its place name, then its H3 index ('West End · 8828de8c13fffff'), or the index alone.
 *
 * @example
 * cellLabel('8828de8c13fffff', 'West End') // → 'West End · 8828de8c13fffff'
 */
export function cellLabel(cell: string, name: string | null): string {
  return name ? `${name} · ${cell}` : cell;
}
