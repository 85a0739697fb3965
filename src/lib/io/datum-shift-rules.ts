import { crsCode } from './crs-definitions';
import type { EpsgRecord } from './compact-epsg-index';
import { InputError } from './input-error';

/** A datum shift to WGS 84 as proj4's +towgs84 (position-vector convention, rotations in arc-seconds, scale in ppm). */
interface Helmert {
  /** The EPSG transformation these parameters come from. */
  readonly transformation: string;
  readonly towgs84: string;
  /** Its published accuracy, in metres. */
  readonly accuracy: number;
}

/**
 * NTv2 grids the registry's definitions name, which proj4js could only use if Hexcast shipped
 * the grid file (it does not: they are megabytes each, and the app is offline). For each, the
 * Helmert transformation PROJ itself falls back to when the grid is missing — read with
 * `projinfo -s EPSG:<base> -t EPSG:4326 --spatial-test intersects` (PROJ 9.1.1); coordinate-frame
 * rotations are negated into proj4's position-vector convention.
 */
const GRID_FALLBACKS: Readonly<Record<string, Helmert>> = {
  // OSGB36 (EPSG:4277): OSGB36 to WGS 84 (6).
  'OSTN15_NTv2_OSGBtoETRS.gsb': { transformation: 'EPSG:1314 OSGB36 to WGS 84 (6)', towgs84: '446.448,-125.157,542.06,0.15,0.247,0.842,-20.489', accuracy: 2 },
  // DHDN (EPSG:4314): DHDN to WGS 84 (2), former West Germany.
  'BETA2007.gsb': { transformation: 'EPSG:1777 DHDN to WGS 84 (2)', towgs84: '598.1,73.7,418.2,0.202,0.045,-2.455,6.7', accuracy: 3 },
  // NZGD49 (EPSG:4272): NZGD49 to WGS 84 (2), coordinate frame rx=-0.47 ry=0.1 rz=-1.024.
  'nzgd2kgrid0005.gsb': { transformation: 'EPSG:1564 NZGD49 to WGS 84 (2)', towgs84: '59.47,-5.04,187.44,0.47,-0.1,1.024,-4.5993', accuracy: 4 },
  // NAD27 (EPSG:4267) in Canada: NAD27 to WGS 84 (3).
  'NTv2_0.gsb': { transformation: 'EPSG:1172 NAD27 to WGS 84 (3)', towgs84: '-10,158,187,0,0,0,0', accuracy: 20 },
};

/**
 * NAD83(HARN) (EPSG:4152) to WGS 84 (3), EPSG:1901, 1 m: the shift PROJ applies inside the
 * conterminous US, where the registry's definition carries the 2 m zero shift (EPSG:1580).
 * Coordinate-frame rotations (−0.02579, −0.00965, −0.01166″) negated into position vector.
 */
const HARN_CONUS: Helmert = {
  transformation: 'EPSG:1901 NAD83(HARN) to WGS 84 (3)',
  towgs84: '-0.991,1.9072,0.5129,0.0257899075194932,0.0096500989602704,0.0116599432323421,0',
  accuracy: 1,
};

/**
 * Amersfoort (EPSG:4289) to WGS 84 (4), EPSG:4833, 1 m: the shift PROJ applies for the Dutch RD
 * grid. The registry's +towgs84 for Amersfoort holds the rotations of EPSG:15739, a
 * Molodensky-Badekas transformation about a point in Amersfoort, read as a plain Helmert —
 * which puts Amsterdam 169 m off. Coordinate-frame rotations negated into position vector.
 */
const AMERSFOORT: Helmert = {
  transformation: 'EPSG:4833 Amersfoort to WGS 84 (4)',
  towgs84: '565.4171,50.3319,465.5524,-0.398957388243134,0.343987817378283,-1.87740163998045,4.0725',
  accuracy: 1,
};

/** The conterminous US as [north, west, south, east] degrees: EPSG:1901's area of use, roughly. */
const CONUS = [49.5, -125, 24.4, -66.9] as const;

/**
 * The proj4 definition Hexcast uses for a registry CRS, with the datum shift PROJ (`cs2cs`)
 * would apply where the registry's differs:
 * - NAD83(HARN)-based CRSs whose area lies in the conterminous US get EPSG:1901 (PROJ prefers
 *   its 1 m accuracy to the registry's 2 m zero shift; about 1.3 m apart in Oregon);
 * - Amersfoort-based CRSs (RD New) get EPSG:4833, as the registry's shift is wrong (see AMERSFOORT);
 * - a definition naming an NTv2 grid (`+nadgrids=X.gsb`) gets the Helmert transformation PROJ
 *   uses without that grid, with a note saying so and its accuracy; an unknown grid is an
 *   `InputError` naming it ('@null' grids, as in Web Mercator, need no file and stay).
 * Every other definition is the registry's, unchanged.
 *
 * @example
 * registryDefinition(27700, registry.get(27700)).notes
 * // → ['EPSG:27700 (OSGB36 / British National Grid): PROJ shifts the datum with the grid OSTN15_NTv2_OSGBtoETRS.gsb, …']
 */
export function registryDefinition(code: number, record: EpsgRecord): { definition: string; notes: string[] } {
  let definition = record.proj4;
  const notes: string[] = [];
  if (record.base === 4152 && record.bbox && inside(record.bbox, CONUS)) {
    definition = definition.replace(/\+towgs84=0,0,0,0,0,0,0\b/, `+towgs84=${HARN_CONUS.towgs84}`);
  }
  if (record.base === 4289) definition = definition.replace(/\+towgs84=\S+/, `+towgs84=${AMERSFOORT.towgs84}`);
  const grids = /\+nadgrids=(\S+)/.exec(definition);
  if (grids && !grids[1].startsWith('@')) {
    const grid = grids[1];
    const fallback = GRID_FALLBACKS[grid];
    const label = `${crsCode(code)} (${record.name})`;
    if (!fallback) {
      throw new InputError(
        `${label}: the registry shifts its datum with the grid file '${grid}', which Hexcast cannot load offline and has no ` +
          'substitute for: paste a proj4 string with the +towgs84=… shift you accept instead',
        { code: 'crs-grid-unsupported', field: 'mapping.location.crs' },
      );
    }
    definition = definition.replace(grids[0], `+towgs84=${fallback.towgs84}`);
    notes.push(
      `${label}: PROJ shifts the datum with the grid ${grid}, which Hexcast does not ship; ` +
        `using the Helmert transformation ${fallback.transformation} instead (accuracy ${fallback.accuracy} m)`,
    );
  }
  return { definition, notes };
}

/** True when bbox a ([n, w, s, e]) lies inside bbox b. */
function inside(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[0] && a[1] >= b[1] && a[2] >= b[2] && a[3] <= b[3];
}
