import { cellOf, diskOf } from '../grid/h3';

/** A disk of real H3 cells: sorted cells, each cell's ring distance from the centre, and its k = 1 neighbours in the disk. */
export interface HexPatch {
  readonly res: number;
  readonly cells: readonly string[];
  readonly ring: Uint8Array;
  readonly adjacency: readonly (readonly number[])[];
}

/**
 * The cells within `rings` rings of the cell containing `centre` at resolution `res`
 * (1 + 3k(k + 1) cells), sorted ascending like a panel's, with ring distances and neighbour lists.
 * @example hexPatch({ centre: { lat: 41.8781, lng: -87.6298 }, res: 8, rings: 1 }).cells.length // → 1 + 6 = 7
 */
export function hexPatch({ centre, res, rings }: { centre: { lat: number; lng: number }; res: number; rings: number }): HexPatch {
  const origin = cellOf({ ...centre, res });
  const ringOf = new Map<string, number>();
  diskOf({ cell: origin, k: rings }).forEach((cellsAtD, d) => cellsAtD.forEach((cell) => ringOf.set(cell, d)));
  const cells = [...ringOf.keys()].sort();
  return { res, cells, ring: Uint8Array.from(cells, (cell) => ringOf.get(cell)!), adjacency: neighbourLists(cells) };
}

/**
 * Each cell's k = 1 neighbours among `cells` (indices into `cells`, ascending).
 * @example neighbourLists(hexPatch({ centre, res: 8, rings: 1 }).cells)[0].length // → 3 (an edge cell of the disk)
 */
export function neighbourLists(cells: readonly string[]): number[][] {
  const position = new Map(cells.map((cell, i) => [cell, i]));
  return cells.map((cell) =>
    diskOf({ cell, k: 1 })[1]
      .map((other) => position.get(other))
      .filter((j): j is number => j !== undefined)
      .sort((a, b) => a - b),
  );
}
