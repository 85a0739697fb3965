import { Float64, Int32, Int64, Table, TimestampMillisecond, TimestampSecond, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { column, dictionary, floats, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import { columnTokens, scoreName } from './column-tokens';
import { detectMapping } from './detect-mapping';

const source = (columns: Record<string, Vector>, metadata: Record<string, string> = {}) => {
  const table = new Table(columns);
  for (const [key, value] of Object.entries(metadata)) table.schema.metadata.set(key, value);
  return sourceOf(table, 'upload.arrow');
};

describe('detectMapping', () => {
  it('detectMapping takes a text lat/lng pair whose values are nearly all numbers (9 in 10 or more), not one of words', () => {
    const times = strings(new Array(10).fill('2018-01-01T00:00:00'));
    const numbers = (first: string) => strings([first, ...Array.from({ length: 9 }, (_, i) => `41.${i + 1}`)]);
    const lngs = strings(new Array(10).fill('-87.6'));
    expect(detectMapping(source({ t: times, lat: numbers('N/A'), lng: lngs })).mapping?.location).toEqual({ kind: 'latlng', lat: 'lat', lng: 'lng' });
    const words = strings(['N/A', 'NULL', ...Array.from({ length: 8 }, (_, i) => `41.${i + 1}`)]);
    expect(detectMapping(source({ t: times, lat: words, lng: lngs })).mapping).toBeNull();
  });

  it('detectMapping picks a Chicago-like file: occurred_at with its metadata zone, latitude/longitude, primary_type', () => {
    const upload = source(
      {
        id: column(new Int32(), [1, 2]),
        occurred_at: column(new TimestampMillisecond(), [1514764800000n, 1514768400000n]),
        updated_on: column(new TimestampMillisecond(), [1514764800000n, 1514768400000n]),
        primary_type: dictionary(['THEFT', 'BATTERY']),
        location_description: dictionary(['STREET', 'RESIDENCE']),
        latitude: floats([41.88, 41.9]),
        longitude: floats([-87.63, -87.7]),
      },
      { occurred_at: 'local wall-clock time, America/Chicago' },
    );
    const suggestion = detectMapping(upload);
    expect(suggestion.mapping).toEqual({
      time: { column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'primary_type',
    });
    expect(suggestion.missing).toEqual([]);
    expect(suggestion.time.map((c) => c.mapping.column)).toEqual(['occurred_at', 'updated_on']);
    expect(suggestion.time[0].reason).toBe(
      "Timestamp<MILLISECOND> column, named 'occurred_at' (occurred): wall-clock readings; zone America/Chicago from schema metadata 'occurred_at'",
    );
    expect(suggestion.location[0].reason).toBe("'latitude'/'longitude' named like latitude/longitude; values are degrees (lat 41.88–41.9, lng -87.7–-87.63)");
    expect(suggestion.category.map((c) => c.column).slice(0, 2)).toEqual(['primary_type', 'location_description']);
  });

  it('detectMapping does not read projected x/y as degrees: it asks for a CRS and shows the value ranges', () => {
    const upload = source({
      occ_date: strings(['2012-03-01', '2012-03-02']),
      category: dictionary(['BURGLARY', 'MOTOR VEHICLE THEFT']),
      x_coordinate: floats([7661410, 7644390]),
      y_coordinate: floats([682295, 704069]),
    });
    const suggestion = detectMapping(upload);
    expect(suggestion.mapping).toBeNull();
    expect(suggestion.location[0]).toMatchObject({ kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: null });
    expect(suggestion.missing).toEqual([
      "a CRS for 'x_coordinate'/'y_coordinate': values look projected (x 7.6e6–7.7e6, y 6.8e5–7.0e5): declare their CRS " +
        '(an EPSG code, a proj4 string or WKT; the CRSs that put these points on land inside their area of use are ranked for you)',
    ]);
    expect(suggestion.time[0]).toMatchObject({ mapping: { column: 'occ_date', encoding: 'iso' }, clock: 'wall' });
  });

  it('detectMapping takes a CRS declared in the metadata and completes the mapping', () => {
    const upload = source(
      { occ_date: strings(['2012-03-01']), X: floats([7661410]), Y: floats([682295]) },
      { crs: 'NAD83(HARN) / Oregon North (ft), EPSG:2913' },
    );
    expect(detectMapping(upload).mapping?.location).toEqual({ kind: 'xy', x: 'X', y: 'Y', crs: 'EPSG:2913' });
  });

  it('detectMapping reads x/y columns holding degrees as longitude/latitude', () => {
    const upload = source({ t: column(new TimestampSecond('UTC'), [1n]), x: floats([-87.6]), y: floats([41.9]) });
    const suggestion = detectMapping(upload);
    expect(suggestion.mapping?.location).toEqual({ kind: 'latlng', lat: 'y', lng: 'x' });
    expect(suggestion.mapping?.time).toEqual({ column: 't', encoding: 'auto', timeZone: 'UTC' });
    expect(suggestion.mapping?.category).toBeNull();
  });

  it('detectMapping of a bare schema offers x/y-named columns as projected first and as degrees second', () => {
    const upload = source({ when: strings(['2018-01-01']), x: floats([1]), y: floats([2]) });
    const suggestion = detectMapping(upload.table.schema);
    expect(suggestion.location.map((c) => c.kind)).toEqual(['xy', 'latlng']);
    expect(suggestion.mapping).toBeNull();
  });

  it('detectMapping finds an epoch column by name and infers its unit, but ignores integer ids', () => {
    const upload = source({ id: column(new Int64(), [1514764800n]), event_ts: column(new Int64(), [1514764800000n]), lat: floats([1]), lon: floats([2]) });
    const suggestion = detectMapping(upload);
    expect(suggestion.time.map((c) => c.mapping)).toEqual([{ column: 'event_ts', encoding: 'epoch', unit: 'ms' }]);
  });

  it('detectMapping says what is missing when there is no time or location', () => {
    const suggestion = detectMapping(source({ name: strings(['a']), value: column(new Float64(), [1]) }));
    expect(suggestion.missing).toEqual([
      'a time column: no Timestamp, Date, epoch or ISO-8601 string column was found',
      'location columns: no numeric latitude/longitude or x/y pair was found by name',
    ]);
  });
});

describe('columnTokens and scoreName', () => {
  it.each([
    ['X Coordinate', ['x', 'coordinate']],
    ['occurredAt', ['occurred', 'at']],
    ['pickup_latitude', ['pickup', 'latitude']],
    ['XCOORD', ['xcoord']],
  ])('columnTokens(%j) → %j', (name, tokens) => {
    expect(columnTokens(name)).toEqual(tokens);
  });

  it('scoreName adds each distinct known word once', () => {
    expect(scoreName('occ_date_date', { date: 2, occ: 1 })).toEqual({ score: 3, words: ['occ', 'date'] });
  });
});
