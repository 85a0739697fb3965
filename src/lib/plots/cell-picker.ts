/**
 * Which cell of a hex map lies under a point, for maps drawn on a canvas (no element per cell to
 * receive the pointer). The projected centres are put in a grid of square buckets twice as wide
 * as the largest cell's reach (centre to farthest vertex, over a sample of cells: a panel's cells
 * share one H3 resolution, so their projected sizes differ by a few per cent at most); a point can
 * only lie in a cell whose centre is in its own bucket or the eight around it. Those candidates are
 * tried nearest first with an even–odd point-in-polygon test on the cell's own outline (its SVG
 * path, parsed only when tried), so the answer is exact, not "the nearest centre".
 */

/** Picks the cell whose outline contains a point, in the map's drawing units; null in a gap or outside every cell. */
export type CellPicker = (x: number, y: number) => number | null;

/** The vertices of an SVG path made of `M`/`L`/`Z` commands (as d3-geo writes polygons): one flat `[x0, y0, x1, y1, …]` ring per `M`. */
export function ringsOf(path: string): number[][] {
  const rings: number[][] = [];
  for (const part of path.split('M')) {
    const numbers = part.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi);
    if (numbers && numbers.length >= 6) rings.push(numbers.map(Number));
  }
  return rings;
}

/** Even–odd rule: whether (x, y) lies inside the rings (a ray to +x crosses their edges an odd number of times). */
export function insideRings(rings: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i];
      const yi = ring[2 * i + 1];
      const xj = ring[2 * j];
      const yj = ring[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Builds a `CellPicker` for cells with SVG outlines `paths` and projected centres `centres`
 * (`[x0, y0, x1, y1, …]`, as in `HexGeometry`). O(cells) to build, O(1) per point.
 * @example cellPicker(['M0,0L10,0L10,10L0,10Z'], new Float32Array([5, 5]))(3, 4) // → 0
 */
export function cellPicker(paths: readonly string[], centres: ArrayLike<number>): CellPicker {
  const n = paths.length;
  if (n === 0) return () => null;
  let reach = 0;
  const step = Math.max(1, Math.floor(n / 64));
  for (let i = 0; i < n; i += step) {
    for (const ring of ringsOf(paths[i])) {
      for (let v = 0; v < ring.length; v += 2) reach = Math.max(reach, Math.hypot(ring[v] - centres[2 * i], ring[v + 1] - centres[2 * i + 1]));
    }
  }
  const size = Math.max(2 * reach, 1e-6);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, centres[2 * i]);
    maxX = Math.max(maxX, centres[2 * i]);
    minY = Math.min(minY, centres[2 * i + 1]);
    maxY = Math.max(maxY, centres[2 * i + 1]);
  }
  const columns = Math.floor((maxX - minX) / size) + 1;
  const rows = Math.floor((maxY - minY) / size) + 1;
  // Counting sort of the cells by bucket: `starts[b]..starts[b + 1]` index `order`.
  const bucketOf = new Int32Array(n);
  const starts = new Int32Array(columns * rows + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((centres[2 * i + 1] - minY) / size) * columns + Math.floor((centres[2 * i] - minX) / size);
    bucketOf[i] = b;
    starts[b + 1]++;
  }
  for (let b = 0; b < columns * rows; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, -1);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[bucketOf[i]]++] = i;
  const rings = new Map<number, number[][]>();

  return (x, y) => {
    const column = Math.floor((x - minX) / size);
    const row = Math.floor((y - minY) / size);
    const candidates: { cell: number; d: number }[] = [];
    for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
      for (let c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
        const b = r * columns + c;
        for (let k = starts[b]; k < starts[b + 1]; k++) {
          const cell = order[k];
          const d = Math.hypot(centres[2 * cell] - x, centres[2 * cell + 1] - y);
          if (d <= reach * 1.5) candidates.push({ cell, d });
        }
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    for (const { cell } of candidates) {
      let outline = rings.get(cell);
      if (!outline) rings.set(cell, (outline = ringsOf(paths[cell])));
      if (insideRings(outline, x, y)) return cell;
    }
    return null;
  };
}
