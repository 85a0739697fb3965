import type { Field, Schema } from 'apache-arrow';
import { isTimeZone } from '../base/time-zone';

/** A hint found in Arrow metadata: the value and where it was found (for the UI's "why"). */
export interface MetadataHint {
  readonly value: string;
  /** E.g. "schema metadata 'occurred_at'". */
  readonly source: string;
}

const ZONE_PATTERN = /\b(?:[A-Z][A-Za-z_+-]*\/)+[A-Za-z0-9_+-]+\b|\bUTC\b/g;
const ZONE_KEYS = ['timezone', 'time_zone', 'tz', 'zone'];
const CRS_KEYS = ['crs', 'epsg', 'srid', 'srs', 'proj4', 'projection', 'spatial_ref'];

/**
 * Finds an IANA time zone that the file's metadata declares for column `field`: in the field's
 * own metadata, then the schema metadata entry named after the column, then schema entries
 * named timezone/time_zone/tz/zone. Candidates are IANA-looking words checked with `Intl`.
 *
 * @example
 * // Chicago file: schema metadata occurred_at => 'local wall-clock time, America/Chicago'
 * timeZoneHint(schema, schema.fields[1]) // → { value: 'America/Chicago', source: "schema metadata 'occurred_at'" }
 */
export function timeZoneHint(schema: Schema, field: Field): MetadataHint | null {
  for (const [where, text] of metadataTexts(schema, [field], ZONE_KEYS)) {
    for (const match of text.match(ZONE_PATTERN) ?? []) {
      if (isTimeZone(match)) return { value: match, source: where };
    }
  }
  return null;
}

/**
 * Finds a CRS that the file's metadata declares for the coordinate `fields` (x and y): in
 * their metadata, then schema entries named after them or crs/epsg/srid/srs/proj4/projection/
 * spatial_ref. Recognised: 'EPSG:2913' (or 'EPSG 2913'), a PROJJSON id
 * `{"authority":"EPSG","code":2913}` as GeoArrow writes it, and a proj4 string ('+proj=…').
 *
 * @example
 * crsHint(schemaWithMetadata({ crs: 'EPSG:2913' }), [x, y]) // → { value: 'EPSG:2913', source: "schema metadata 'crs'" }
 */
export function crsHint(schema: Schema, fields: readonly Field[]): MetadataHint | null {
  for (const [where, text] of metadataTexts(schema, fields, CRS_KEYS)) {
    const epsg = /EPSG\s*[:\s]\s*(\d{4,6})\b/i.exec(text) ?? /"authority"\s*:\s*"EPSG"\s*,\s*"code"\s*:\s*"?(\d{4,6})/i.exec(text);
    if (epsg) return { value: `EPSG:${epsg[1]}`, source: where };
    const proj = /\+proj=[^\n"]+/.exec(text);
    if (proj) return { value: proj[0].trim(), source: where };
  }
  return null;
}

/** [where, text] pairs to search, most specific first. */
function metadataTexts(schema: Schema, fields: readonly Field[], keys: readonly string[]): [string, string][] {
  const texts: [string, string][] = [];
  for (const field of fields) {
    for (const [key, value] of field.metadata) texts.push([`metadata '${key}' of column '${field.name}'`, value]);
  }
  for (const field of fields) {
    const value = schema.metadata.get(field.name);
    if (value !== undefined) texts.push([`schema metadata '${field.name}'`, value]);
  }
  for (const [key, value] of schema.metadata) {
    if (keys.includes(key.toLowerCase())) texts.push([`schema metadata '${key}'`, value]);
  }
  return texts;
}
