import { Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { DroppedRow } from './incidents';
import { InputError } from './input-error';
import type { ArrowSource } from './read-arrow';

const MAX_EXAMPLES = 5;
const AREA_TYPES = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']);

/**
 * Reads a GeoJSON FeatureCollection (or one Feature) of Point features as incidents: each
 * feature's `properties` become columns (numbers as Int32 or Float64, everything else as text,
 * in the order keys first appear) and its coordinates the columns `longitude` and `latitude`
 * (RFC 7946: positions are longitude, latitude in WGS84), so column detection, time decoding and
 * row accounting are those of any file. A Point with unusable coordinates stays a row with null
 * coordinates (dropped later as 'location-null'); a MultiPoint of one position counts as its
 * point. Features without a Point — a null geometry, a line, a polygon, a MultiPoint of several
 * points — are not rows: counted as 'feature-not-point' with their feature index. A file of
 * polygons or lines only is an InputError ('geojson-not-points') pointing to the Areas and
 * Boundary inputs; text that is not a FeatureCollection or Feature is 'geojson-invalid'.
 * A legacy `crs` member (GeoJSON 2008) naming another CRS than WGS84 makes the columns `x` and `y`,
 * to be mapped with that CRS.
 *
 * @example
 * readGeoJsonPoints(bytes('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-87.6,41.9]},"properties":{"t":"2018-01-01"}}]}'), 'a.geojson')
 *   .table.getChild('latitude')?.get(0) // → 41.9
 */
export function readGeoJsonPoints(bytes: Uint8Array, name: string): ArrowSource {
  const features = featuresOf(parseJson(bytes, name), name);
  const legacyCrs = legacyCrsName(features.root);
  const [xName, yName] = legacyCrs ? ['x', 'y'] : ['longitude', 'latitude'];
  const keys = new Map<string, (unknown | null)[]>();
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  const kinds = new Map<string, number>();
  const examples: DroppedRow[] = [];
  let dropped = 0;
  const skipped: number[] = [];
  features.list.forEach((feature, index) => {
    const geometry = isObject(feature) ? feature.geometry : undefined;
    const position = pointOf(geometry);
    if (position === null) {
      const kind = geometryKind(geometry);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      dropped++;
      skipped.push(index);
      if (examples.length < MAX_EXAMPLES)
        examples.push({ file: name, row: index, reason: 'feature-not-point', values: { feature: String(index), geometry: kind } });
      return;
    }
    const row = xs.length;
    xs.push(finite(position[0]));
    ys.push(finite(position[1]));
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    for (const [key, value] of Object.entries(properties)) {
      let column = keys.get(key);
      if (!column) keys.set(key, (column = new Array<unknown>(row).fill(null)));
      column[row] = value;
    }
    for (const column of keys.values()) if (column.length <= row) column.push(null);
  });
  if (xs.length === 0) {
    const found = [...kinds].map(([kind, count]) => `${count.toLocaleString('en-US')} ${kind}`).join(', ') || 'no features';
    const areas = [...kinds.keys()].some((kind) => AREA_TYPES.has(kind));
    throw new InputError(
      `file '${name}' holds no Point features (${found}): expected a GeoJSON FeatureCollection of incident points` +
        (areas ? '; polygons are area attributes (load them as Areas) or a study region (load it as the Boundary), not incidents' : ''),
      { code: areas ? 'geojson-not-points' : 'no-rows', file: name },
    );
  }
  const columns: Record<string, Vector> = {};
  for (const [key, values] of keys) columns[key === xName || key === yName ? `properties.${key}` : key] = propertyVector(values);
  columns[xName] = vectorFromArray(xs, new Float64());
  columns[yName] = vectorFromArray(ys, new Float64());
  const notes = [
    legacyCrs
      ? `coordinates read into '${xName}' and '${yName}': the file's legacy crs member names ${legacyCrs}, not WGS84`
      : `coordinates read into '${xName}' and '${yName}' (WGS84, as RFC 7946 requires)`,
    `${xs.length.toLocaleString('en-US')} Point features, ${keys.size} properties`,
  ];
  if (dropped > 0)
    notes.push(`${dropped.toLocaleString('en-US')} features without a Point not read as rows (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
  return {
    name,
    bytes: bytes.length,
    table: new Table(columns),
    format: 'geojson',
    notes,
    ...(dropped > 0 && { dropped: { counts: { 'feature-not-point': dropped }, examples }, skipped: Int32Array.from(skipped) }),
  };
}

/** Bytes of JSON text read as one string at most: V8's strings end at 2^29 − 24 characters (≈ 512 MiB), so a larger file cannot be parsed whole. */
const MAX_JSON_BYTES = 2 ** 29 - 24;

function parseJson(bytes: Uint8Array, name: string): unknown {
  if (bytes.length > MAX_JSON_BYTES) {
    throw new InputError(
      `file '${name}' is ${(bytes.length / 2 ** 20).toFixed(0)} MiB of GeoJSON, more than the ${(MAX_JSON_BYTES / 2 ** 20).toFixed(0)} MiB one JSON text can be read as here: convert it to CSV or Parquet (e.g. ogr2ogr -f CSV out.csv in.geojson -lco GEOMETRY=AS_XY) and open that`,
      { code: 'geojson-too-large', file: name },
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`file '${name}' starts like JSON but is not valid JSON (${why}): expected a GeoJSON FeatureCollection of points`, {
      code: 'geojson-invalid',
      file: name,
    });
  }
}

function featuresOf(root: unknown, name: string): { root: Record<string, unknown>; list: readonly unknown[] } {
  if (isObject(root) && root.type === 'FeatureCollection' && Array.isArray(root.features)) return { root, list: root.features };
  if (isObject(root) && root.type === 'Feature') return { root, list: [root] };
  const type = isObject(root)
    ? typeof root.type === 'string'
      ? `an object of type '${root.type}'`
      : "an object without a GeoJSON 'type'"
    : Array.isArray(root)
      ? 'an array'
      : `a ${typeof root}`;
  throw new InputError(`file '${name}' is JSON but ${type}, not GeoJSON: expected a FeatureCollection of Point features (or convert the JSON to CSV)`, {
    code: 'geojson-invalid',
    file: name,
  });
}

/** The position of a Point (or a MultiPoint of one position); null for anything else. */
function pointOf(geometry: unknown): readonly unknown[] | null {
  if (!isObject(geometry) || !Array.isArray(geometry.coordinates)) return null;
  if (geometry.type === 'Point') return geometry.coordinates;
  if (geometry.type === 'MultiPoint' && geometry.coordinates.length === 1 && Array.isArray(geometry.coordinates[0])) return geometry.coordinates[0];
  return null;
}

function geometryKind(geometry: unknown): string {
  if (geometry === null || geometry === undefined) return 'null geometry';
  if (isObject(geometry) && geometry.type === 'MultiPoint') return 'MultiPoint of several points';
  if (isObject(geometry) && typeof geometry.type === 'string') return geometry.type;
  return 'malformed geometry';
}

/** The CRS a legacy (GeoJSON 2008) `crs` member names, unless it is WGS84; else null. */
function legacyCrsName(root: Record<string, unknown>): string | null {
  const crs = root.crs;
  if (!isObject(crs) || !isObject(crs.properties) || typeof crs.properties.name !== 'string') return null;
  const value = crs.properties.name;
  return /CRS84$|EPSG:{1,2}4326$/i.test(value) ? null : value;
}

/** A property column: Int32 when every value is an integer that fits, Float64 when every value is a number, else text. */
function propertyVector(values: readonly unknown[]): Vector {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length > 0 && present.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    const ints = (present as number[]).every((value) => Number.isInteger(value) && value >= -2147483648 && value <= 2147483647);
    return vectorFromArray(
      values.map((value) => (typeof value === 'number' ? value : null)),
      ints ? new Int32() : new Float64(),
    );
  }
  const text = values.map((value) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value)));
  return vectorFromArray(text, new Utf8());
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
