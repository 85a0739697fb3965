import { readFileSync } from 'node:fs';
import { Bool, Table, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { floats, inputErrorOf, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import type { LocationMapping } from './column-mapping';
import { decodeLocation, locateRows, textColumnNote } from './decode-location';
import { NumberFormat } from './number-format';
import { DROP_CODE } from './drop-codes';
import { loadCrs } from './load-crs';

function decode(columns: Record<string, (number | null)[]>, mapping: LocationMapping, reasons?: number[]) {
  const table = new Table(Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, floats(values)])));
  const n = table.numRows;
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const codes = Uint8Array.from(reasons ?? new Array<number>(n).fill(0));
  const decoded = decodeLocation([sourceOf(table, 'points.arrow')], mapping, lat, lng, codes);
  return { ...decoded, lat: Array.from(lat), lng: Array.from(lng), reasons: Array.from(codes) };
}

const LATLNG: LocationMapping = { kind: 'latlng', lat: 'lat', lng: 'lng' };

describe('decodeLocation', () => {
  it('decodeLocation drops null, NaN, 0/0 and out-of-range points, in that order, and blanks them to NaN', () => {
    const decoded = decode({ lat: [41.88, null, 41.88, 0, 0, 91, -90, 41.88], lng: [-87.63, -87.63, NaN, 0, 5, -87.63, 180, -180.5] }, LATLNG);
    const { 'location-null': NULL, 'location-zero': ZERO, 'location-out-of-range': RANGE } = DROP_CODE;
    expect(decoded.reasons).toEqual([0, NULL, NULL, ZERO, 0, RANGE, 0, RANGE]);
    expect(decoded.lat).toEqual([41.88, NaN, NaN, NaN, 0, NaN, -90, NaN]);
    expect(decoded.lng).toEqual([-87.63, NaN, NaN, NaN, 5, NaN, 180, NaN]);
    expect(decoded.crs).toBeNull();
    expect(decoded.warnings).toEqual([]);
  });

  it('decodeLocation keeps an earlier reason but still blanks the location', () => {
    const decoded = decode({ lat: [null, 41.88], lng: [null, -87.63] }, LATLNG, [DROP_CODE['time-null'], DROP_CODE['time-null']]);
    expect(decoded.reasons).toEqual([DROP_CODE['time-null'], DROP_CODE['time-null']]);
    expect(decoded.lat).toEqual([NaN, 41.88]);
  });

  it('decodeLocation projects EPSG:2913 feet: the origin (43°40′N, 120°30′W in NAD83(HARN)) to where PROJ puts it in WGS 84, a Portland point into Portland', () => {
    const decoded = decode({ x: [8_202_099.738, 7_661_410], y: [0, 682_295] }, { kind: 'xy', x: 'x', y: 'y', crs: '2913' });
    expect(decoded.crs).toBe('EPSG:2913');
    // echo '8202099.738 0' | cs2cs -f %.9f EPSG:2913 EPSG:4326 → 43.666672278 -120.500013713
    expect(decoded.lat[0]).toBeCloseTo(43.666672278, 8);
    expect(decoded.lng[0]).toBeCloseTo(-120.500013713, 8);
    // Portland's city limits lie within 45.43–45.66°N, 122.84–122.47°W.
    expect(decoded.lat[1]).toBeGreaterThan(45.43);
    expect(decoded.lat[1]).toBeLessThan(45.66);
    expect(decoded.lng[1]).toBeGreaterThan(-122.84);
    expect(decoded.lng[1]).toBeLessThan(-122.47);
  });

  it("decodeLocation projects a registry CRS loaded first, reads Lo19's columns as (westing, southing) and passes the CRS's notes on as warnings", async () => {
    await loadCrs('EPSG:2048');
    // echo '-33.92 18.42' | cs2cs -f %.10f EPSG:4326 EPSG:2048 → 53633.7035435453 3754939.1988514476 (westing, southing)
    const capeTown = decode({ x: [53_633.7035435453], y: [3_754_939.1988514476] }, { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2048' });
    expect(capeTown.lat[0]).toBeCloseTo(-33.92, 8);
    expect(capeTown.lng[0]).toBeCloseTo(18.42, 8);
    await loadCrs('EPSG:27700');
    // echo '51.5074 -0.1278' | cs2cs -f %.10f EPSG:4326 EPSG:27700 (PROJ without the OSTN15 grid, as here)
    const london = decode({ x: [530_028.7469491747], y: [180_380.0942512557] }, { kind: 'xy', x: 'x', y: 'y', crs: '27700' });
    expect(london.lat[0]).toBeCloseTo(51.5074, 8);
    expect(london.lng[0]).toBeCloseTo(-0.1278, 7);
    expect(london.warnings).toEqual([
      'EPSG:27700 (OSGB36 / British National Grid): PROJ shifts the datum with the grid OSTN15_NTv2_OSGBtoETRS.gsb, which Hexcast does not ship; ' +
        'using the Helmert transformation EPSG:1314 OSGB36 to WGS 84 (6) instead (accuracy 2 m)',
    ]);
  }, 60_000);

  it('decodeLocation tests 0/0 before projecting (0 ft, 0 ft would land 2,500 km away)', () => {
    const decoded = decode({ x: [0], y: [0] }, { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' });
    expect(decoded.reasons).toEqual([DROP_CODE['location-zero']]);
  });

  it('decodeLocation reads a projected point that lands on 0°, 0° as the unknown-location sentinel, and keeps one a metre away', async () => {
    await loadCrs('EPSG:3424');
    // echo '0 0' | cs2cs -f %.6f EPSG:4326 EPSG:3424 → 42649854.152407 -14106178.051544 (NJ State Plane, US feet): what a
    // GIS writes for a failed geocode kept at 0°, 0° and projected; '0.00001 0.00001' → 42649868.481431 -14106163.818433;
    // Plainfield, NJ (40.6176, -74.4179) → 514915.544087 649898.467421.
    const decoded = decode(
      { x: [42_649_854.152407, 42_649_868.481431, 514_915.544087], y: [-14_106_178.051544, -14_106_163.818433, 649_898.467421] },
      { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:3424' },
    );
    expect(decoded.reasons).toEqual([DROP_CODE['location-zero'], 0, 0]);
    expect(decoded.lat[1]).toBeCloseTo(0.00001, 8);
    expect(decoded.lat[2]).toBeCloseTo(40.6176, 6);
    expect(decoded.lng[2]).toBeCloseTo(-74.4179, 6);
  }, 60_000);

  it('decodeLocation warns when most lat/lng values are not degrees', () => {
    const decoded = decode({ lat: [682295, 41.9], lng: [7661410, -87.6] }, LATLNG);
    expect(decoded.warnings).toEqual([]); // 1 of 2 is not "most"
    const projected = decode({ lat: [682295, 682296, 41.9], lng: [7661410, 7661411, -87.6] }, LATLNG);
    expect(projected.warnings).toEqual(['2 of 3 located rows are not valid latitude/longitude degrees: the values look projected; map them as x/y with a CRS']);
  });

  it('decodeLocation reads a text column as numbers, marks its other text location-unparseable, and rejects a Bool column', () => {
    const table = new Table({ lat: strings(['41.9', 'N/A']), lng: floats([-87.6, -87.6]) });
    const lat = new Float64Array(2);
    const reasons = new Uint8Array(2);
    decodeLocation([sourceOf(table, 'text.arrow')], LATLNG, lat, new Float64Array(2), reasons);
    expect([lat[0], reasons[0], reasons[1]]).toEqual([41.9, 0, DROP_CODE['location-unparseable']]);
    const flags = new Table({ lat: vectorFromArray([true], new Bool()), lng: floats([-87.6]) });
    const run = () => decodeLocation([sourceOf(flags, 'flags.arrow')], LATLNG, new Float64Array(1), new Float64Array(1), new Uint8Array(1));
    expect(inputErrorOf(run)).toBe(
      "location column 'lat' in file 'flags.arrow' has type Bool: expected a numeric type (Float64, Float32 or an integer) or text holding numbers",
    );
  });

  it('decodeLocation of a missing column lists the columns the file has', () => {
    const run = () => decode({ latitude: [1], longitude: [2] }, { kind: 'latlng', lat: 'Latitude', lng: 'longitude' });
    expect(inputErrorOf(run)).toBe(
      "file 'points.arrow' has no column 'Latitude' (mapped as latitude) — did you mean 'latitude'?; available columns: latitude, longitude",
    );
  });

  it("locateRows warns of latitude and longitude exchanged from the medians of the first 10,000 located rows, on Chicago's first 50,000 rows as mapped and exchanged", () => {
    const table = tableFromIPC(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))).slice(0, 50_000);
    const latitude = Float64Array.from(table.getChild('latitude')!, (value: number | null) => value ?? NaN); // nulls as the load reads them
    const longitude = Float64Array.from(table.getChild('longitude')!, (value: number | null) => value ?? NaN);
    const run = (a: Float64Array, b: Float64Array, mapping: LocationMapping): { warnings: readonly string[]; nulls: number } => {
      const reasons = new Uint8Array(a.length);
      const { warnings } = locateRows(mapping, a.slice(), b.slice(), reasons);
      return { warnings, nulls: reasons.filter((code) => code === DROP_CODE['location-null']).length };
    };
    const asMapped = run(latitude, longitude, { kind: 'latlng', lat: 'latitude', lng: 'longitude' });
    expect(asMapped.warnings).toEqual([]);
    expect(asMapped.nulls).toBeGreaterThan(0);
    // The medians by a plain sort of the first 10,000 located rows (not null, not 0/0), the upper one of an even count.
    const located = [...latitude.keys()].filter(
      (i) => latitude[i] === latitude[i] && longitude[i] === longitude[i] && !(latitude[i] === 0 && longitude[i] === 0),
    );
    const median = (values: Float64Array): string =>
      Float64Array.from(located.slice(0, 10_000), (i) => values[i])
        .sort()[5_000]
        .toFixed(4);
    expect(located.length).toBeGreaterThan(10_000);
    const exchanged = run(longitude, latitude, { kind: 'latlng', lat: 'a', lng: 'b' });
    expect(exchanged.warnings).toEqual([
      `the latitudes lie where nobody lives (median ${median(longitude)}°, beyond 80° N or 60° S) and the longitudes where latitudes would (median ${median(latitude)}°): latitude and longitude look swapped: map lat = 'b', lng = 'a' with the latitude and longitude settings`,
    ]);
    expect(median(longitude)).toMatch(/^-87\.\d{4}$/);
    // Names saying the opposite are named before any value is looked at.
    const named = run(longitude, latitude, { kind: 'latlng', lat: 'lon', lng: 'lat' });
    expect(named.warnings).toEqual([
      "latitude is read from column 'lon' and longitude from column 'lat': their names say the opposite, their values fit this way",
    ]);
  });

  it('textColumnNote counts the values read, and names the other reading when at least half as many values fit it', () => {
    const note = (read: number, other: number, otherRead: number, delimiter = ',') =>
      textColumnNote('lat', 'a.csv', { format: NumberFormat.CommaPointGroups, read, other, otherRead }, delimiter);
    expect(note(2, NumberFormat.Point, 1, '')).toBe(
      "location column 'lat' in file 'a.csv' holds text: 2 values read as numbers with decimal comma, '.' thousands (1 value read with decimal point instead, giving other numbers; fewer); the rest (text, or numbers in another format) is dropped as location-unparseable",
    );
    expect(note(5, NumberFormat.Point, 5, '\t')).toContain('(as many read with decimal point, giving other numbers; chosen for a tab-delimited file)');
    expect(note(1, NumberFormat.Point, 0)).toBe(
      "location column 'lat' in file 'a.csv' holds text: 1 value read as numbers with decimal comma, '.' thousands; the rest (text, or numbers in another format) is dropped as location-unparseable",
    );
  });
});
