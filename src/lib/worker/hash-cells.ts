/**
 * FNV-1a (32-bit) over the cell strings, each followed by a comma: a key that changes whenever
 * the list of cells does, for caching map geometry.
 * @example hashCells([]) // → '811c9dc5' (the FNV offset basis)
 */
export function hashCells(cells: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) h = Math.imul(h ^ cell.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 44, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
