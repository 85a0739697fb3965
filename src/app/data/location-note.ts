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
 * x/y are read in when it is the applied mapping's (`applied`), not to declare what was declared,
 * or, while it is only typed, how to apply it (the load may still refuse it). The reason stays
 * while the field is empty or invalid. Null when nothing was detected.
 * @example locationNote(portlandXy, { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' }, false, 'EPSG:2913')
 *   // → "'x_coordinate'/'y_coordinate': projected x/y, read in EPSG:2913"
 */
export function locationNote(detected: LocationCandidate | undefined, fields: LocationFields, crsError: boolean, applied: string | null): string | null {
  if (!detected) return null;
  const asksForCrs = detected.kind === 'xy' && detected.crs === null;
  if (!asksForCrs || fields.kind !== 'xy' || crsError || !looksLikeCrs(fields.crs)) return detected.reason;
  const crs = fields.crs.trim();
  const columns = `'${fields.x}'/'${fields.y}': projected x/y`;
  return applied === crs ? `${columns}, read in ${crs}` : `${columns}; CRS ${crs} given: press Enter or pick it to read the x/y in it`;
}
