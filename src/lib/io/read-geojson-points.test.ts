import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from './input-error';
import { readGeoJsonPoints } from './read-geojson-points';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readGeoJsonPoints', () => {
  it('readGeoJsonPoints makes properties columns and coordinates longitude/latitude, and counts features without a Point', () => {
    const source = readGeoJsonPoints(
      json({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: point(-87.6, 41.9), properties: { when: '2018-01-31T23:59:00', kind: 'THEFT', n: 2 } },
          { type: 'Feature', geometry: null, properties: { when: '2018-02-01T00:00:00', kind: 'THEFT', n: 1 } },
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
            properties: {},
          },
          { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[-87.7, 41.8]] }, properties: { when: '2018-02-02', extra: true } },
          { type: 'Feature', geometry: point(Number.NaN, 41.7), properties: { when: '2018-02-03', n: 1.5 } },
        ],
      }),
      'points.geojson',
    );
    expect(source.format).toBe('geojson');
    expect(source.table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      'when: Utf8',
      'kind: Utf8',
      'n: Float64',
      'extra: Utf8',
      'longitude: Float64',
      'latitude: Float64',
    ]);
    expect(source.table.toArray().map((row) => row.toJSON())).toEqual([
      { when: '2018-01-31T23:59:00', kind: 'THEFT', n: 2, extra: null, longitude: -87.6, latitude: 41.9 },
      { when: '2018-02-02', kind: null, n: null, extra: 'true', longitude: -87.7, latitude: 41.8 },
      { when: '2018-02-03', kind: null, n: 1.5, extra: null, longitude: null, latitude: 41.7 }, // NaN is not JSON: written as null, kept for 'location-null'
    ]);
    expect(source.dropped).toEqual({
      counts: { 'feature-not-point': 2 },
      examples: [
        { file: 'points.geojson', row: 1, reason: 'feature-not-point', values: { feature: '1', geometry: 'null geometry' } },
        { file: 'points.geojson', row: 2, reason: 'feature-not-point', values: { feature: '2', geometry: 'LineString' } },
      ],
    });
  });

  it('readGeoJsonPoints of the Plainfield block groups (35 polygons) points to the Areas and Boundary inputs', () => {
    const bytes = readFileSync(new URL('../../../../shared/data/plainfield-nj-block-groups.geojson', import.meta.url));
    const error = inputError(() => readGeoJsonPoints(bytes, 'plainfield-nj-block-groups.geojson'));
    expect([error.code, error.file]).toEqual(['geojson-not-points', 'plainfield-nj-block-groups.geojson']);
    expect(error.message).toMatch(
      /^file 'plainfield-nj-block-groups\.geojson' holds no Point features \(35 (Multi)?Polygon\): expected a GeoJSON FeatureCollection of incident points; polygons are area attributes \(load them as Areas\) or a study region \(load it as the Boundary\), not incidents$/,
    );
  });

  it.each([
    ['text that is not JSON', '{"type": "FeatureCollection", "features": [', /is not valid JSON/],
    ['a bare geometry', JSON.stringify(point(1, 2)), /is JSON but an object of type 'Point', not GeoJSON/],
    ['an array', '[1, 2]', /is JSON but an array, not GeoJSON/],
  ])('readGeoJsonPoints of %s is geojson-invalid', (_, text, message) => {
    const error = inputError(() => readGeoJsonPoints(new TextEncoder().encode(text), 'x.json'));
    expect(error.code).toBe('geojson-invalid');
    expect(error.message).toMatch(message);
  });

  it('readGeoJsonPoints with a legacy crs member naming a projected CRS names the columns x and y', () => {
    const source = readGeoJsonPoints(
      json({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2913' } },
        features: [{ type: 'Feature', geometry: point(7_650_000, 680_000), properties: { occ_date: '2017-03-01' } }],
      }),
      'portland.geojson',
    );
    expect(source.table.schema.fields.map((f) => f.name)).toEqual(['occ_date', 'x', 'y']);
    expect(source.notes?.[0]).toBe("coordinates read into 'x' and 'y': the file's legacy crs member names urn:ogc:def:crs:EPSG::2913, not WGS84");
  });
});
