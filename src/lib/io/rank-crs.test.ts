import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import reference from '../../../test/fixtures/crs/vancouver-utm10n.json';
import { assessPlacement, insideArea } from './assess-placement';
import { cityPrior, loadCityPrior, type PeopleNear } from './city-prior';
import { crsPlacementWarning } from './crs-placement-warning';
import { loadEpsgRegistry, type EpsgRegistry } from './epsg-registry';
import { landMask, loadLandMask, type LandMask } from './land-mask';
import { rankCrs } from './rank-crs';

// The Vancouver cloud: 120 places projected to UTM zone 10N by PROJ's cs2cs (scripts/make-vancouver-fixture.ts).
const xs = reference.points.map((p) => p.x);
const ys = reference.points.map((p) => p.y);

let land: LandMask;
let people: PeopleNear;
let registry: EpsgRegistry;
beforeAll(async () => {
  [land, people, registry] = await Promise.all([loadLandMask(), loadCityPrior(), loadEpsgRegistry()]);
}, 60_000);

describe('landMask (Natural Earth 1:50m land)', () => {
  it.each([
    ['Vancouver', -123.1, 49.28, true, true],
    ['Portland', -122.68, 45.52, true, true],
    ['Chicago', -87.63, 41.88, true, true],
    ['where EPSG:2913 puts Vancouver', -156.92, 53.74, false, false],
    ['Null Island', 0, 0, false, false],
    ['the Caspian Sea (a hole in Eurasia)', 50.5, 42, false, false],
    ['English Bay, 2 km off Vancouver', -123.25, 49.3, false, true],
    // Where ESRI:102016 puts Portland's x/y (a user walk read 95.15° E as W): land; the mirror point is the Gulf of Mexico.
    ["central Myanmar (ESRI:102016's place for Portland's x/y)", 95.15, 20.98, true, true],
    ["the Bay of Campeche, Gulf of Mexico (that point's mirror at 95.15° W)", -95.15, 20.98, false, false],
    ['the North Sea, between England and Denmark', 3, 55, false, false],
    ["Chicago's shore (Natural Earth land has no lakes, so Lake Michigan itself counts as land too)", -87.62, 41.89, true, true],
    ['Bermuda (a small island)', -64.75, 32.3, true, true],
    // Eurasia's ring crosses the antimeridian in Chukotka; an eastward ray got both sides wrong, and every parallel that crossing edge spans.
    ['Chukotka west of 180°', -175, 67, true, true],
    ['Chukotka east of 180°', 178, 67, true, true],
    ['Wrangel Island (straddles 180°)', -179.5, 71.2, true, true],
    ['Swedish Lapland on 65.05° N (a parallel the Chukotka edge spans)', 18, 65.05, true, true],
    ['the Bothnian Bay on 65.05° N', 23, 65.05, false, false],
    ['Antarctica on the antimeridian', 180, -85, true, true],
    ['the South Pole (below the bottom edge of Antarctica at −89.999°)', 0, -90, true, true],
    // Other bands the band lookup once swapped, and longitudes given past ±180.
    ['Zambia on 16.52° S', 25, -16.52, true, true],
    ['the South Atlantic on 16.52° S', 0, -16.52, false, false],
    ['East Antarctica on 84.3° S', 50, -84.3, true, true],
    ['Antarctica at longitude 540 (180°)', 540, -85, true, true],
    ['Paris at longitude −357.65 (2.35° E)', -357.65, 48.86, true, true],
  ])('%s (%f, %f): land %s, land or coast %s', (_, lng, lat, isLand, coastal) => {
    expect(land.isLand(lng, lat)).toBe(isLand);
    expect(land.isLandOrCoast(lng, lat)).toBe(coastal);
  });

  it('reads a hand-made topology: a unit square of land with a delta-encoded arc, and a hole', () => {
    // Square (0,0)-(10,10) and hole (4,4)-(6,6), quantized with scale 1: arcs as deltas.
    const mask = landMask({
      transform: { scale: [1, 1], translate: [0, 0] },
      arcs: [
        [
          [0, 0],
          [10, 0],
          [0, 10],
          [-10, 0],
          [0, -10],
        ],
        [
          [4, 4],
          [0, 2],
          [2, 0],
          [0, -2],
          [-2, 0],
        ],
      ],
      objects: { land: { geometries: [{ type: 'Polygon', arcs: [[0], [~1]] }] } },
    });
    expect([mask.isLand(1, 1), mask.isLand(5, 5), mask.isLand(11, 5), mask.isLand(9.99, 9.99)]).toEqual([true, false, false, true]);
  });
});

