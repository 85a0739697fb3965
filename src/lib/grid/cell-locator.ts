import { boundaryOf, cellOf, centreOf, edgeLengthAt, pentagonsAt } from './h3';

/**
 * How far inside a cell's edges (as an angle at the Earth's centre, radians) a point must be for
 * `CellLocator` to place it without h3: 1e-9 rad is 6.4 mm on the ground — about 10^6 times the
 * float error of h3's own placement away from face centres and of this file's edge test — and
 * 1.3 % of a cell's width at resolution 15 (the finest), so nearly every point still skips h3.
 * Near a face centre (`FACE_CENTRE_RAD`) and a pole (`POLE_RAD`) h3's float error is larger, and
 * cells there always go to h3.
 */
export const EDGE_MARGIN_RAD = 1e-9;

/**
 * Cells whose centre lies within this angle (radians, about 640 m) of an icosahedron face centre
 * are always left to h3. There h3 computes a point's distance from the face centre as
 * acos(1 − d²/2), whose float error grows as 1e-16 / distance (about 1e-12 rad at 640 m, but
 * 1e-9 rad within 0.7 m), so its placement can differ from the cell's geometric shape by more
 * than `EDGE_MARGIN_RAD`.
 */
export const FACE_CENTRE_RAD = 1e-4;

/**
 * Cells with a vertex within this angle (radians, about 6.4 km) of a pole are always left to h3:
 * h3 turns a vertex into a latitude with asin(z), whose error grows as about 1.3e-16 / (distance
 * from the pole), so near a pole the vertices of `cellToBoundary` stray from h3's own hexagon by
 * more than `EDGE_MARGIN_RAD` at resolutions 14–15 (a review measured 3.8e-9 rad at res 15). At
 * 1e-3 rad the stray is about 1e-13 rad.
 */
export const POLE_RAD = 1e-3;

const RAD = Math.PI / 180;
const METRES_PER_DEGREE = 111_195;

/**
 * The H3 cell of a point at one resolution, exactly as h3's `latLngToCell` gives it, calling h3
 * only for points near a cell's edge. Rule: a point strictly inside a cell's spherical polygon —
 * at least `EDGE_MARGIN_RAD` inside every edge — is in that cell. It holds for a hexagon on one
 * icosahedron face: H3 places points with a gnomonic projection of that face, which maps great
 * circles to straight lines, so the hexagon's edges are great-circle arcs between its vertices
 * (h3's `cellToBoundary`). Pentagons, cells crossing a face edge and cells near a face centre
 * (`FACE_CENTRE_RAD`) or a pole (`POLE_RAD`) always go to h3. The candidate cells for a point are the last two cells found in its
 * square of a coarse grid (half a cell edge wide; a new square tries its four neighbours' cells), so a burst of nearby points costs one h3 call
 * and a few dot products each. Cells are numbered 0, 1, … in the order first found
 * (`cells[k]`). Tested against `latLngToCell` on every distinct point of the Chicago file at
 * resolutions 6–10 and on random points worldwide at every resolution.
 * @example const at = new CellLocator(8); at.cells[at.locate(41.8781, -87.6298)] // → '882664c1a9fffff'
 */
export class CellLocator {
  readonly res: number;
  /** The cells found so far, by their number. */
  readonly cells: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Per cell, the unit normals of its edges (x, y, z each; inside is positive), null: always ask h3, undefined: not worked out yet. */
  private readonly normals: (Float64Array | null | undefined)[] = [];
  /** Per cell, how many points h3 has placed in it (through the rule's path). */
  private readonly found: number[] = [];
  /** The unit vector of the point being placed. */
  private x = 0;
  private y = 0;
  private z = 0;
  /** Points placed by h3 so far (the rest by the margin rule). */
  h3Calls = 0;
  /** Points of the current window of `WINDOW`, and the cells met before it. */
  private windowPoints = 0;
  private windowCells = 0;
  /** Points still to place by h3 alone (the rule did not pay in the last window). */
  private bypass = 0;
  private windows = 0;
  private readonly squares = new SquareTable();
  private readonly step: number;

  constructor(res: number) {
    this.res = res;
    // Half an average edge, but no finer than 1e-5° so a square's row and column fit in 32 bits.
    this.step = Math.max(edgeLengthAt(res) / METRES_PER_DEGREE / 2, 1e-5);
  }

