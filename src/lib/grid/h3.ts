/**
 * The one place that imports h3-js. Every call takes named arguments and re-throws h3's
 * terse errors with the values that caused them.
 */
import { HexcastError } from '../base/hexcast-error';
import {
  cellArea as h3CellArea,
  cellToBoundary,
  cellToChildren,
  cellToLatLng,
  cellToParent,
  getHexagonAreaAvg,
  getHexagonEdgeLengthAvg,
  getPentagons,
  getResolution,
  gridDiskDistances,
  isValidCell,
  latLngToCell,
  polygonToCells,
} from 'h3-js';

/** The finest H3 resolution. */
export const MAX_RESOLUTION = 15;

/**
 * Checks that `res` is an integer H3 resolution 0–15 and returns it.
 * @example assertResolution(8) // → 8; assertResolution(16) throws
 */
export function assertResolution(res: number): number {
  if (!Number.isInteger(res) || res < 0 || res > MAX_RESOLUTION) {
    throw new HexcastError('resolution-invalid', `H3 resolution must be an integer from 0 to 15, got ${res}`, { field: 'bin.res' });
  }
  return res;
}

/**
 * The H3 cell containing a WGS84 point.
 * @example cellOf({ lat: 41.8781, lng: -87.6298, res: 8 }) // → '882664c1a9fffff'
 */
export function cellOf({ lat, lng, res }: { lat: number; lng: number; res: number }): string {
  try {
    return latLngToCell(lat, lng, res);
  } catch (error) {
    throw new Error(`H3 cannot index point (lat ${lat}, lng ${lng}) at resolution ${res}: ${message(error)}`, { cause: error });
  }
}

/** Area of one cell in square metres (exact for that cell, not the resolution average). */
export function areaOf(cell: string): number {
  try {
    return h3CellArea(cell, 'm2');
  } catch (error) {
    throw new Error(`H3 cannot compute the area of cell '${cell}': ${message(error)}`, { cause: error });
  }
}

/** Centre of a cell as `{ lat, lng }` in degrees. */
export function centreOf(cell: string): { lat: number; lng: number } {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

/**
 * Boundary of a cell as GeoJSON-ordered `[lng, lat]` pairs, closed (first point repeated),
 * ready for d3-geo.
 */
export function boundaryOf(cell: string): [number, number][] {
  return cellToBoundary(cell, true) as [number, number][];
}

/** Resolution of a cell index; throws with the value when it is not a valid H3 cell. */
export function resolutionOf(cell: string): number {
  if (!isValidCell(cell)) throw new Error(`'${cell}' is not a valid H3 cell index`);
  return getResolution(cell);
}

/**
 * The cell at the coarser resolution `res` that contains `cell` in H3's hierarchy (its index
 * with the resolution field set to `res` and the digits after it set to 7). A parent covers
 * its children only approximately: a point near a parent's edge can lie in a child of one
 * parent and in another parent's hexagon. `res` equal to the cell's own gives the cell.
 * @example parentOf({ cell: '892664c1a9bffff', res: 8 }) // → '882664c1a9fffff'
 */
export function parentOf({ cell, res }: { cell: string; res: number }): string {
  const own = resolutionOf(cell);
  if (!Number.isInteger(res) || res < 0 || res > own)
    throw new RangeError(`The parent of '${cell}' (resolution ${own}) needs a resolution from 0 to ${own}, got ${res}`);
  return cellToParent(cell, res);
}

/**
 * The cells at the finer resolution `res` whose parent is `cell` (7 per level for a hexagon,
 * 6 for a pentagon's centre child lineage); `res` equal to the cell's own gives the cell.
 * @example childrenOf({ cell: '882664c1a9fffff', res: 9 }).length // → 7
 */
export function childrenOf({ cell, res }: { cell: string; res: number }): string[] {
  const own = resolutionOf(cell);
  if (!Number.isInteger(res) || res < own || res > MAX_RESOLUTION)
    throw new RangeError(`The children of '${cell}' (resolution ${own}) need a resolution from ${own} to 15, got ${res}`);
  return cellToChildren(cell, res);
}

/** True when `cell` is a valid H3 cell index. */
export function isCell(cell: string): boolean {
  return typeof cell === 'string' && isValidCell(cell);
}

/**
 * Cells within `k` grid steps of `cell`, grouped by distance: `rings[d]` holds the cells at
 * exactly d steps (`rings[0]` is the cell itself; a hexagon has 6·d cells in ring d).
 */
export function diskOf({ cell, k }: { cell: string; k: number }): string[][] {
  try {
    return gridDiskDistances(cell, k);
  } catch (error) {
    throw new Error(`H3 cannot build the k=${k} disk around '${cell}': ${message(error)}`, { cause: error });
  }
}

/** The 12 pentagons of a resolution: at res 0, centred on the icosahedron's vertices. */
export function pentagonsAt(res: number): string[] {
  return getPentagons(res);
}

/** Average hexagon edge length at a resolution, in metres. */
export function edgeLengthAt(res: number): number {
  return getHexagonEdgeLengthAvg(assertResolution(res), 'm');
}

/** Average hexagon area at a resolution, in square metres. */
export function hexAreaAt(res: number): number {
  return getHexagonAreaAvg(assertResolution(res), 'm2');
}

/**
 * Cells whose centres fall inside a polygon given as GeoJSON rings of `[lng, lat]` pairs
 * (outer ring first, then holes).
 */
export function cellsInPolygon({ rings, res }: { rings: number[][][]; res: number }): string[] {
  try {
    return polygonToCells(rings, assertResolution(res), true);
  } catch (error) {
    throw new Error(`H3 cannot cover the polygon at resolution ${res}: ${message(error)}`, { cause: error });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
