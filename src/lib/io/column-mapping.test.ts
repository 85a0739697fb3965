import { describe, expect, it } from 'vitest';
import { parseColumnMapping } from './column-mapping';
import { inputErrorOf } from '../../../test/fixtures/io/arrow-fixtures';

const base = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } };

describe('parseColumnMapping', () => {
  it('parseColumnMapping keeps every field of a full mapping and survives a JSON round trip', () => {
    const full = {
      time: { column: 'ts', encoding: 'epoch', unit: 'ms', timeZone: 'America/Chicago', clock: 'wall' },
      location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' },
      category: 'kind',
      categories: ['BURGLARY'],
      timeRange: [0, 1000],
      keepOutliers: true,
    };
    expect(parseColumnMapping(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('parseColumnMapping accepts a null category (no category column)', () => {
    expect(parseColumnMapping({ ...base, category: null })).toEqual({ ...base, category: null });
  });

  it.each([
    [null, 'mapping is null: expected an object'],
    [{ location: base.location }, 'mapping.time is missing: expected an object'],
    [{ ...base, time: { column: '' } }, "mapping.time.column is '': expected a non-empty string"],
    [{ ...base, time: { column: 't', unit: 'sec' } }, "mapping.time.unit is 'sec': expected one of s, ms, us, ns"],
    [{ ...base, time: { column: 't', encoding: 'excel' } }, "mapping.time.encoding is 'excel': expected one of auto, epoch, iso"],
    [{ ...base, time: { column: 't', clock: 'utc' } }, "mapping.time.clock is 'utc': expected one of instant, wall"],
    [{ ...base, location: { kind: 'wkt' } }, "mapping.location.kind is 'wkt': expected 'latlng' or 'xy'"],
    [{ ...base, location: { kind: 'xy', x: 'x', y: 'y' } }, 'mapping.location.crs is missing: expected a non-empty string'],
    [{ ...base, categories: 'THEFT' }, "mapping.categories is 'THEFT': expected an array of strings"],
    [{ ...base, timeRange: [5, 5] }, 'mapping.timeRange is [5,5]: expected [startMs, endMs] with start < end'],
    [{ ...base, keepOutliers: 'yes' }, "mapping.keepOutliers is 'yes': expected true or false"],
  ])('parseColumnMapping(%j) throws %j', (value, message) => {
    expect(inputErrorOf(() => parseColumnMapping(value))).toBe(message);
  });
});
