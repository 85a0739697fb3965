import { InputError } from '../io/input-error';
import type { AreaFeature, AreaLayer, ColumnAccount, DroppedFeature, UnparsedValue } from './area-layer';
import { parseAmount } from './parse-amount';
import { repairPolygons } from './repair-polygons';

/**
 * Names that mark codes or ranks rather than amounts (id, geoid, fips, state, county, tract,
 * block group, `…_id`, `…code`, `…rank`): such columns are identifiers even when they hold digits.
 */
const IDENTIFIER = /^(id|geoid|geo_id|affgeoid|fips|statefp|countyfp|tractce|state|county|tract|block_?group|blkgrp|bg)$|_id$|fips$|code$|rank$/i;

interface RawFeature {
  readonly id: string;
  readonly geometry: { type?: unknown; coordinates?: unknown } | null | undefined;
  readonly properties: Record<string, unknown>;
}

/**
 * Reads an area file: a GeoJSON FeatureCollection (or one Feature) of Polygon/MultiPolygon
 * features whose properties hold amounts (census block groups with population by group,
 * households by income band, land area). Every feature is used or listed as dropped with its
 * reason (not a polygon; refused geometry, see `repairPolygons`); every property is classed as
 * numeric (at least one value and no fewer numbers than non-numbers, names of codes and ranks
 * aside), identifier or text; every numeric value that did not parse (missing, not a number,
 * negative) is listed with its feature and counted as 0. Throws an InputError naming the file
 * when it is not JSON or not GeoJSON features ('areas-invalid'), holds no usable polygon
 * ('areas-no-polygons') or no numeric property ('areas-no-attributes').
 * @example readAreas('plainfield.geojson', text).features.length // → 35
 */
export function readAreas(name: string, text: string): AreaLayer {
  const raw = featuresOf(name, text);
  const dropped: DroppedFeature[] = [];
  const kept: { raw: RawFeature; polygons: number[][][][] }[] = [];
  const repairs = { closed: 0, rewound: 0, repeats: 0 };
  for (const feature of raw) {
    const geometry = feature.geometry;
    const type = geometry && typeof geometry === 'object' ? String(geometry.type) : 'no geometry';
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      dropped.push({ feature: feature.id, reason: 'not-polygon', detail: type });
      continue;
    }
    const coordinates = geometry?.coordinates;
    const polygons = type === 'Polygon' ? [coordinates] : coordinates;
    const repaired = Array.isArray(polygons) ? repairPolygons(polygons) : ({ ok: false, reason: `${type} without a coordinates array` } as const);
    if (!repaired.ok) {
      dropped.push({ feature: feature.id, reason: 'refused', detail: repaired.reason });
      continue;
    }
    repairs.closed += repaired.repairs.closed;
    repairs.rewound += repaired.repairs.rewound;
    repairs.repeats += repaired.repairs.repeats;
    kept.push({ raw: feature, polygons: repaired.polygons });
  }
  if (kept.length === 0) {
    const why =
      dropped.length === 0 ? 'it has no features' : `all ${dropped.length} features were dropped (first: ${dropped[0].feature}, ${dropped[0].detail})`;
    throw new InputError(`Area file '${name}' has no usable Polygon or MultiPolygon: ${why}`, { code: 'areas-no-polygons', file: name, field: 'areas' });
  }
  const accounts = columnAccounts(kept.map((k) => k.raw));
  const columns = accounts.filter((a) => a.kind === 'numeric').map((a) => a.name);
  if (columns.length === 0) {
    const seen = accounts.map((a) => `${a.name} (${a.kind})`).join(', ') || 'none';
    throw new InputError(`Area file '${name}' has no numeric property to apportion; properties: ${seen}`, {
      code: 'areas-no-attributes',
      file: name,
      field: 'areas',
    });
  }
  const features: AreaFeature[] = kept.map(({ raw: feature, polygons }) => ({
    id: feature.id,
    polygons,
    values: Float64Array.from(columns, (column) => {
      const amount = parseAmount(feature.properties[column]);
      return amount.kind === 'number' ? amount.value : 0;
    }),
  }));
  return { source: name, read: raw.length, features, columns, accounts, dropped, repairs };
}

function featuresOf(name: string, text: string): RawFeature[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `Area file '${name}' is not valid JSON: ${(error as Error).message}`,
      { code: 'areas-invalid', file: name, field: 'areas' },
      { cause: error },
    );
  }
  const value = json as { type?: unknown; features?: unknown };
  const list = value?.type === 'FeatureCollection' ? value.features : value?.type === 'Feature' ? [value] : undefined;
  if (!Array.isArray(list)) {
    const found = value && typeof value === 'object' ? `a GeoJSON ${String(value.type ?? 'object without "type"')}` : typeof value;
    throw new InputError(`Area file '${name}' is ${found}; expected a FeatureCollection of polygons with numeric properties`, {
      code: 'areas-invalid',
      file: name,
      field: 'areas',
    });
  }
  return list.map((item: unknown, i) => {
    const feature = (item && typeof item === 'object' ? item : {}) as { id?: unknown; geometry?: RawFeature['geometry']; properties?: unknown };
    const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : `#${i}`;
    const properties = feature.properties && typeof feature.properties === 'object' ? (feature.properties as Record<string, unknown>) : {};
    return { id, geometry: feature.geometry, properties };
  });
}

/** Classes every property of the usable features and accounts for each numeric value. */
function columnAccounts(features: readonly RawFeature[]): ColumnAccount[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of features)
    for (const key of Object.keys(f.properties))
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
  return names.map((name) => {
    let parsed = 0;
    let sum = 0;
    let text = 0;
    const unparsed: UnparsedValue[] = [];
    for (const f of features) {
      const raw = f.properties[name];
      const amount = parseAmount(raw);
      if (amount.kind === 'number') {
        parsed++;
        sum += amount.value;
        continue;
      }
      if (amount.kind === 'not-a-number') text++;
      unparsed.push({ feature: f.id, reason: amount.kind, value: amount.kind === 'missing' ? null : typeof raw === 'number' ? raw : String(raw) });
    }
    const kind = parsed > 0 && parsed >= text ? (IDENTIFIER.test(name) ? 'identifier' : 'numeric') : 'text';
    return { name, kind, parsed, unparsed: kind === 'numeric' ? unparsed : [], sum };
  });
}
