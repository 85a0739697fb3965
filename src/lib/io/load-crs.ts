import proj4 from 'proj4';
import type { ColumnMapping } from './column-mapping';
import { crsCode, epsgCodeOf, looksLikeWkt, rememberCrs, resolveCrs, type ResolvedCrs } from './crs-definitions';
import { registryDefinition } from './datum-shift-rules';
import { loadEpsgRegistry } from './epsg-registry';
import type { CrsArea } from './crs-placement-warning';
import { InputError } from './input-error';
import { loadLandMask } from './land-mask';

/**
 * Resolves any CRS a user can name and checks that proj4 can use it:
 * - an EPSG code ('EPSG:5348', '5348'): bundled (`CRS_DEFINITIONS`) or looked up in the EPSG
 *   registry (`loadEpsgRegistry`, loaded on first use), with the datum shift the registry gives
 *   as `registryDefinition` adjusts it; afterwards `resolveCrs` finds it synchronously;
 * - a proj4 string ('+proj=…') or WKT 1/2, OGC or ESRI flavour, as proj4 (wkt-parser) reads it.
 * Errors are `InputError`s saying precisely what failed: a code the registry does not have, a
 * grid file with no substitute (or any grid file in pasted proj4 text), or text proj4 cannot parse (naming the projection method it did
 * not know, when that is the reason).
 *
 * @example
 * (await loadCrs('EPSG:5348')).definition
 * // → '+proj=tmerc +lat_0=-90 +lon_0=-57 +k=1 +x_0=6500000 +y_0=0 +ellps=WGS84 +towgs84=-0.41,0.46,-0.35,0,0,0,0 +units=m +no_defs'
 */
export async function loadCrs(crs: string): Promise<ResolvedCrs> {
  const code = epsgCodeOf(crs);
  if (code === null) {
    const resolved = resolveCrs(crs);
    const grid = /\+nadgrids=([^@\s]\S*)/.exec(resolved.definition)?.[1];
    if (grid) {
      throw new InputError(
        `the CRS '${resolved.label}' shifts its datum with the grid file '${grid}', which Hexcast cannot load offline: give the shift as +towgs84=… instead`,
        { code: 'crs-grid-unsupported', field: 'mapping.location.crs' },
      );
    }
    checkProj4(resolved.definition, crs.trim());
    return resolved;
  }
  try {
    return resolveCrs(crs);
  } catch {
    // Not bundled, not yet looked up: ask the registry.
  }
  const registry = await loadEpsgRegistry();
  const entry = registry.byCode.get(code);
  if (!entry) {
    throw new InputError(
      `unknown CRS '${crs.trim()}': the EPSG registry Hexcast ships (${registry.entries.length} projected and geographic 2D CRSs) ` +
        'has no such code; check the number, or paste a proj4 string (+proj=…) or WKT (PROJCS[…])',
      { code: 'crs-unknown', field: 'mapping.location.crs' },
    );
  }
  const { definition, notes } = registryDefinition(code, entry);
  const resolved: ResolvedCrs = { label: crsCode(code), definition, notes };
  checkProj4(definition, `${crsCode(code)} (${entry.name})`);
  rememberCrs(resolved);
  return resolved;
}

/** Throws an InputError naming what proj4 could not parse in `definition`. */
function checkProj4(definition: string, what: string): void {
  try {
    proj4(definition, 'EPSG:4326');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const wkt = looksLikeWkt(definition);
    const method = wkt
      ? (/PROJECTION\s*\[\s*"([^"]*)"/i.exec(definition)?.[1] ?? /METHOD\s*\[\s*"([^"]*)"/i.exec(definition)?.[1])
      : /\+proj=(\S+)/.exec(definition)?.[1];
    const why = /projection name/i.test(message) && method ? `proj4 does not know the projection method '${method}'` : message || 'proj4 rejected it';
    const shown = what.length > 80 ? `${what.slice(0, 80)}…` : what;
    throw new InputError(
      `cannot use the CRS ${wkt ? 'WKT' : 'definition'} '${shown}': ${why}; expected an EPSG code, a proj4 string (+proj=…) or WKT (PROJCS[…], GEOGCS[…])`,
      { code: 'crs-invalid', field: 'mapping.location.crs' },
      { cause: error },
    );
  }
}

const areas = new Map<string, CrsArea>();

/**
 * Loads the CRS of an x/y mapping (`loadCrs`) so that the synchronous `loadIncidents` can project
 * with it, and what it needs to check the placement (`crsPlacementWarning`): the CRS's name and
 * area of use from the EPSG registry (an EPSG code) and the land mask. Nothing to do for lat/lng or
 * no mapping. The registry and the land mask are context: when either fails to load, the load goes
 * on without that check.
 *
 * @example
 * await loadMappingCrs({ …, location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:5348' } }); loadIncidents(sources, mapping)
 */
export async function loadMappingCrs(mapping: ColumnMapping | null | undefined): Promise<void> {
  if (mapping?.location.kind !== 'xy') return;
  const crs = mapping.location.crs;
  await loadCrs(crs);
  const code = epsgCodeOf(crs);
  const [entry] = await Promise.all([
    code === null
      ? null
      : loadEpsgRegistry().then(
          (registry) => registry.byCode.get(code) ?? null,
          () => null,
        ),
    loadLandMask().catch(() => null),
  ]);
  areas.set(crs, { name: entry?.name ?? null, area: entry?.area ?? null, bbox: entry?.bbox ?? null });
}

/**
 * The name and area of use `loadMappingCrs` found for `crs` (as the mapping gives it), or null before it ran.
 *
 * @example
 * await loadMappingCrs(mapping); crsAreaIfLoaded('EPSG:2913')?.area // → 'USA - Oregon - north of 44°20'N'
 */
export function crsAreaIfLoaded(crs: string): CrsArea | null {
  return areas.get(crs) ?? null;
}