describe('insideArea and assessPlacement', () => {
  it('tests [north, west, south, east] boxes, also across ±180°', () => {
    expect(insideArea([46.3, -124.2, 43.9, -116.5], -122.68, 45.52)).toBe(true);
    expect(insideArea([46.3, -124.2, 43.9, -116.5], -156.9, 53.7)).toBe(false);
    // Fiji's box crosses the antimeridian: west 176.8, east -178.2.
    expect([insideArea([-12.4, 176.8, -20.7, -178.2], 179, -17), insideArea([-12.4, 176.8, -20.7, -178.2], -179, -17)]).toEqual([true, true]);
    expect(insideArea([-12.4, 176.8, -20.7, -178.2], 0, -17)).toBe(false);
    expect(insideArea([46.3, -124.2, 43.9, -116.5], -124.5, 45, 0.5)).toBe(true);
  });

  it('leaves out 0/0 and NaN, and measures the middle 90 % extent', () => {
    // Two points 0.1° of latitude apart on one meridian: 11.132 km; the 0/0 and NaN pairs are not counted.
    const p = assessPlacement([-123.1, 49.2, -123.1, 49.3, 0, 0, NaN, 1], [50, -126, 48, -120], land);
    expect(p.points).toBe(2);
    expect(p.inside).toBe(1);
    expect(p.onLand).toBe(1);
    expect(p.extentKm).toBeCloseTo(11.132, 3);
    expect(p.plausible).toBe(true);
    expect(assessPlacement([-156.92, 53.74], [46.3, -124.2, 43.9, -116.5], land)).toMatchObject({ inside: 0, onLand: 0, plausible: false });
  });
});

describe('cityPrior', () => {
  it('sums the people of towns of 50,000 or more within a radius', () => {
    // Three made-up towns: 100k at the point, 50k 5.566 km north (0.05°), 70k 20 km away.
    const near = cityPrior({ places: [1000, 5000, 100, 1000, 5005, 50, 1000, 5018, 70] });
    expect(near(10, 50, 1)).toBe(100_000);
    expect(near(10, 50, 6)).toBe(150_000);
    expect(near(10, 50, 30)).toBe(220_000);
    expect(people(-156.92, 53.74, 20)).toBe(0);
    expect(people(-123.11, 49.25, 10)).toBeGreaterThanOrEqual(600_000);
  });
});

describe('rankCrs on a Vancouver file in UTM zone 10N metres', () => {
  it('ranks a UTM zone 10N CRS first, with the other datums of zone 10N as the same place, and not EPSG:2913', () => {
    const ranked = rankCrs(xs, ys, registry.entries, { land, people }, 5);
    const top = ranked[0];
    expect(top.name).toMatch(/UTM zone 10N/);
    expect([top.code, ...top.sameAs]).toEqual(expect.arrayContaining([32610, 26910]));
    expect(top.score).toBe(1);
    expect(top.placement.centre.lat).toBeCloseTo(49.25, 1);
    expect(top.placement.centre.lng).toBeCloseTo(-123.11, 1);
    expect(ranked.flatMap((c) => [c.code, ...c.sameAs])).not.toContain(2913);
  });

  it('puts the points where cs2cs does for EPSG:2913: the North Pacific off Alaska, outside Oregon and at sea', () => {
    const entry = registry.byCode.get(2913)!;
    const inverse = proj4(entry.proj4);
    for (const p of reference.points.slice(0, 5)) {
      const [lng, lat] = inverse.inverse([p.x, p.y]);
      expect(lat).toBeCloseTo(p.as2913.lat, 4);
      expect(lng).toBeCloseTo(p.as2913.lng, 4);
    }
    const p = assessPlacement(
      reference.points.flatMap((q) => [q.as2913.lng, q.as2913.lat]),
      entry.bbox,
      land,
    );
    expect(p).toMatchObject({ points: 120, inside: 0, onLand: 0, plausible: false });
  });
});

describe('crsPlacementWarning', () => {
  const n = reference.points.length;
  const reasons = new Uint8Array(n);

  it('warns that EPSG:2913 puts a Vancouver file in open sea outside Oregon, naming where', () => {
    const entry = registry.byCode.get(2913)!;
    const lat = Float64Array.from(reference.points, (p) => p.as2913.lat);
    const lng = Float64Array.from(reference.points, (p) => p.as2913.lng);
    const warning = crsPlacementWarning('EPSG:2913', entry, lat, lng, reasons, land);
    expect(warning).toMatch(
      /^EPSG:2913 \(NAD83\(HARN\) \/ Oregon North \(ft\)\) puts the points around 53\.7\d° N, 156\.9\d° W: 100 % outside its area of use \(United States \(USA\) - Oregon/,
    );
    expect(warning).toContain('100 % in open sea');
  });

  it('says nothing for UTM zone 10N, where the points are the city', () => {
    const entry = registry.byCode.get(32610)!;
    const lat = Float64Array.from(reference.points, (p) => p.lat);
    const lng = Float64Array.from(reference.points, (p) => p.lng);
    expect(crsPlacementWarning('EPSG:32610', entry, lat, lng, reasons, land)).toBeNull();
  });

  it('judges only located rows, and nothing without an area or a land mask', () => {
    const lat = Float64Array.of(53.74, 49.25);
    const lng = Float64Array.of(-156.92, -123.1);
    expect(crsPlacementWarning('X', { name: null, area: null, bbox: null }, lat, lng, Uint8Array.of(1, 0), land)).toBeNull();
    expect(crsPlacementWarning('X', { name: null, area: null, bbox: null }, lat, lng, Uint8Array.of(0, 0), null)).toBeNull();
    expect(crsPlacementWarning('+proj=x', { name: null, area: null, bbox: null }, lat, lng, Uint8Array.of(0, 1), land)).toMatch(
      /^\+proj=x puts the points around 53\.74° N, 156\.92° W: 100 % in open sea;/,
    );
  });
});
