import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../../test/fixtures/io/arrow-fixtures';
import { InputError } from './input-error';
import { CRS_DEFINITIONS, looksLikeCrs, resolveCrs } from './crs-definitions';

/** [x, y] in `code` of a WGS84 [lng, lat]. */
const forward = (code: string, lngLat: [number, number]) => proj4(resolveCrs(code).definition, 'EPSG:4326').inverse(lngLat);

describe('CRS_DEFINITIONS', () => {
  it('CRS_DEFINITIONS holds 4326, 3857, 2913, 3435 and 23 + 60 + 60 UTM zones', () => {
    expect(CRS_DEFINITIONS.size).toBe(4 + 23 + 60 + 60);
    for (const code of [
      'EPSG:4326',
      'EPSG:3857',
      'EPSG:2913',
      'EPSG:3435',
      'EPSG:26901',
      'EPSG:26923',
      'EPSG:32601',
      'EPSG:32660',
      'EPSG:32701',
      'EPSG:32760',
    ]) {
      expect(CRS_DEFINITIONS.has(code)).toBe(true);
    }
    expect(CRS_DEFINITIONS.has('EPSG:26924')).toBe(false);
  });

  it("EPSG:2913 maps its origin (43°40'N, 120°30'W in NAD83(HARN)) to the false easting 2,500,000.0001424 m = 8,202,099.738 ft and northing 0", () => {
    const definition = resolveCrs('EPSG:2913').definition;
    const harn = `+proj=longlat +ellps=GRS80 ${/\+towgs84=\S+/.exec(definition)![0]} +no_defs`; // same datum: no shift
    const [x, y] = proj4(definition, harn).inverse([-120.5, 43 + 40 / 60]);
    expect(x).toBeCloseTo(2_500_000.0001424 / 0.3048, 3); // 8202099.738 international feet
    expect(x).toBeCloseTo(8_202_099.738, 3);
    expect(y).toBeCloseTo(0, 3);
  });

  it('EPSG:2913 shifts NAD83(HARN) to WGS 84 as PROJ does in Oregon (EPSG:1901): Portland moves 1.3 m against a zero shift', () => {
    const point: [number, number] = [7_650_000, 680_000]; // feet, downtown Portland
    const [lng, lat] = proj4(resolveCrs('EPSG:2913').definition, 'EPSG:4326').forward(point);
    const zero = resolveCrs('EPSG:2913').definition.replace(/\+towgs84=\S+/, '+towgs84=0,0,0,0,0,0,0');
    const [lng0, lat0] = proj4(zero, 'EPSG:4326').forward(point);
    const metres = Math.hypot((lat - lat0) * 111_132, (lng - lng0) * 111_320 * Math.cos((lat * Math.PI) / 180));
    expect(metres).toBeGreaterThan(1.2);
    expect(metres).toBeLessThan(1.4);
  });

  it("EPSG:3435 maps its origin (36°40'N, 88°20'W) to the false easting 300,000 m = 984,250 US survey ft", () => {
    const [x, y] = forward('EPSG:3435', [-(88 + 20 / 60), 36 + 40 / 60]);
    expect(x).toBeCloseTo(300_000 / (1200 / 3937), 3); // a US survey foot is 1200/3937 m
    expect(y).toBeCloseTo(0, 3);
  });

  it("EPSG:3435's x = y = 0 is where Chicago's 'Missouri' rows sit: (36.619446395°N, 91.686565684°W)", () => {
    const [lng, lat] = proj4(resolveCrs('EPSG:3435').definition, 'EPSG:4326').forward([0, 0]);
    expect(lat).toBeCloseTo(36.619446395, 8);
    expect(lng).toBeCloseTo(-91.686565684, 8);
  });

  it.each([
    ['EPSG:32616', [500_000, 0]], // zone 16N: central meridian 87°W, false easting 500 km
    ['EPSG:26916', [500_000, 0]],
    ['EPSG:32716', [500_000, 10_000_000]], // southern zones: false northing 10,000 km
  ] as const)('%s maps (0°, 87°W) on its central meridian to %j', (code, expected) => {
    const [x, y] = forward(code, [-87, 0]);
    expect(x).toBeCloseTo(expected[0], 3);
    expect(y).toBeCloseTo(expected[1], 3);
  });

  it('EPSG:3857 maps 180°E on the equator to half the circumference of a 6,378,137 m sphere', () => {
    expect(forward('EPSG:3857', [180, 0])[0]).toBeCloseTo(Math.PI * 6_378_137, 3);
  });
});

