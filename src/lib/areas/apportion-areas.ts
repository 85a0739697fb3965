import { areaOf, boundaryOf, cellOf, cellsInPolygon, centreOf, hexAreaAt, MAX_RESOLUTION } from '../grid/h3';
import type { AreaAttributes, AreaColumn } from './area-attributes';
import type { AreaLayer } from './area-layer';
import type { AreaColumnChoice } from './choose-area-columns';

/** Fine cells one apportioning may index at most; a coarser fine resolution is used beyond it. */
const MAX_FINE_CELLS = 400_000;

/** How the polygons met the cells, for the accounting shown beside the results. */
export interface AreaApportioning {
  /** The finer H3 resolution the overlaps were measured at. */
  readonly fineRes: number;
  /** Polygons (usable features) with all, part or none of their area in the cells. */
  readonly inside: number;
  readonly partly: readonly { readonly feature: string; readonly share: number }[];
  readonly outside: readonly string[];
  /** Features smaller than one fine cell: placed whole in the fine cell holding their first ring's vertex mean. */
  readonly tiny: readonly string[];
  /** Area of the cells, m², and of it the area covered by some polygon. */
  readonly cellArea: number;
  readonly coveredArea: number;
  /** Per numeric column (file order): the sum over usable features and the part apportioned to the cells. */
  readonly columns: readonly { readonly name: string; readonly inFile: number; readonly inCells: number }[];
}

/**
 * Apportions an area layer's attributes to H3 cells (`cells`, all at resolution `res`, e.g. a
 * panel's) by area overlap, measured on a finer grid: every cell of resolution `res + 3` (343
 * per cell, about 1/343 of its area) whose centre lies in a polygon (`cellsInPolygon`) belongs
 * to that polygon, and to the cell of resolution `res` containing its centre (`cellOf`). A
 * polygon's amount `v` goes to cell c as `v · n_c / N`, where `n_c` counts its fine cells in c
 * and `N` all its fine cells, inside the cells or not (the part outside is accounted, not spread
 * over the rest); fine cells of one resolution differ in area by well under 1 % across a city. Each polygon is apportioned on its own, so the result
 * does not depend on the order of the features (overlapping polygons both count in full).
 * `covered[c]` is the number of fine cells in c inside any polygon over 7³ = 343 (at most 1).
 * The groups and total come from `choice`; the total is the sum of the groups when it names no
 * column. A fine resolution coarser than `res + 3` (at least `res + 1`) is used, and said in
 * `method`, when the polygons' bounding boxes would hold more than 400,000 fine cells.
 * @example apportionAreas(layer, panel.cells, 8, choice).attributes.method // → 'Each polygon's attributes were split …'
 */
