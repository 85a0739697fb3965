/**
 * Records reference coordinates from PROJ for the CRS tests (src/lib/io/load-crs.proj.test.ts):
 * `node bin/run-ts.js scripts/make-crs-fixtures.ts` (needs Debian's proj-bin: `cs2cs`, `projinfo`).
 *
 * For each CRS and place, `cs2cs -f %.10f EPSG:4326 EPSG:<code>` projects the place's WGS 84
 * latitude/longitude with the transformation PROJ picks (its datum shift included), and the exact
 * command line is stored with the result. PROJ gives coordinates in the CRS's official axis order;
 * where that order starts with north (EPSG:5348, JGD2011…) the pair is stored as (east, north),
 * the order of the registry's proj4 definition and of x/y columns in incident files.
 * Writes test/fixtures/crs/cs2cs-reference.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** CRS code, what it is for, and places inside its area of use as [name, lat, lng]. */
const CASES: readonly [number, string, readonly (readonly [string, number, number])[]][] = [
  [5343, 'Argentina POSGAR 2007 zone 1', [['Esquel', -42.91, -71.32]]],
  [5344, 'Argentina POSGAR 2007 zone 2', [['Mendoza', -32.89, -68.83]]],
  [5345, 'Argentina POSGAR 2007 zone 3', [['Salta', -24.78, -65.41]]],
  [5346, 'Argentina POSGAR 2007 zone 4', [['Córdoba', -31.42, -64.18]]],
  [5347, 'Argentina POSGAR 2007 zone 5', [['Rosario', -32.95, -60.64]]],
  [
    5348,
    'Argentina POSGAR 2007 zone 6',
    [
      ['Buenos Aires', -34.6037, -58.3816],
      ['Mar del Plata', -38.0, -57.55],
    ],
  ],
  [5349, 'Argentina POSGAR 2007 zone 7', [['Posadas', -27.37, -55.9]]],
  [
    2913,
    'US State Plane Oregon North, international ft (NAD83(HARN))',
    [
      ['Portland', 45.52, -122.68],
      ['Salem', 44.94, -123.03],
    ],
  ],
  [3435, 'US State Plane Illinois East, US survey ft (NAD83)', [['Chicago', 41.88, -87.63]]],
  [2263, 'US State Plane New York Long Island, US survey ft (NAD83)', [['Manhattan', 40.71, -74.0]]],
  [32718, 'WGS 84 / UTM zone 18S', [['Lima', -12.05, -77.04]]],
  [
    27700,
    'British National Grid (OSGB36)',
    [
      ['London', 51.5074, -0.1278],
      ['Edinburgh', 55.95, -3.19],
    ],
  ],
  [
    2154,
    'France Lambert-93 (RGF93)',
    [
      ['Paris', 48.8566, 2.3522],
      ['Marseille', 43.3, 5.37],
    ],
  ],
  [
    25832,
    'ETRS89 / UTM zone 32N',
    [
      ['Cologne', 50.94, 6.96],
      ['Munich', 48.14, 11.58],
    ],
  ],
  [
    31467,
    'Germany DHDN Gauss-Krüger zone 3 (NTv2 grid BETA2007 in PROJ)',
    [
      ['Frankfurt', 50.11, 8.68],
      ['Stuttgart', 48.78, 9.18],
    ],
  ],
  [28992, 'Netherlands RD New (Amersfoort)', [['Amsterdam', 52.37, 4.9]]],
  [6677, 'Japan JGD2011 Plane Rectangular CS IX', [['Tokyo', 35.68, 139.77]]],
  [7855, 'Australia GDA2020 / MGA zone 55', [['Melbourne', -37.81, 144.96]]],
  [2193, 'New Zealand NZGD2000 / NZTM', [['Wellington', -41.29, 174.78]]],
  [2048, 'South Africa Hartebeesthoek94 / Lo19 (westing, southing)', [['Cape Town', -33.92, 18.42]]],
  [
    7755,
    'India WGS 84 / India NSF LCC',
    [
      ['Delhi', 28.61, 77.21],
      ['Mumbai', 19.08, 72.88],
    ],
  ],
  [
    31983,
    'Brazil SIRGAS 2000 / UTM zone 23S',
    [
      ['São Paulo', -23.55, -46.63],
      ['Rio de Janeiro', -22.91, -43.17],
    ],
  ],
];

const version = `cs2cs ${spawnSync('cs2cs', [], { encoding: 'utf8' }).stderr.split('\n')[0].trim()}`;

function northFirst(code: number): boolean {
  const wkt = execFileSync('projinfo', [`EPSG:${code}`, '-o', 'WKT2_2019', '--single-line', '-q'], { encoding: 'utf8' });
  return /^[^]*?AXIS\["[^"]*",north/.test(wkt) && !/AXIS\["[^"]*",east[^]*AXIS\["[^"]*",north/.test(wkt);
}

const crs = CASES.map(([code, what, places]) => {
  const swap = northFirst(code);
  return {
    code,
    what,
    axis: swap ? 'PROJ gives (north, east): stored as (east, north)' : 'as PROJ gives it',
    points: places.map(([place, lat, lng]) => {
      const args = ['-f', '%.10f', 'EPSG:4326', `EPSG:${code}`];
      const out = execFileSync('cs2cs', args, { encoding: 'utf8', input: `${lat} ${lng}\n` })
        .trim()
        .split(/\s+/)
        .map(Number);
      const [x, y] = swap ? [out[1], out[0]] : [out[0], out[1]];
      return { place, lat, lng, x, y, command: `echo '${lat} ${lng}' | cs2cs ${args.join(' ')}` };
    }),
  };
});

const file = new URL('../test/fixtures/crs/cs2cs-reference.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ proj: version, made: 'node bin/run-ts.js scripts/make-crs-fixtures.ts', crs }, null, 1)}\n`);
console.log(`${crs.length} CRSs, ${crs.reduce((n, c) => n + c.points.length, 0)} points → ${file.pathname}`);