  /**
   * Whether the next point is worth placing by `locate` rather than by h3 straight; `cells` is how
   * many distinct cells the caller has met so far. Sparse points (few to a cell) gain nothing from
   * the rule and pay for it: after a window of `WINDOW` points (past the first `WARM_WINDOWS`) of
   * which more than `BYPASS_NEW_CELLS` landed in new cells, the next `BYPASS_WINDOWS` windows are
   * not, then the rule is tried again.
   */
  wanted(cells: number): boolean {
    if (this.bypass > 0) {
      this.bypass--;
      return false;
    }
    if (++this.windowPoints === WINDOW) {
      if (++this.windows > WARM_WINDOWS && cells - this.windowCells > BYPASS_NEW_CELLS * WINDOW) this.bypass = BYPASS_WINDOWS * WINDOW;
      this.windowPoints = 0;
      this.windowCells = cells;
    }
    return true;
  }

  /** The number of the cell containing (lat, lng), valid degrees; `cells[number]` is its index. */
  locate(lat: number, lng: number): number {
    const phi = lat * RAD;
    const lambda = lng * RAD;
    const c = Math.cos(phi);
    this.x = c * Math.cos(lambda);
    this.y = c * Math.sin(lambda);
    this.z = Math.sin(phi);
    const row = Math.floor(lat / this.step);
    const column = Math.floor(lng / this.step);
    const { squares } = this;
    const slot = squares.slot(row, column);
    const last = squares.last[slot];
    if (last === -1) {
      // A new square: its neighbours' cells first (a cell spans several squares).
      for (let side = 0; side < 4; side++) {
        const near = squares.find(row + NEIGHBOUR_ROWS[side], column + NEIGHBOUR_COLUMNS[side]);
        if (near !== -1 && this.holds(near)) return squares.add(slot, row, column, near);
      }
      return squares.add(slot, row, column, this.lookUp(lat, lng));
    }
    if (this.holds(last)) return last;
    const before = squares.before[slot];
    squares.before[slot] = last;
    if (before !== -1 && this.holds(before)) return (squares.last[slot] = before);
    return (squares.last[slot] = this.lookUp(lat, lng));
  }

  /** True when cell `k` holds the point (`x`, `y`, `z`) by the margin rule (never for a cell left to h3). */
  private holds(k: number): boolean {
    let normals = this.normals[k];
    if (normals === undefined) {
      // Worked out (about 5 µs) once h3 has placed a second point in the cell: a cell met once never pays for it.
      if (this.found[k] < 2) return false;
      normals = this.normals[k] = edgeNormals(this.cells[k]);
    }
    if (normals === null) return false;
    const { x, y, z } = this;
    for (let i = 0; i < normals.length; i += 3) if (!(normals[i] * x + normals[i + 1] * y + normals[i + 2] * z > EDGE_MARGIN_RAD)) return false;
    return true;
  }

  /** The point's cell from h3. */
  private lookUp(lat: number, lng: number): number {
    this.h3Calls++;
    const k = this.numberOf(cellOf({ lat, lng, res: this.res }));
    this.found[k]++;
    return k;
  }

  private numberOf(cell: string): number {
    let k = this.numbers.get(cell);
    if (k === undefined) {
      k = this.cells.length;
      this.cells.push(cell);
      this.numbers.set(cell, k);
      this.normals.push(undefined);
      this.found.push(0);
    }
    return k;
  }
}

/** Points in a window of `CellLocator`'s check that the rule pays. */
const WINDOW = 8192;
/**
 * Share of a window's points that land in cells not met before, above which the rule is set
 * aside: with few points a cell, working out each cell's edges (about 5 µs) and trying the grid's
 * candidates cost more than the h3 calls they save. Chicago's 344,677 distinct points, in their
 * file's order, from the fifth window of 8,192 on: at res 8 0 % (887 points a cell), res 9 ≤ 2 %
 * (66), res 10 22 % falling to 1 % (12 a cell; the rule stays on and breaks even), res 11 49 %
 * falling to 9 % (4 a cell), res 12 68 % (2.5); points scattered one to a cell: 99 %.
 */
const BYPASS_NEW_CELLS = 0.25;
/** Windows at the start in which the rule is never set aside. */
const WARM_WINDOWS = 4;
/** Windows set aside before the rule is tried again (one window decides then). */
const BYPASS_WINDOWS = 31;

