/** One record of the `epsg-index` package's all.json, as Hexcast keeps it. */
export interface EpsgRecord {
  /** 'CRS-PROJCRS' or 'CRS-GEOGCRS' (the only kinds a 2D x/y or lon/lat column can be in). */
  readonly kind: string;
  readonly name: string;
  /** The proj4 definition with the datum shift the registry gives (+towgs84 or +nadgrids). */
  readonly proj4: string;
  /** The area of use, as the registry words it. */
  readonly area: string | null;
  /** [north, west, south, east] of the area of use, in degrees. */
  readonly bbox: readonly number[] | null;
  /** Accuracy of the registry's datum shift to WGS 84, in metres (null: exact or unknown). */
  readonly accuracy: number | null;
  /** EPSG code of the base geographic CRS (from the WKT's GEOGCS AUTHORITY), null if absent. */
  readonly base: number | null;
}

/** The kinds of CRS kept: 2D projected and 2D geographic. */
const KINDS = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS']);

/**
 * Shrinks the `epsg-index` package's all.json (8 MB: 8,112 codes, each with WKT) to what Hexcast
 * uses: the 2D projected and geographic CRSs that have a proj4 definition, with name, proj4
 * (without the '+type=crs' tag), area, bbox, accuracy and the base geographic CRS's code, read from
 * the WKT's `GEOGCS[…AUTHORITY["EPSG","4152"]]`. Idempotent: a compacted index compacts to itself,
 * so the loader can call it whether or not the build already did (the app's Vite build does, the
 * CLI reads the package's file as is).
 *
 * @example
 * compactEpsgIndex({ 5348: { kind: 'CRS-PROJCRS', name: 'POSGAR 2007 / Argentina 6', proj4: '+proj=tmerc … +type=crs', wkt: '…', … } })
 * // → { 5348: { kind: 'CRS-PROJCRS', name: 'POSGAR 2007 / Argentina 6', proj4: '+proj=tmerc …', area: …, base: 5340, … } }
 */
export function compactEpsgIndex(all: Readonly<Record<string, unknown>>): Record<string, EpsgRecord> {
  const out: Record<string, EpsgRecord> = {};
  for (const [code, value] of Object.entries(all)) {
    const r = value as Partial<Record<string, unknown>>;
    if (typeof r.kind !== 'string' || !KINDS.has(r.kind) || typeof r.proj4 !== 'string' || r.proj4 === '') continue;
    out[code] = {
      kind: r.kind,
      name: String(r.name ?? ''),
      proj4: r.proj4.replace(/\s*\+type=crs\b/, '').trim(),
      area: typeof r.area === 'string' ? r.area : null,
      bbox: Array.isArray(r.bbox) ? (r.bbox as number[]) : null,
      accuracy: typeof r.accuracy === 'number' ? r.accuracy : null,
      base: typeof r.base === 'number' ? r.base : typeof r.wkt === 'string' ? baseCodeOf(r.wkt) : null,
    };
  }
  return out;
}

/** The EPSG code of a WKT1 PROJCS's GEOGCS (its last AUTHORITY before the PRIMEM closes it), or of a GEOGCS itself. */
function baseCodeOf(wkt: string): number | null {
  const projected = wkt.startsWith('PROJCS[');
  const end = projected ? wkt.indexOf('PROJECTION[') : wkt.length;
  const head = wkt.slice(0, end < 0 ? wkt.length : end);
  const codes = [...head.matchAll(/AUTHORITY\["EPSG","(\d+)"\]\]/g)];
  const last = codes.at(-1);
  return last ? Number(last[1]) : null;
}
