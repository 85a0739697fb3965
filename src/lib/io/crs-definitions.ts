import { InputError } from './input-error';

/**
 * proj4 definitions of the coordinate reference systems Hexcast knows by EPSG code, as
 * published by the EPSG registry (via epsg.io's proj4 export):
 * - 4326 WGS 84 (degrees; x = longitude, y = latitude), 3857 Web Mercator;
 * - 2913 NAD83(HARN) / Oregon North, international feet (Portland police data);
 * - 3435 NAD83 / Illinois East, US survey feet (Chicago's x/y columns);
 * - 26901–26923 NAD83 / UTM zones 1N–23N; 32601–32660 WGS 84 / UTM 1N–60N; 32701–32760 UTM 1S–60S
 *   (generated from the zone number).
 * Other codes: paste the proj4 string instead (epsg.io/CODE.proj4 shows it).
 */
export const CRS_DEFINITIONS: ReadonlyMap<string, string> = buildDefinitions();

function buildDefinitions(): Map<string, string> {
  const defs = new Map<string, string>([
    ['EPSG:4326', '+proj=longlat +datum=WGS84 +no_defs'],
    ['EPSG:3857', '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs'],
    [
      'EPSG:2913',
      '+proj=lcc +lat_0=43.6666666666667 +lon_0=-120.5 +lat_1=46 +lat_2=44.3333333333333 +x_0=2500000.0001424 +y_0=0 ' +
        '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=ft +no_defs',
    ],
    [
      'EPSG:3435',
      '+proj=tmerc +lat_0=36.6666666666667 +lon_0=-88.3333333333333 +k=0.999975 +x_0=300000.0000000001 +y_0=0 ' +
        '+datum=NAD83 +units=us-ft +no_defs',
    ],
  ]);
  for (let zone = 1; zone <= 23; zone++) defs.set(`EPSG:${26900 + zone}`, `+proj=utm +zone=${zone} +datum=NAD83 +units=m +no_defs`);
  for (let zone = 1; zone <= 60; zone++) {
    defs.set(`EPSG:${32600 + zone}`, `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`);
    defs.set(`EPSG:${32700 + zone}`, `+proj=utm +zone=${zone} +south +datum=WGS84 +units=m +no_defs`);
  }
  return defs;
}

/**
 * Resolves a user's CRS — 'EPSG:2913', 'epsg:2913', '2913', a proj4 string ('+proj=…') or WKT —
 * to a label and a definition proj4 accepts. An unknown EPSG code is an `InputError` asking for
 * the proj4 string.
 *
 * @example
 * resolveCrs('2913').label // → 'EPSG:2913'
 */
export function resolveCrs(crs: string): { label: string; definition: string } {
  const text = crs.trim();
  const code = /^(?:EPSG\s*:\s*)?(\d{4,6})$/i.exec(text);
  if (code) {
    const label = `EPSG:${code[1]}`;
    const definition = CRS_DEFINITIONS.get(label);
    if (!definition) {
      throw new InputError(
        `unknown CRS '${crs}': Hexcast ships definitions for EPSG:4326, 3857, 2913, 3435 and the UTM zones (26901–26923, ` +
          `32601–32660, 32701–32760); paste the proj4 string for ${label} instead (epsg.io/${code[1]}.proj4 shows it)`,
        { code: 'crs-unknown', field: 'mapping.location.crs' },
      );
    }
    return { label, definition };
  }
  if (text.startsWith('+')) return { label: text, definition: text };
  if (/^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[/i.test(text)) return { label: text.slice(0, 40), definition: text };
  throw new InputError(`CRS '${crs}' is neither an EPSG code ('EPSG:2913' or '2913') nor a proj4 string ('+proj=…')`, {
    code: 'crs-invalid',
    field: 'mapping.location.crs',
  });
}
