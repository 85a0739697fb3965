import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { emptyDropCounts, type DropReason } from '../lib/io/incidents';
import { emptyLoadError } from './empty-load-error';

const xy: ColumnMapping = { time: { column: 't' }, location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' } };
const latlng: ColumnMapping = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } };

function report(read: number, kept: number, drops: Partial<Record<DropReason, number>>) {
  return { read, kept, dropped: { ...emptyDropCounts(), ...drops } };
}

describe('emptyLoadError', () => {
  it.each([
    [
      report(10, 0, { 'time-unparseable': 10 }),
      xy,
      'time',
      'No rows kept: all 10 rows were dropped because time could not be parsed. Check the time column and its encoding.',
    ],
    [
      report(10, 0, { 'location-out-of-range': 9, 'time-null': 1 }),
      xy,
      'crs',
      'No rows kept: 9 of 10 rows were dropped because location is not a valid latitude/longitude after projection. Check the CRS: the projected coordinates do not land on valid latitudes and longitudes.',
    ],
    [
      report(10, 0, { 'location-out-of-range': 10 }),
      latlng,
      'location',
      'No rows kept: all 10 rows were dropped because location is not a valid latitude/longitude after projection. Check the location columns.',
    ],
    [
      report(4, 0, { 'category-filtered': 4 }),
      latlng,
      'category',
      'No rows kept: all 4 rows were dropped because category excluded by the filter. Check the category filter.',
    ],
  ] as const)('emptyLoadError(%o) points at %s', (input, mapping, field, message) => {
    expect(emptyLoadError(input, mapping)).toEqual({ field, message });
  });

  it('emptyLoadError is null when a row was kept', () => {
    expect(emptyLoadError(report(10, 1, { 'time-unparseable': 9 }), xy)).toBeNull();
  });
});