const NEIGHBOUR_ROWS = [0, 0, -1, 1];
const NEIGHBOUR_COLUMNS = [-1, 1, 0, 0];

/**
 * An open-addressing table from a coarse-grid square (row, column) to the last two cells found in
 * it (-1: none). Grows by doubling at half full; `slot` finds a square's slot or the empty slot
 * where it goes, and `add` fills that slot (the slot stays valid until the next `add`).
 */
class SquareTable {
  rows = new Int32Array(1024);
  columns = new Int32Array(1024);
  last = new Int32Array(1024).fill(-1);
  before = new Int32Array(1024).fill(-1);
  private size = 0;

  slot(row: number, column: number): number {
    const mask = this.last.length - 1;
    let slot = (Math.imul(row, 0x9e3779b1) ^ Math.imul(column, 0x85ebca6b)) & mask;
    while (this.last[slot] !== -1 && (this.rows[slot] !== row || this.columns[slot] !== column)) slot = (slot + 1) & mask;
    return slot;
  }

  find(row: number, column: number): number {
    return this.last[this.slot(row, column)];
  }

  add(slot: number, row: number, column: number, k: number): number {
    this.rows[slot] = row;
    this.columns[slot] = column;
    this.last[slot] = k;
    if (++this.size * 2 > this.last.length) this.grow();
    return k;
  }

  private grow(): void {
    const { rows, columns, last, before } = this;
    const length = last.length * 2;
    this.rows = new Int32Array(length);
    this.columns = new Int32Array(length);
    this.last = new Int32Array(length).fill(-1);
    this.before = new Int32Array(length).fill(-1);
    for (let old = 0; old < last.length; old++) {
      if (last[old] === -1) continue;
      const slot = this.slot(rows[old], columns[old]);
      this.rows[slot] = rows[old];
      this.columns[slot] = columns[old];
      this.last[slot] = last[old];
      this.before[slot] = before[old];
    }
  }
}

/**
 * True when every vertex has the same nearest face centre, by at least `EDGE_MARGIN_RAD` of dot
 * product over the next: the faces are the spherical triangles nearest their centres (the
 * icosahedron's, as H3 picks a point's face), each convex, so a cell whose vertices all lie in one
 * lies in it whole. What h3's getIcosahedronFaces tells, without an h3 call per cell.
 */
function onOneFace(vertices: Float64Array, faces: readonly (readonly number[])[]): boolean {
  let face = -1;
  for (let i = 0; i < vertices.length; i += 3) {
    const x = vertices[i];
    const y = vertices[i + 1];
    const z = vertices[i + 2];
    let best = -1;
    let first = -Infinity;
    let second = -Infinity;
    for (let f = 0; f < faces.length; f++) {
      const centre = faces[f];
      const d = centre[0] * x + centre[1] * y + centre[2] * z;
      if (d > first) {
        second = first;
        first = d;
        best = f;
      } else if (d > second) second = d;
    }
    if (first - second <= EDGE_MARGIN_RAD || (face !== -1 && best !== face)) return false;
    face = best;
  }
  return true;
}

/** Unit vector of a point in degrees. */
function unitVector(lat: number, lng: number): [number, number, number] {
  const c = Math.cos(lat * RAD);
  return [c * Math.cos(lng * RAD), c * Math.sin(lng * RAD), Math.sin(lat * RAD)];
}

let faceCentres: [number, number, number][] | null = null;

/**
 * The 20 icosahedron face centres as unit vectors. H3's icosahedron has its 12 vertices at the
 * centres of the 12 pentagons; a face is three pairwise neighbouring vertices (63.4° apart, the
 * next-nearest are 116.6° apart), and its centre is the normalised sum of the three.
 */
