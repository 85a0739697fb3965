/** Coordinate reference systems offered in the CRS field's drop-down before anything is typed (any other: search by code or name). */
export const KNOWN_CRS: readonly { readonly code: string; readonly label: string }[] = [
  { code: 'EPSG:2913', label: 'NAD83(HARN) / Oregon North (ft) — Portland' },
  { code: 'EPSG:3435', label: 'NAD83 / Illinois East (US ft) — Chicago' },
  { code: 'EPSG:3857', label: 'WGS 84 / Pseudo-Mercator (m)' },
  { code: 'EPSG:4326', label: 'WGS 84 (degrees)' },
  { code: 'EPSG:32616', label: 'WGS 84 / UTM zone 16N (m)' },
  { code: 'EPSG:26916', label: 'NAD83 / UTM zone 16N (m)' },
];
