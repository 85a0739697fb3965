import { ringSelfIntersection } from './ring-self-intersection';

/** What repairing one feature's polygons changed, ring by ring. */
export interface PolygonRepairs {
  /** Rings whose last position did not repeat the first, closed by repeating it. */
  readonly closed: number;
  /** Rings wound the wrong way (RFC 7946: outer rings counter-clockwise, holes clockwise), reversed. */
  readonly rewound: number;
  /** Consecutive repeated positions removed. */
  readonly repeats: number;
}

/** A feature's polygons repaired, or the reason they cannot be used. */
export type RepairedPolygons =
  { readonly ok: true; readonly polygons: number[][][][]; readonly repairs: PolygonRepairs } | { readonly ok: false; readonly reason: string };

/**
 * Checks and repairs the polygons of one feature (GeoJSON rings of `[lng, lat]` in degrees,
 * outer ring first, then holes): consecutive repeated positions are removed, unclosed rings
 * closed, rings wound the wrong way reversed (each repair counted). A feature is refused, with
 * the ring and the reason, when a position is not two finite degrees in range, a ring has fewer
 * than 3 distinct positions or no area, or a ring crosses itself (no cheap repair keeps the
 * polygon's meaning: which side of a bow-tie holds the people is unknown).
 * Winding is judged by the planar signed area in degrees (the shoelace formula), which is right
 * for polygons much smaller than a hemisphere that do not cross the antimeridian.
 * @example repairPolygons([[[[0, 0], [0, 1], [1, 0]]]]) // → ok, closed 1, rewound 1 (it was clockwise)
 */
export function repairPolygons(polygons: readonly unknown[]): RepairedPolygons {
  let closed = 0;
  let rewound = 0;
  let repeats = 0;
  const out: number[][][][] = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, reason: `polygon ${p} has no rings` };
    const fixed: number[][][] = [];
    for (let r = 0; r < rings.length; r++) {
      const where = `polygon ${p} ring ${r}`;
      const ring: unknown = rings[r];
      if (!Array.isArray(ring)) return { ok: false, reason: `${where} is not an array of positions` };
      const positions: number[][] = [];
      for (let i = 0; i < ring.length; i++) {
        const position: unknown = ring[i];
        if (!isPosition(position)) return { ok: false, reason: `${where} position ${i} is ${JSON.stringify(position)}, not [lng, lat] in degrees` };
        const last = positions.at(-1);
        if (last && last[0] === position[0] && last[1] === position[1]) repeats++;
        else positions.push([position[0], position[1]]);
      }
      const first = positions[0];
      const last = positions.at(-1);
      if (first && last && positions.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
        positions.push([first[0], first[1]]);
        closed++;
      }
      if (positions.length < 4) return { ok: false, reason: `${where} has fewer than 3 distinct positions` };
      const crossing = ringSelfIntersection(positions);
      if (crossing) return { ok: false, reason: `${where} crosses itself near (${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)})` };
      const area = signedArea(positions);
      if (area === 0) return { ok: false, reason: `${where} encloses no area` };
      const wantCounterClockwise = r === 0;
      if (area > 0 !== wantCounterClockwise) {
        positions.reverse();
        rewound++;
      }
      fixed.push(positions);
    }
    out.push(fixed);
  }
  if (out.length === 0) return { ok: false, reason: 'the MultiPolygon has no polygons' };
  return { ok: true, polygons: out, repairs: { closed, rewound, repeats } };
}

/** Twice the planar signed area of a closed ring in degrees: positive when counter-clockwise. */
function signedArea(ring: readonly number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

function isPosition(value: unknown): value is [number, number] {
  if (!Array.isArray(value) || value.length < 2) return false;
  const [lng, lat] = value as unknown[];
  return typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
}