function icosahedronFaceCentres(): [number, number, number][] {
  if (faceCentres) return faceCentres;
  const vertices = pentagonsAt(0).map((cell) => {
    const { lat, lng } = centreOf(cell);
    return unitVector(lat, lng);
  });
  const near = (a: number[], b: number[]): boolean => a[0] * b[0] + a[1] * b[1] + a[2] * b[2] > 0; // cos 63.4° = 0.447, cos 116.6° = −0.447
  const centres: [number, number, number][] = [];
  for (let i = 0; i < vertices.length; i++) {
    for (let j = i + 1; j < vertices.length; j++) {
      for (let k = j + 1; k < vertices.length; k++) {
        const [a, b, c] = [vertices[i], vertices[j], vertices[k]];
        if (!near(a, b) || !near(a, c) || !near(b, c)) continue;
        const sum = [a[0] + b[0] + c[0], a[1] + b[1] + c[1], a[2] + b[2] + c[2]];
        const length = Math.hypot(sum[0], sum[1], sum[2]);
        centres.push([sum[0] / length, sum[1] / length, sum[2] / length]);
      }
    }
  }
  return (faceCentres = centres);
}

/** Tests only: the face centres `CellLocator` keeps away from, as unit vectors. */
export function icosahedronFaceCentresForTest(): readonly (readonly [number, number, number])[] {
  return icosahedronFaceCentres();
}

/** Tests only: the edge normals `CellLocator` tests a point against in `cell` (x, y, z each), or null for a cell it always leaves to h3. */
export function edgeNormalsForTest(cell: string): Float64Array | null {
  return edgeNormals(cell);
}

/** Scratch for `edgeNormals`: a hexagon's six vertices as unit vectors (x, y, z each). */
const vertexScratch = new Float64Array(18);

/**
 * The cell's edge planes as unit normals pointing inside (h3 lists vertices counter-clockwise, so
 * vᵢ × vᵢ₊₁ points inside), or null for a cell `locate` must leave to h3: a pentagon, a cell not
 * on one face (`onOneFace`), a cell centred within `FACE_CENTRE_RAD` of a face centre or with a
 * vertex within `POLE_RAD` of a pole. Each normal is computed
 * as vᵢ × (vᵢ₊₁ − vᵢ): the difference of close vertices is exact, so the plane passes through the
 * vertices to about 1e-16 rad even for the 0.5 m edges of resolution 15. Runs once per cell met
 * twice (thousands a load), cold, so it works in scalars on a scratch buffer and allocates only
 * its result: the same float operations, in the same order, as the plain per-vertex arrays.
 */
function edgeNormals(cell: string): Float64Array | null {
  const ring = boundaryOf(cell); // [lng, lat] pairs, closed: the first vertex again at the end
  if (ring.length !== 7) return null;
  const nearPole = 90 - POLE_RAD / RAD;
  const v = vertexScratch;
  let sx = 0;
  let sy = 0;
  let sz = 0;
  for (let i = 0; i < 6; i++) {
    const [lng, lat] = ring[i];
    if (Math.abs(lat) > nearPole) return null;
    const c = Math.cos(lat * RAD);
    const x = (v[3 * i] = c * Math.cos(lng * RAD));
    const y = (v[3 * i + 1] = c * Math.sin(lng * RAD));
    const z = (v[3 * i + 2] = Math.sin(lat * RAD));
    sx += x;
    sy += y;
    sz += z;
  }
  // The centre: the vertices' mean, normalised (inside the hexagon; h3's centre for a face-centre cell, by symmetry).
  const length = Math.hypot(sx, sy, sz);
  const cx = sx / length;
  const cy = sy / length;
  const cz = sz / length;
  const faces = icosahedronFaceCentres();
  const nearFace = Math.cos(FACE_CENTRE_RAD);
  for (const f of faces) if (f[0] * cx + f[1] * cy + f[2] * cz > nearFace) return null;
  if (!onOneFace(v, faces)) return null;
  const normals = new Float64Array(18);
  for (let i = 0; i < 6; i++) {
    const ax = v[3 * i];
    const ay = v[3 * i + 1];
    const az = v[3 * i + 2];
    const j = 3 * ((i + 1) % 6);
    const dx = v[j] - ax;
    const dy = v[j + 1] - ay;
    const dz = v[j + 2] - az;
    const nx = ay * dz - az * dy;
    const ny = az * dx - ax * dz;
    const nz = ax * dy - ay * dx;
    const norm = Math.hypot(nx, ny, nz);
    const ux = (normals[3 * i] = nx / norm);
    const uy = (normals[3 * i + 1] = ny / norm);
    const uz = (normals[3 * i + 2] = nz / norm);
    // The normals must point to the centre (counter-clockwise vertices); otherwise leave the cell to h3.
    if (ux * cx + uy * cy + uz * cz <= 0) return null;
  }
  return normals;
}