describe('resolveCrs', () => {
  it.each([
    ['EPSG:2913', 'EPSG:2913'],
    ['epsg:2913', 'EPSG:2913'],
    ['2913', 'EPSG:2913'],
    [' EPSG: 32616 ', 'EPSG:32616'],
  ])('resolveCrs(%j) is %s', (input, label) => {
    expect(resolveCrs(input)).toEqual({ label, definition: CRS_DEFINITIONS.get(label), notes: [] });
  });

  it('resolveCrs passes a proj4 string through', () => {
    const text = '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs';
    expect(resolveCrs(text)).toEqual({ label: text, definition: text, notes: [] });
  });

  it('resolveCrs of a registry code not yet loaded is a programming error pointing at loadCrs', () => {
    expect(() => resolveCrs('EPSG:5348')).toThrow("EPSG:5348 is not bundled and has not been looked up in the EPSG registry: call loadCrs('EPSG:5348') first");
  });

  it('resolveCrs labels WKT by its name', () => {
    expect(resolveCrs('PROJCS["NAD83 / Oregon North",GEOGCS["NAD83"]]').label).toBe('WKT "NAD83 / Oregon North"');
  });

  it('resolveCrs of something else says what it expected', () => {
    expect(inputErrorOf(() => resolveCrs('Oregon North'))).toBe(
      "CRS 'Oregon North' is neither an EPSG code ('EPSG:2913' or '2913'), a proj4 string ('+proj=…') nor WKT ('PROJCS[…]', 'GEOGCS[…]'): " +
        'the CRS picker finds codes by name',
    );
  });
});

describe('looksLikeCrs', () => {
  it.each([
    ['EPSG:2913', true],
    [' epsg: 2913 ', true],
    ['2913', true],
    ['ESRI:102003', true],
    ['EPSG:5348', true], // a code, whether or not the registry has it
    ['+proj=utm +zone=10', true],
    ['  +pr', true], // proj4 text half typed: resolveCrs takes it as proj4 too
    ['PROJCS["NAD83 / Oregon North",GEOGCS["NAD83"]]', true],
    ['geogcrs [', true],
    ['Oregon North', false],
    ['', false],
    ['291', false],
    ['EPSG:2913x', false],
    ['OGC:CRS84', false],
  ])('looksLikeCrs(%j) is %s, as resolveCrs reads it (no InputError)', (text, expected) => {
    expect(looksLikeCrs(text)).toBe(expected);
    let refused = false;
    try {
      resolveCrs(text);
    } catch (error) {
      refused = error instanceof InputError; // a code not yet looked up is a programming error, not a refusal
    }
    expect(refused).toBe(!expected);
  });
});

describe('crsCode and epsgCodeOf', () => {
  it("names the registry's Esri codes ESRI, not EPSG, and reads either prefix back", async () => {
    const { crsCode, epsgCodeOf } = await import('./crs-definitions');
    expect(crsCode(2913)).toBe('EPSG:2913');
    expect(crsCode(32767)).toBe('EPSG:32767');
    expect(crsCode(102003)).toBe('ESRI:102003');
    expect(crsCode(37002)).toBe('ESRI:37002');
    expect(epsgCodeOf('ESRI:102003')).toBe(102003);
    expect(epsgCodeOf(' epsg: 2913 ')).toBe(2913);
    expect(epsgCodeOf('OGC:CRS84')).toBeNull();
  });

  it('loads an Esri code from the registry under its own label', async () => {
    const { loadCrs } = await import('./load-crs');
    const albers = await loadCrs('ESRI:102003');
    expect(albers.label).toBe('ESRI:102003');
    expect(albers.definition).toMatch(/\+proj=aea/);
    expect((await loadCrs('EPSG:102003')).label).toBe('ESRI:102003');
  });
});
