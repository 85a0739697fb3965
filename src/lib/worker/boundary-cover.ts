import type { BoundaryCover, BoundaryFile } from './protocol';

/**
 * How a boundary's H3 cover relates to the cells that hold incidents: the cover's size, how
 * many of its cells hold none (added to the panel with zero counts), and how many cells with
 * incidents lie outside it.
 * @example boundaryCover(file, ['a', 'b'], ['b', 'c']) // → { …file, cells: 2, added: 1, outside: 1 }
 */
export function boundaryCover(boundary: BoundaryFile, region: readonly string[], dataCells: readonly string[]): BoundaryCover {
  const inside = new Set(region);
  const withData = new Set(dataCells);
  let added = 0;
  for (const cell of region) if (!withData.has(cell)) added++;
  let outside = 0;
  for (const cell of dataCells) if (!inside.has(cell)) outside++;
  return { name: boundary.name, sha256: boundary.sha256, cells: region.length, added, outside };
}
