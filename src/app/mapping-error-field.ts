import type { ErrorCode } from '../lib/base/error-codes';
import type { ErrorWhere } from '../lib/base/hexcast-error';
import type { ColumnMapping } from '../lib/io/column-mapping';

/** The mapping control an error belongs next to. */
export type MappingField = 'time' | 'timeZone' | 'location' | 'crs' | 'category';

/** Mapping settings (the `field` of an error, a path) and the control each belongs to; the most specific path first. */
const CONTROL_OF_SETTING: readonly (readonly [string, MappingField])[] = [
  ['mapping.location.crs', 'crs'],
  ['mapping.time.timeZone', 'timeZone'],
  ['mapping.time', 'time'],
  ['mapping.location', 'location'],
  ['mapping.categories', 'category'],
  ['mapping.category', 'category'],
];

/** Codes that name their control whatever setting or column they came with. */
const CONTROL_OF_CODE: Partial<Record<ErrorCode, MappingField>> = {
  'crs-unknown': 'crs',
  'crs-invalid': 'crs',
  'time-zone-unknown': 'timeZone',
};

/**
 * Which mapping control a load error concerns, so the app can show it next to that control:
 * from the error's data only — the setting it names (`field`, e.g. 'mapping.location.crs'),
 * its `code` (a CRS or time-zone code), or the column it names (the time, location or category
 * column) — never from its message; null when it concerns the file as a whole.
 * @example mappingErrorField({ code: 'crs-unknown', field: 'mapping.location.crs' }, mapping) // → 'crs'
 */
export function mappingErrorField(error: ErrorWhere & { readonly code?: string }, mapping: ColumnMapping): MappingField | null {
  const { field, column, code } = error;
  if (field !== undefined) {
    const match = CONTROL_OF_SETTING.find(([path]) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`));
    if (match) return match[1];
  }
  const byCode = code === undefined ? undefined : CONTROL_OF_CODE[code as ErrorCode];
  if (byCode) return byCode;
  if (column === undefined) return null;
  const location = mapping.location.kind === 'latlng' ? [mapping.location.lat, mapping.location.lng] : [mapping.location.x, mapping.location.y];
  if (column === mapping.time.column) return 'time';
  if (location.includes(column)) return 'location';
  if (column === mapping.category) return 'category';
  return null;
}