export function apportionAreas(
  layer: AreaLayer,
  cells: readonly string[],
  res: number,
  choice: AreaColumnChoice,
): { attributes: AreaAttributes; apportioning: AreaApportioning } {
  const C = cells.length;
  const J = layer.columns.length;
  const index = new Map(cells.map((cell, c) => [cell, c]));
  const bounds = boundsOfCells(cells);
  const fineRes = fineResolution(layer, res, bounds);
  const amounts = Array.from({ length: J }, () => new Float64Array(C));
  const coveredCount = new Float64Array(C);
  const coveredFine = new Set<string>();
  let inside = 0;
  const partly: { feature: string; share: number }[] = [];
  const outside: string[] = [];
  const tiny: string[] = [];
  for (const feature of layer.features) {
    if (!feature.polygons.some((rings) => overlaps(boundsOfRing(rings[0]), bounds))) {
      outside.push(feature.id);
      continue;
    }
    const fine = new Set<string>();
    for (const rings of feature.polygons) for (const cell of cellsInPolygon({ rings: rings as number[][][], res: fineRes })) fine.add(cell);
    if (fine.size === 0) {
      tiny.push(feature.id);
      fine.add(cellOf({ ...vertexMean(feature.polygons[0][0]), res: fineRes }));
    }
    // Fine cells of one resolution differ in area by well under 1 % across a city: they are counted.
    const share = new Map<number, number>();
    const total = fine.size;
    let missed = 0;
    for (const cell of fine) {
      const c = index.get(cellOf({ ...centreOf(cell), res }));
      if (c === undefined) {
        missed++;
        continue;
      }
      share.set(c, (share.get(c) ?? 0) + 1);
      if (!coveredFine.has(cell)) {
        coveredFine.add(cell);
        coveredCount[c]++;
      }
    }
    let within = 0;
    for (const [c, a] of share) {
      within += a;
      for (let j = 0; j < J; j++) amounts[j][c] += (feature.values[j] * a) / total;
    }
    if (within === 0) outside.push(feature.id);
    else if (missed > 0) partly.push({ feature: feature.id, share: within / total });
    else inside++;
  }
  // A cell holds 7^(fineRes − res) fine cells (343 at res + 3; a pentagon's few fewer).
  const perCell = 7 ** (fineRes - res);
  const covered = Float64Array.from(coveredCount, (n) => Math.min(1, n / perCell));
  const cellAreas = cells.map((cell) => areaOf(cell));
  const column = (name: string): AreaColumn => ({ name, values: amounts[layer.columns.indexOf(name)] });
  const groups = choice.groups.map(column);
  const total: AreaColumn = choice.total
    ? column(choice.total)
    : {
        name: 'sum of groups',
        values: sumOf(
          groups.map((g) => g.values),
          C,
        ),
      };
  const method =
    `Each polygon's attributes were split over the resolution-${res} cells in proportion to its overlap with each, measured as the ` +
    `number of H3 resolution-${fineRes} cells (${Math.round(hexAreaAt(fineRes)).toLocaleString('en-US')} m² each on average) whose centre lies in both; ${choice.rule}`;
  const cellArea = cellAreas.reduce((sum, a) => sum + a, 0);
  return {
    attributes: { source: layer.source, cells, groups, total, others: choice.others.map(column), covered, method },
    apportioning: {
      fineRes,
      inside,
      partly,
      outside,
      tiny,
      cellArea,
      coveredArea: cellAreas.reduce((sum, a, c) => sum + a * covered[c], 0),
      columns: layer.columns.map((name, j) => ({
        name,
        inFile: layer.features.reduce((s, f) => s + f.values[j], 0),
        inCells: amounts[j].reduce((a, b) => a + b, 0),
      })),
    },
  };
}

/**
 * `res + 3`, coarser while the bounding boxes of the polygons that meet the cells (`bounds`; the
 * others are skipped, so a statewide file does not coarsen a city's apportioning) would hold more
 * than MAX_FINE_CELLS fine cells.
 */
function fineResolution(layer: AreaLayer, res: number, bounds: Bounds): number {
  let squareDegrees = 0;
  for (const f of layer.features)
    for (const rings of f.polygons) {
      const box = boundsOfRing(rings[0]);
      if (!overlaps(box, bounds)) continue;
      const [w, s, e, n] = box;
      squareDegrees += (e - w) * (n - s) * Math.cos((((s + n) / 2) * Math.PI) / 180);
    }
  const squareMetres = squareDegrees * 111_195 ** 2;
  let fine = Math.min(res + 3, MAX_RESOLUTION);
  while (fine > res + 1 && squareMetres / hexAreaAt(fine) > MAX_FINE_CELLS) fine--;
  return fine;
}

type Bounds = [west: number, south: number, east: number, north: number];

function boundsOfRing(ring: readonly (readonly number[])[]): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of ring) {
    b[0] = Math.min(b[0], lng);
    b[1] = Math.min(b[1], lat);
    b[2] = Math.max(b[2], lng);
    b[3] = Math.max(b[3], lat);
  }
  return b;
}

function boundsOfCells(cells: readonly string[]): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const cell of cells) {
    const [w, s, e, n] = boundsOfRing(boundaryOf(cell));
    b[0] = Math.min(b[0], w);
    b[1] = Math.min(b[1], s);
    b[2] = Math.max(b[2], e);
    b[3] = Math.max(b[3], n);
  }
  return b;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function vertexMean(ring: readonly (readonly number[])[]): { lat: number; lng: number } {
  let lat = 0;
  let lng = 0;
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    lng += ring[i][0];
    lat += ring[i][1];
  }
  return { lat: lat / n, lng: lng / n };
}

function sumOf(arrays: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (const a of arrays) for (let i = 0; i < length; i++) out[i] += a[i];
  return out;
}
