import { InputError } from './input-error';

/** A CRS resolved to something proj4 accepts. */
export interface ResolvedCrs {
  /** 'EPSG:2913', or the proj4/WKT text's short form. */
  readonly label: string;
  /** A proj4 string or WKT. */
  readonly definition: string;
  /** What the user should know about the definition (e.g. a datum grid replaced by a Helmert shift). */
  readonly notes: readonly string[];
}

/**
 * proj4 definitions bundled with Hexcast, so the common cases need no registry download; each is
 * the EPSG registry's (`epsg-index`) after `registryDefinition`, and a test holds them equal:
 * - 4326 WGS 84 (degrees; x = longitude, y = latitude), 3857 Web Mercator;
 * - 2913 NAD83(HARN) / Oregon North, international feet (Portland police data), with the
 *   NAD83(HARN) → WGS 84 shift PROJ applies in the conterminous US (EPSG:1901);
 * - 3435 NAD83 / Illinois East, US survey feet (Chicago's x/y columns);
 * - 26901–26923 NAD83 / UTM zones 1N–23N; 32601–32660 WGS 84 / UTM 1N–60N; 32701–32760 UTM 1S–60S
 *   (generated from the zone number).
 * Every other EPSG code comes from the registry (`loadCrs`).
 */
export const CRS_DEFINITIONS: ReadonlyMap<string, string> = buildDefinitions();

function buildDefinitions(): Map<string, string> {
  const defs = new Map<string, string>([
    ['EPSG:4326', '+proj=longlat +datum=WGS84 +no_defs'],
    ['EPSG:3857', '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs'],
    [
      'EPSG:2913',
      '+proj=lcc +lat_0=43.6666666666667 +lon_0=-120.5 +lat_1=46 +lat_2=44.3333333333333 +x_0=2500000.0001424 +y_0=0 +ellps=GRS80 ' +
        '+towgs84=-0.991,1.9072,0.5129,0.0257899075194932,0.0096500989602704,0.0116599432323421,0 +units=ft +no_defs',
    ],
    [
      'EPSG:3435',
      '+proj=tmerc +lat_0=36.6666666666667 +lon_0=-88.3333333333333 +k=0.999975 +x_0=300000 +y_0=0 +ellps=GRS80 ' +
        '+towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs',
    ],
  ]);
  for (let zone = 1; zone <= 23; zone++) defs.set(`EPSG:${26900 + zone}`, `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`);
  for (let zone = 1; zone <= 60; zone++) {
    defs.set(`EPSG:${32600 + zone}`, `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`);
    defs.set(`EPSG:${32700 + zone}`, `+proj=utm +zone=${zone} +south +datum=WGS84 +units=m +no_defs`);
  }
  return defs;
}

/** Registry CRSs resolved by `loadCrs`, by label. */
const looked = new Map<string, ResolvedCrs>();

/** Records a registry CRS resolved by `loadCrs`, so `resolveCrs` finds it synchronously. */
export function rememberCrs(resolved: ResolvedCrs): void {
  looked.set(resolved.label, resolved);
}

/** The registry code in 'EPSG:2913', 'epsg:2913', ' EPSG: 2913 ', '2913' or 'ESRI:102003', else null. */
export function epsgCodeOf(crs: string): number | null {
  const code = /^(?:(?:EPSG|ESRI)\s*:\s*)?(\d{4,6})$/i.exec(crs.trim());
  return code ? Number(code[1]) : null;
}

/**
 * A registry code with its authority: EPSG's CRS codes stay below 32768, and the registry's
 * higher codes (37001…, 102001…, the Web Mercator 900913) are Esri's, so they are not called EPSG.
 * @example crsCode(2913) // → 'EPSG:2913'; crsCode(102003) // → 'ESRI:102003'
 */
export function crsCode(code: number): string {
  return `${code < 32768 ? 'EPSG' : 'ESRI'}:${code}`;
}

/** True for text that starts like WKT 1 or 2 (PROJCS[, GEOGCS[, PROJCRS[, GEOGCRS[, …). */
export function looksLikeWkt(text: string): boolean {
  return /^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|PROJECTEDCRS|GEODCRS|BASEGEOGCRS)\s*\[/i.test(text.trim());
}

/**
 * True for text `resolveCrs` reads as a CRS: a registry code ('EPSG:2913', '2913', 'ESRI:102003'),
 * a proj4 string ('+proj=…') or WKT; whether a code is in the registry, `loadCrs` finds out.
 * @example looksLikeCrs('EPSG:2913') // → true; looksLikeCrs('Oregon') // → false
 */
export function looksLikeCrs(text: string): boolean {
  return epsgCodeOf(text) !== null || text.trim().startsWith('+') || looksLikeWkt(text);
}

/**
 * Resolves a user's CRS — 'EPSG:2913', 'epsg:2913', '2913', a proj4 string ('+proj=…') or WKT —
 * synchronously: bundled codes (`CRS_DEFINITIONS`) and codes `loadCrs` has already looked up in the
 * registry; proj4 text passes through as its own label, WKT labelled by its name
 * ('WKT "NAD83 / Oregon North"'). Another EPSG code is a programming error (call `await loadCrs(crs)` first); text that is
 * none of these is an `InputError` saying what was expected.
 *
 * @example
 * resolveCrs('2913').label // → 'EPSG:2913'
 */
export function resolveCrs(crs: string): ResolvedCrs {
  const text = crs.trim();
  const code = epsgCodeOf(text);
  if (code !== null) {
    const label = crsCode(code);
    const definition = CRS_DEFINITIONS.get(label);
    if (definition) return { label, definition, notes: [] };
    const resolved = looked.get(label);
    if (!resolved) throw new Error(`${label} is not bundled and has not been looked up in the EPSG registry: call loadCrs('${label}') first`);
    return resolved;
  }
  if (text.startsWith('+')) return { label: text, definition: text, notes: [] };
  if (looksLikeWkt(text)) {
    const name = /^\w+\s*\[\s*"([^"]*)"/.exec(text)?.[1];
    return { label: name ? `WKT "${name}"` : `${text.slice(0, 40)}…`, definition: text, notes: [] };
  }
  throw new InputError(
    `CRS '${crs}' is neither an EPSG code ('EPSG:2913' or '2913'), a proj4 string ('+proj=…') nor WKT ('PROJCS[…]', 'GEOGCS[…]'): ` +
      'the CRS picker finds codes by name',
    { code: 'crs-invalid', field: 'mapping.location.crs' },
  );
}
