import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import { rewindForD3 } from './rewind-for-d3';

// A 0.1° × 0.1° square near Portland, exterior counter-clockwise (RFC 7946) and clockwise.
const ccw = [
  [-122.7, 45.5],
  [-122.6, 45.5],
  [-122.6, 45.6],
  [-122.7, 45.6],
  [-122.7, 45.5],
];
const cw = [...ccw].reverse();
const small = (area: number) => area < 1e-5;

describe('rewindForD3', () => {
  it('reverses a counter-clockwise polygon so d3 reads the small area, and keeps a clockwise one', () => {
    expect(small(geoArea({ type: 'Polygon', coordinates: [ccw] } as never))).toBe(false);
    const fixed = rewindForD3({ type: 'Polygon', coordinates: [ccw] });
    expect(fixed.coordinates[0]).toEqual(cw);
    expect(small(geoArea(fixed as never))).toBe(true);
    expect(rewindForD3({ type: 'Polygon', coordinates: [cw] }).coordinates[0]).toEqual(cw);
  });

  it('walks FeatureCollections and MultiPolygons, and leaves the input untouched', () => {
    const input = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ccw], [cw]] } }],
    };
    const fixed = rewindForD3(input);
    expect(fixed.features[0].geometry.coordinates).toEqual([[cw], [cw]]);
    expect(input.features[0].geometry.coordinates[0][0]).toEqual(ccw);
  });
});
