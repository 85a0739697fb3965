import type { ColumnMapping } from '../lib/io/column-mapping';

/** The mapping control an error belongs next to. */
export type MappingField = 'time' | 'timeZone' | 'location' | 'crs' | 'category';

/**
 * Which mapping control a load error concerns, so the app can show it next to that control:
 * by the column the error names (time, location or category column), else by what its message
 * is about (a CRS, a time zone); null when it concerns the file as a whole.
 * @example mappingErrorField({ message: "unknown CRS 'EPSG:1'" }, mapping) // → 'crs'
 */
export function mappingErrorField(error: { message: string; column?: string }, mapping: ColumnMapping): MappingField | null {
  const { column, message } = error;
  const location = mapping.location.kind === 'latlng' ? [mapping.location.lat, mapping.location.lng] : [mapping.location.x, mapping.location.y];
  if (/\bCRS\b|proj4|projection/i.test(message)) return 'crs';
  if (/time zone/i.test(message)) return 'timeZone';
  if (column !== undefined) {
    if (column === mapping.time.column) return 'time';
    if (location.includes(column)) return 'location';
    if (column === mapping.category) return 'category';
  }
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (quoted.includes(mapping.time.column) || /mapping\.time/.test(message)) return 'time';
  if (location.some((c) => quoted.includes(c)) || /mapping\.location/.test(message)) return 'location';
  if ((mapping.category && quoted.includes(mapping.category)) || /mapping\.categor/.test(message)) return 'category';
  return null;
}
