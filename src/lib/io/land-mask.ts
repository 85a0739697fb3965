/** A TopoJSON topology as world-atlas ships it (quantized, delta-encoded arcs). */
export interface LandTopology {
  readonly transform: { readonly scale: readonly [number, number]; readonly translate: readonly [number, number] };
  readonly arcs: readonly (readonly (readonly [number, number])[])[];
  readonly objects: Readonly<Record<string, { readonly geometries: readonly { readonly type: string; readonly arcs: unknown }[] }>>;
}

/** Answers "is this point on land?" from Natural Earth's land polygons. */
export interface LandMask {
  /** True when (lng, lat) in degrees lies inside a land polygon (even–odd rule over every ring). */
  readonly isLand: (lng: number, lat: number) => boolean;
  /**
   * True on land or within about `COAST_MARGIN_DEG` of it (the point or one of the eight points
   * that far around it is on land): a city on a shore is not "at sea" because the 1:50m
   * coastline is a kilometre off.
   */
  readonly isLandOrCoast: (lng: number, lat: number) => boolean;
}

/** How far off the coastline a point still counts as coastal, in degrees of latitude (≈ 5.5 km). */
export const COAST_MARGIN_DEG = 0.05;

/** Width of one longitude band of the edge index, in degrees. */
const BAND = 0.25;

/**
 * Builds a point-in-land test from a TopoJSON land topology (world-atlas `land-50m.json`,
 * Natural Earth 1:50m land, public domain). The arcs are decoded (delta-encoded, quantized by
 * `transform`) into edges, keeping each arc used an odd number of times by the `land` object's
 * polygons (a boundary two polygons share is no boundary of land); edges are indexed by
 * longitude band, and a point is on land when a ray from it towards the north pole crosses an odd
 * number of edges (Jordan's even–odd rule), so holes (the Caspian) are water. The ray runs north,
 * not east, because the rings live on a cylinder: Eurasia's ring crosses the antimeridian in
 * Chukotka (an edge from 179.8° E to 180° W), which a planar eastward ray cannot follow (it found
 * Chukotka west of 180° to be sea). Such an edge is split where it meets ±180°, and a northward
 * ray never needs the missing seam; the only ring around a pole (Antarctica's, south) lies below
 * every ray, its bottom edge at −89.999° (a ray starts no lower than −89.99°, so the South Pole is
 * land). Planar in degrees otherwise: fine for "on land or at sea", not for areas. Lakes are not
 * cut out: Natural Earth's land counts Lake Michigan as land. Ice shelves are not land: the Ross
 * Ice Shelf at (180°, −82°) reads as sea.
 *
 * @example
 * const land = landMask(topology); land.isLand(-123.1, 49.28) // → true (Vancouver); land.isLand(-175, 58) // → false (Bering Sea)
 */
export function landMask(topology: LandTopology): LandMask {
  const uses = new Map<number, number>();
  const visit = (node: unknown): void => {
    if (typeof node === 'number') {
      const arc = node < 0 ? ~node : node;
      uses.set(arc, (uses.get(arc) ?? 0) + 1);
    } else if (Array.isArray(node)) for (const child of node) visit(child);
  };
  for (const object of Object.values(topology.objects)) for (const geometry of object.geometries) visit(geometry.arcs);

  const bands = Math.round(360 / BAND);
  const lists: number[][] = Array.from({ length: bands }, () => []);
  const add = (x1: number, y1: number, x2: number, y2: number): void => {
    if (x1 === x2) return; // parallel to the ray (the ±180° seams among them): never crossed
    const lo = bandOf(Math.min(x1, x2), bands);
    const hi = bandOf(Math.max(x1, x2), bands);
    for (let b = lo; b <= hi; b++) lists[b].push(x1, y1, x2, y2);
  };
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  for (const [arc, count] of uses) {
    if (count % 2 === 0) continue;
    let qx = 0;
    let qy = 0;
    let px = NaN;
    let py = NaN;
    for (const [dx, dy] of topology.arcs[arc]) {
      qx += dx;
      qy += dy;
      const x = qx * sx + tx;
      const y = qy * sy + ty;
      if (Number.isNaN(px)) {
        // first point of the arc
      } else if (Math.abs(x - px) > 180) {
        // Across the antimeridian: the short way round, split where it meets ±180°.
        const edge = px > 0 ? 180 : -180;
        const span = 360 - Math.abs(x - px);
        const at = py + ((y - py) * (edge - px) * Math.sign(edge)) / span;
        add(px, py, edge, at);
        add(-edge, at, x, y);
      } else add(px, py, x, y);
      px = x;
      py = y;
    }
  }
  const index = lists.map((list) => Float64Array.from(list));

  const isLand = (lng: number, lat: number): boolean => {
    if (!(lat >= -90 && lat <= 90 && Number.isFinite(lng))) return false;
    const x = ((((lng + 180) % 360) + 360) % 360) - 180;
    // Antarctica's ring closes at −89.999°, not −90°: a point below it would cross no edge.
    const from = Math.max(lat, -89.99);
    const edges = index[bandOf(x, bands)];
    let inside = false;
    for (let i = 0; i < edges.length; i += 4) {
      const x1 = edges[i];
      const x2 = edges[i + 2];
      // Half-open in x, so a ray through a vertex counts it once.
      if (x1 > x === x2 > x) continue;
      const y1 = edges[i + 1];
      const y = y1 + ((x - x1) * (edges[i + 3] - y1)) / (x2 - x1);
      if (y > from) inside = !inside;
    }
    return inside;
  };
  const isLandOrCoast = (lng: number, lat: number): boolean => {
    if (isLand(lng, lat)) return true;
    const dLat = COAST_MARGIN_DEG;
    const dLng = COAST_MARGIN_DEG / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
    for (const [a, b] of AROUND) if (isLand(lng + a * dLng, lat + b * dLat)) return true;
    return false;
  };
  return { isLand, isLandOrCoast };
}

const AROUND: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [0.7, 0.7],
  [-0.7, 0.7],
  [0.7, -0.7],
  [-0.7, -0.7],
];

function bandOf(lng: number, bands: number): number {
  return Math.min(bands - 1, Math.max(0, Math.floor((lng + 180) / BAND)));
}

let loading: Promise<LandMask> | undefined;
let loaded: LandMask | null = null;

/**
 * The land mask of Natural Earth's 1:50m land (world-atlas `land-50m.json`, 0.5 MB, public
 * domain), loaded on first use and kept: a dynamic import, a chunk of its own in the app.
 *
 * @example
 * (await loadLandMask()).isLand(-122.68, 45.52) // → true (Portland)
 */
export function loadLandMask(): Promise<LandMask> {
  if (loading) return loading;
  loading = import('world-atlas/land-50m.json', { with: { type: 'json' } }).then((module) => {
    loaded = landMask((module as unknown as { default: LandTopology }).default);
    return loaded;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The land mask if `loadLandMask` has finished, else null (for synchronous callers that run after it).
 *
 * @example
 * await loadLandMask(); landMaskIfLoaded()?.isLand(0, 0) // → false (Gulf of Guinea)
 */
export function landMaskIfLoaded(): LandMask | null {
  return loaded;
}
