/**
 * Where a closed ring (`[lng, lat]` positions, last = first, no consecutive repeats) crosses or
 * touches itself: the first point found where two of its edges that are not neighbours meet, or
 * where two neighbouring edges fold back over each other (a spike); null for a simple ring.
 * Edges are swept in order of their west end, so only edges whose longitude spans overlap are
 * compared (about n log n for a census polygon, n² at worst). Planar in degrees, exact in
 * orientation signs up to floating point.
 * @example ringSelfIntersection([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]) // → [0.5, 0.5] (a bow-tie)
 */
export function ringSelfIntersection(ring: readonly (readonly number[])[]): [number, number] | null {
  const n = ring.length - 1; // edges: i from ring[i] to ring[i + 1]
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => west(ring, a) - west(ring, b));
  for (let s = 0; s < n; s++) {
    const i = order[s];
    const east = Math.max(ring[i][0], ring[i + 1][0]);
    for (let t = s + 1; t < n && west(ring, order[t]) <= east; t++) {
      const j = order[t];
      const hit = edgesMeet(ring, Math.min(i, j), Math.max(i, j), n);
      if (hit) return hit;
    }
  }
  return null;
}

function west(ring: readonly (readonly number[])[], i: number): number {
  return Math.min(ring[i][0], ring[i + 1][0]);
}

/** Whether edges i < j meet other than at the vertex neighbours share (or fold back over it). */
function edgesMeet(ring: readonly (readonly number[])[], i: number, j: number, n: number): [number, number] | null {
  const a = ring[i];
  const b = ring[i + 1];
  const c = ring[j];
  const d = ring[j + 1];
  const neighbours = j === i + 1 || (i === 0 && j === n - 1);
  if (neighbours) {
    // They share one vertex; they overlap only when collinear and pointing back over each other.
    const [shared, p, q] = j === i + 1 ? [b, a, d] : [a, b, c];
    if (orient(p, shared, q) !== 0) return null;
    const backwards = (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
    return backwards ? [shared[0], shared[1]] : null;
  }
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const t = o1 / (o1 - o2); // where c→d crosses the line a→b
    return [c[0] + t * (d[0] - c[0]), c[1] + t * (d[1] - c[1])];
  }
  if (o1 === 0 && onSegment(a, b, c)) return [c[0], c[1]];
  if (o2 === 0 && onSegment(a, b, d)) return [d[0], d[1]];
  if (o3 === 0 && onSegment(c, d, a)) return [a[0], a[1]];
  if (o4 === 0 && onSegment(c, d, b)) return [b[0], b[1]];
  return null;
}

/** Twice the signed area of triangle p, q, r: > 0 when counter-clockwise. */
function orient(p: readonly number[], q: readonly number[], r: readonly number[]): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

/** For r collinear with p–q: whether r lies on the segment. */
function onSegment(p: readonly number[], q: readonly number[], r: readonly number[]): boolean {
  return r[0] >= Math.min(p[0], q[0]) && r[0] <= Math.max(p[0], q[0]) && r[1] >= Math.min(p[1], q[1]) && r[1] <= Math.max(p[1], q[1]);
}
