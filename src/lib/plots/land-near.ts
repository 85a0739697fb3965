/** A longitude–latitude box: `[[west, south], [east, north]]`, degrees. */
export type GeoBounds = readonly [readonly [number, number], readonly [number, number]];

/** The parts of a TopoJSON topology that `landNear` reads (Bostock's TopoJSON format specification). */
export interface Topology {
  readonly type: 'Topology';
  readonly transform?: { readonly scale: readonly [number, number]; readonly translate: readonly [number, number] };
  readonly arcs: readonly (readonly (readonly number[])[])[];
  readonly objects: Readonly<Record<string, TopologyObject>>;
}

/** A geometry of a topology: polygons as rings of arc indices (a negative index `~i` is arc `i` reversed). */
export type TopologyObject =
  | { readonly type: 'GeometryCollection'; readonly geometries: readonly TopologyObject[] }
  | { readonly type: 'Polygon'; readonly arcs: readonly (readonly number[])[] }
  | { readonly type: 'MultiPolygon'; readonly arcs: readonly (readonly (readonly number[])[])[] }
  | { readonly type: string; readonly arcs?: unknown };

/** A GeoJSON MultiPolygon (rings of `[longitude, latitude]`). */
export interface MultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: [number, number][][][];
}

/**
 * The polygons of a TopoJSON object (`objectName`, e.g. Natural Earth's `land` in world-atlas)
 * whose outer ring's bounding box meets `bounds`, decoded to longitude–latitude rings with their
 * holes. Arcs are decoded on demand (quantized topologies: delta-encoded integers, scaled and
 * translated by `transform`), so a city-sized extent decodes only the arcs of the polygons it
 * touches (the others are only scanned for their bounding boxes). Rings keep TopoJSON's winding (outer rings
 * clockwise, as d3-geo expects). A box that crosses the antimeridian is not split: such a study
 * region gets the polygons of its west-east span.
 * Format: Bostock, TopoJSON Format Specification (github.com/topojson/topojson-specification).
 * @example landNear(world, [[-87.9, 41.6], [-87.5, 42.1]]).coordinates.length // → 1 (North America)
 */
export function landNear(topology: Topology, bounds: GeoBounds, objectName = 'land'): MultiPolygon {
  const root = topology.objects[objectName];
  if (!root) throw new RangeError(`landNear: the topology has no object '${objectName}' (it has ${Object.keys(topology.objects).join(', ')})`);
  const decoded = new Map<number, [number, number][]>();
  const arc = (index: number): [number, number][] => {
    const i = index < 0 ? ~index : index;
    let points = decoded.get(i);
    if (!points) {
      points = decodeArc(topology, i);
      decoded.set(i, points);
    }
    return index < 0 ? points.slice().reverse() : points;
  };
  const ring = (indices: readonly number[]): [number, number][] => {
    const points: [number, number][] = [];
    for (const index of indices) {
      const part = arc(index);
      // A loop, not push(...part): an arc of Natural Earth can hold more points than a call has arguments.
      for (let i = points.length ? 1 : 0; i < part.length; i++) points.push(part[i]);
    }
    return points;
  };
  const [[west, south], [east, north]] = bounds;
  const box = arcBoxes(topology);
  const coordinates: [number, number][][][] = [];
  for (const polygon of polygonsOf(root)) {
    if (polygon.length === 0) continue;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity; // prettier-ignore
    for (const index of polygon[0]) {
      const i = 4 * (index < 0 ? ~index : index);
      x0 = Math.min(x0, box[i]);
      y0 = Math.min(y0, box[i + 1]);
      x1 = Math.max(x1, box[i + 2]);
      y1 = Math.max(y1, box[i + 3]);
    }
    if (x1 < west || x0 > east || y1 < south || y0 > north) continue;
    coordinates.push(polygon.map(ring));
  }
  return { type: 'MultiPolygon', coordinates };
}

/** The polygons (as rings of arc indices) of a topology object, through collections. */
function polygonsOf(object: TopologyObject): (readonly number[])[][] {
  if (object.type === 'GeometryCollection' && 'geometries' in object) return object.geometries.flatMap(polygonsOf);
  if (object.type === 'Polygon') return [[...(object.arcs as readonly (readonly number[])[])]];
  if (object.type === 'MultiPolygon') return (object.arcs as readonly (readonly (readonly number[])[])[]).map((p) => [...p]);
  return [];
}

/** Each arc's bounding box, `[x0, y0, x1, y1]` per arc, in longitude–latitude (one pass, no allocation per point). */
function arcBoxes(topology: Topology): Float64Array {
  const t = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  const boxes = new Float64Array(topology.arcs.length * 4);
  topology.arcs.forEach((raw, i) => {
    let x = 0, y = 0, x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity; // prettier-ignore
    for (const p of raw) {
      x = topology.transform ? x + p[0] : p[0];
      y = topology.transform ? y + p[1] : p[1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    boxes.set([x0 * t.scale[0] + t.translate[0], y0 * t.scale[1] + t.translate[1], x1 * t.scale[0] + t.translate[0], y1 * t.scale[1] + t.translate[1]], 4 * i);
  });
  return boxes;
}

/** Arc `i` in longitude–latitude: delta-decoded and transformed when the topology is quantized. */
function decodeArc(topology: Topology, i: number): [number, number][] {
  const raw = topology.arcs[i];
  if (!raw) throw new RangeError(`landNear: the topology has no arc ${i} (it has ${topology.arcs.length})`);
  const t = topology.transform;
  if (!t) return raw.map((p) => [p[0], p[1]]);
  let x = 0;
  let y = 0;
  return raw.map((p) => {
    x += p[0];
    y += p[1];
    return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
  });
}
