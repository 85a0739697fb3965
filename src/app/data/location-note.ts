import { looksLikeCrs } from '../../lib/io/crs-definitions';
import type { LocationCandidate } from '../../lib/io/suggest-location';

/** What the column mapping's location fields hold: the kind, the x/y columns and the CRS as typed. */
export interface LocationFields {
  readonly kind: 'latlng' | 'xy';
  readonly x: string;
  readonly y: string;
  readonly crs: string;
}

/**
 * The note under the location fields: the detection's reason, unless it asks for a CRS (x/y
 * detected as projected, with none in the file) while the CRS field holds one the app accepts
 * (a code, a proj4 string or WKT, `looksLikeCrs`, and no error on the field): then which CRS the
 * x/y are read in, not to declare what was declared. The reason stays while the field is empty or
 * invalid. Null when nothing was detected.
 * @example locationNote(portlandXy, { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' }, false)
 *   // → "'x_coordinate'/'y_coordinate': projected x/y, read in EPSG:2913"
 */
export function locationNote(detected: LocationCandidate | undefined, fields: LocationFields, crsError: boolean): string | null {
  if (!detected) return null;
  const asksForCrs = detected.kind === 'xy' && detected.crs === null;
  if (!asksForCrs || fields.kind !== 'xy' || crsError || !looksLikeCrs(fields.crs)) return detected.reason;
  return `'${fields.x}'/'${fields.y}': projected x/y, read in ${fields.crs.trim()}`;
}
