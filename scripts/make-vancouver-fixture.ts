/**
 * Records a Vancouver-like incident cloud in UTM zone 10N metres for the CRS ranking tests
 * (src/lib/io/rank-crs.test.ts, test/cli-inspect-crs.test.ts):
 * `node bin/run-ts.js scripts/make-vancouver-fixture.ts` (needs Debian's proj-bin: `cs2cs`).
 *
 * 120 places on a 12 × 10 grid over the City of Vancouver (49.205–49.295° N, 123.20–123.03° W,
 * every one on land or within a few hundred metres of the shore) are projected by PROJ with
 * `cs2cs -f %.6f EPSG:4326 EPSG:32610` (WGS 84 / UTM zone 10N). The same x/y read as EPSG:2913
 * (Oregon North, international feet) are inverse-projected with
 * `cs2cs -f %.6f EPSG:2913 EPSG:4326`: where a user who picks that CRS would put the city.
 * Writes test/fixtures/crs/vancouver-utm10n.json, each command line stored with its output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const run = (from: string, to: string, input: string): string[] =>
  execFileSync('cs2cs', ['-f', '%.6f', from, to], { input, encoding: 'utf8' }).trim().split('\n');

const places: [number, number][] = [];
for (let i = 0; i < 12; i++) for (let j = 0; j < 10; j++) places.push([Number((49.205 + j * 0.01).toFixed(3)), Number((-123.2 + (i * 0.17) / 11).toFixed(4))]);
const projected = run('EPSG:4326', 'EPSG:32610', places.map(([lat, lng]) => `${lat} ${lng}`).join('\n')).map((line) =>
  line.split(/\s+/).slice(0, 2).map(Number),
);
const asOregon = run('EPSG:2913', 'EPSG:4326', projected.map(([x, y]) => `${x} ${y}`).join('\n')).map((line) => line.split(/\s+/).slice(0, 2).map(Number));
const proj = `cs2cs ${spawnSync('cs2cs', [], { encoding: 'utf8' }).stderr.split('\n')[0]}`;
const fixture = {
  proj: proj.trim(),
  made: 'node bin/run-ts.js scripts/make-vancouver-fixture.ts',
  forward: "printf 'LAT LNG\\n' | cs2cs -f %.6f EPSG:4326 EPSG:32610 (x = easting, y = northing in metres)",
  inverse2913: "printf 'X Y\\n' | cs2cs -f %.6f EPSG:2913 EPSG:4326 (the same numbers read as Oregon North ft → lat, lng)",
  points: places.map(([lat, lng], i) => ({ lat, lng, x: projected[i][0], y: projected[i][1], as2913: { lat: asOregon[i][0], lng: asOregon[i][1] } })),
};
writeFileSync('test/fixtures/crs/vancouver-utm10n.json', `${JSON.stringify(fixture, null, 1)}\n`);
