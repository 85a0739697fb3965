import { Bool, Table, TimestampMillisecond, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { binIncidents } from '../grid/bin-incidents';
import { column, defectTable, dictionary, floats, inputErrorOf, roundTrip, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import type { ColumnMapping } from './column-mapping';
import { DROP_REASONS, type LoadReport } from './incidents';
import { loadIncidents } from './load-incidents';

const JAN = Date.UTC(2018, 0, 1);
const H = 3_600_000;
const base: ColumnMapping = { time: { column: 'when' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'kind' };
const filtered: ColumnMapping = { ...base, categories: ['THEFT', 'BATTERY'], timeRange: [JAN, Date.UTC(2019, 0, 1)] };

/** read === kept + Σ dropped, and the examples respect the per-reason cap. */
function expectAccounting(report: LoadReport): void {
  const dropped = DROP_REASONS.reduce((sum, reason) => sum + report.dropped[reason], 0);
  expect(report.read).toBe(report.kept + dropped);
  for (const reason of DROP_REASONS) {
    const examples = report.examples.filter((e) => e.reason === reason).length;
    expect(examples).toBe(Math.min(5, report.dropped[reason]));
  }
}

describe('loadIncidents', () => {
  it('loadIncidents of the defect fixture drops one row of each defect, for the first reason that applies', () => {
    const incidents = loadIncidents([sourceOf(defectTable(), 'defects.arrow')], filtered);
    const { report } = incidents;
    expect(report.files).toEqual([{ name: 'defects.arrow', rows: 32, bytes: 0 }]);
    expect(report.read).toBe(32);
    expect(report.kept).toBe(20);
    expect(report.dropped).toEqual({
      'record-malformed': 0, // an Arrow file has no text records
      'feature-not-point': 0,
      'time-null': 3, // rows 20 (null), 21 (blank), 23 (null time and null location: counted once)
      'time-unparseable': 1, // row 22, 30 February
      'time-implausible': 0,
      'location-unparseable': 0, // the coordinates are Float64
      'location-null': 2, // rows 24 (null latitude), 25 (NaN longitude)
      'location-zero': 1, // row 26
      'location-out-of-range': 1, // row 27, latitude 91
      'location-outlier': 1, // row 28
      'time-outlier': 0, // row 31 lies 516 days from the median time: within the 730-day floor
      'category-filtered': 2, // rows 29 (NARCOTICS), 30 (null: not in the list)
      'time-filtered': 1, // row 31, 2019
      duplicate: 0,
    });
    expectAccounting(report);
    const outlier = report.examples.find((e) => e.reason === 'location-outlier');
    expect(report.examples.map(({ row, reason }) => [row, reason])).toEqual([
      [20, 'time-null'],
      [21, 'time-null'],
      [23, 'time-null'],
      [22, 'time-unparseable'],
      [24, 'location-null'],
      [25, 'location-null'],
      [26, 'location-zero'],
      [27, 'location-out-of-range'],
      [28, 'location-outlier'],
      [29, 'category-filtered'],
      [30, 'category-filtered'],
      [31, 'time-filtered'],
    ]);
    expect(report.examples.map((e) => e.values)).toEqual([
      { when: 'null' },
      { when: '  ' },
      { when: 'null' },
      { when: '2018-02-30T10:00:00' },
      { lat: 'null', lng: '-87.6' },
      { lat: '41.9', lng: 'NaN' },
      { lat: '0', lng: '0' },
      { lat: '91', lng: '-87.6' },
      { lat: '36.62', lng: '-91.69', distance_km: outlier?.values.distance_km, threshold_km: '50.0' },
      { kind: 'NARCOTICS' },
      { kind: 'null' },
      { when: '2019-06-01T00:00:00', time: '2019-06-01T00:00:00.000' },
    ]);
    // (36.62, −91.69) lies ~5.3° south and ~4.0° west of the centre near (41.9, −87.6): ~670 km.
    expect(Number(outlier?.values.distance_km)).toBeGreaterThan(650);
    expect(Number(outlier?.values.distance_km)).toBeLessThan(690);
    expect(report.warnings).toEqual([]);
  });

  it('loadIncidents of the defect fixture keeps the 20 good rows, decoded, with a sorted dictionary', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], filtered);
    expect(incidents.length).toBe(20);
    expect(incidents.clock).toBe('wall');
    expect(incidents.timeZone).toBeNull();
    expect(incidents.categories).toEqual(['BATTERY', 'THEFT']);
    expect(Array.from(incidents.category)).toEqual([...new Array(10).fill(1), ...new Array(10).fill(0)]);
    expect(Array.from(incidents.time)).toEqual(Array.from({ length: 20 }, (_, i) => JAN + i * H));
    expect(incidents.lat[19]).toBeCloseTo(41.85 + 19 * 0.005, 12);
    expect(incidents.lng[19]).toBeCloseTo(-87.7 + 19 * 0.004, 12);
  });

  it('loadIncidents without filters keeps the null category as −1 and the other rows', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], base);
    expect(incidents.report.kept).toBe(23); // 20 good + NARCOTICS + null category + 2019
    expect(incidents.report.dropped['category-filtered']).toBe(0);
    expect(incidents.categories).toEqual(['BATTERY', 'NARCOTICS', 'THEFT']);
    expect(Array.from(incidents.category.subarray(20))).toEqual([1, -1, 0]);
    expectAccounting(incidents.report);
  });

  it('loadIncidents with keepOutliers counts the outlier as kept and warns', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], { ...base, keepOutliers: true });
    expect(incidents.report.kept).toBe(24);
    expect(incidents.report.dropped['location-outlier']).toBe(0);
    expect(incidents.report.warnings).toHaveLength(1);
    expect(incidents.report.warnings[0]).toMatch(
      /^1 rows lie more than 50\.0 km from the median location \(41\.\d{4}, -87\.\d{4}\): kept because the keep-outliers setting is on$/,
    );
    expectAccounting(incidents.report);
  });

  it('loadIncidents without a category column gives every row code −1 and no dictionary', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], { ...base, category: null });
    expect(incidents.categories).toEqual([]);
    expect(new Set(incidents.category)).toEqual(new Set([-1]));
  });

  it('loadIncidents reads the IPC file and stream formats of the same table into identical incidents', () => {
    const file = loadIncidents([roundTrip(defectTable(), 'defects.arrow', 'file')], filtered);
    const stream = loadIncidents([roundTrip(defectTable(), 'defects.arrow', 'stream')], filtered);
    for (const key of ['time', 'lat', 'lng', 'category'] as const) expect(stream[key]).toEqual(file[key]);
    expect(stream.categories).toEqual(file.categories);
    expect({ ...stream.report, files: [] }).toEqual({ ...file.report, files: [] });
    expect(file.report.kept).toBe(20);
  });

  it('loadIncidents of the defect fixture split into two files counts the same, with rows local to each file', () => {
    const table = defectTable();
    const one = loadIncidents([sourceOf(table)], filtered);
    const two = loadIncidents([sourceOf(table.slice(0, 22), 'a.arrow'), sourceOf(table.slice(22), 'b.arrow')], filtered);
    expect(two.report.dropped).toEqual(one.report.dropped);
    expect(Array.from(two.time)).toEqual(Array.from(one.time));
    expect(two.report.examples.find((e) => e.reason === 'time-unparseable')).toMatchObject({ file: 'b.arrow', row: 0 });
    expect(two.report.examples.find((e) => e.reason === 'time-null' && e.file === 'b.arrow')).toMatchObject({ row: 1 });
    expectAccounting(two.report);
  });

  it('loadIncidents merges categories of files with different dictionaries', () => {
    const file = (kinds: string[], name: string) =>
      sourceOf(
        new Table({
          when: strings(kinds.map(() => '2018-01-01')),
          lat: floats(kinds.map(() => 41.9)),
          lng: floats(kinds.map(() => -87.6)),
          kind: dictionary(kinds),
        }),
        name,
      );
    const incidents = loadIncidents([file(['THEFT', 'ARSON'], 'a.arrow'), file(['BATTERY', 'THEFT'], 'b.arrow')], base);
    expect(incidents.categories).toEqual(['ARSON', 'BATTERY', 'THEFT']);
    expect(Array.from(incidents.category)).toEqual([2, 0, 1, 2]);
  });

  it('loadIncidents warns about a filter value that does not occur', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], { ...base, categories: ['THEFT', 'theft'] });
    expect(incidents.report.warnings).toEqual(["category filter value 'theft' does not occur in column 'kind'"]);
  });

  it('loadIncidents takes the zone from the mapping, and rejects one Intl does not know', () => {
    const zoned = loadIncidents([sourceOf(defectTable())], { ...base, time: { column: 'when', timeZone: 'America/Chicago' } });
    expect(zoned.timeZone).toBe('America/Chicago');
    expect(inputErrorOf(() => loadIncidents([sourceOf(defectTable())], { ...base, time: { column: 'when', timeZone: 'Chicago' } }))).toBe(
      "time zone 'Chicago' is not a known IANA zone (did you mean America/Chicago?): expected a name such as 'America/Chicago' or 'UTC'",
    );
    expect(inputErrorOf(() => loadIncidents([sourceOf(defectTable())], { ...base, time: { column: 'when', timeZone: 'Adelaide' } }))).toBe(
      "time zone 'Adelaide' is not a known IANA zone (did you mean Australia/Adelaide?): expected a name such as 'America/Chicago' or 'UTC'",
    );
    // A region missing from the path (the CLI's --tz and the app's Time zone field both load through here).
    expect(inputErrorOf(() => loadIncidents([sourceOf(defectTable())], { ...base, time: { column: 'when', timeZone: 'Kentucky/Louisville' } }))).toBe(
      "time zone 'Kentucky/Louisville' is not a known IANA zone (did you mean America/Kentucky/Louisville?): expected a name such as 'America/Chicago' or 'UTC'",
    );
  });

  it('loadIncidents names the file and lists its columns when a mapped column is missing', () => {
    expect(inputErrorOf(() => loadIncidents([sourceOf(defectTable(), 'defects.arrow')], { ...base, category: 'primary_type' }))).toBe(
      "file 'defects.arrow' has no column 'primary_type' (mapped as category); available columns: when, lat, lng, kind",
    );
  });

  it('loadIncidents says which type it found when a location column is neither numbers nor text', () => {
    const table = new Table({ when: strings(['2018-01-01T00:00:00']), lat: vectorFromArray([true], new Bool()), lng: floats([-87.6]) });
    expect(inputErrorOf(() => loadIncidents([sourceOf(table, 'flags.arrow')], { ...base, category: null }))).toBe(
      "location column 'lat' in file 'flags.arrow' has type Bool: expected a numeric type (Float64, Float32 or an integer) or text holding numbers",
    );
  });

  it('loadIncidents reads a text location column as numbers; text that is no number drops its row, after a time reason', () => {
    // A column of words mapped as the latitude: every located row is 'location-unparseable', quoting its word.
    const words = loadIncidents([sourceOf(defectTable(), 'defects.arrow')], { ...base, location: { kind: 'latlng', lat: 'kind', lng: 'lng' } }).report;
    expect(words.kept).toBe(0);
    // 32 rows: 4 with a time reason first, 1 with no category (a null: 'location-null'), 27 words.
    expect([words.dropped['time-null'] + words.dropped['time-unparseable'], words.dropped['location-null'], words.dropped['location-unparseable']]).toEqual([
      4, 1, 27,
    ]);
    expect(words.examples.find((e) => e.reason === 'location-unparseable')?.values).toEqual({ kind: 'THEFT', lng: '-87.7' });
    // Numbers in text read in the one format most of them fit (a decimal comma here); a null time outranks the unparseable latitude of its row;
    // '41.91', a number in another format, is unparseable too.
    const table = new Table({
      when: strings([null, '2018-01-01T00:00:00', '2018-01-01T01:00:00', '2018-01-01T02:00:00', '2018-01-01T03:00:00']),
      lat: strings(['N/A', '41,9', 'unknown', '41,92', '41.91']),
      lng: floats([-87.6, -87.6, -87.6, -87.61, -87.6]),
    });
    const { report, lat } = loadIncidents([sourceOf(table)], { ...base, category: null });
    expect([report.kept, report.dropped['time-null'], report.dropped['location-unparseable']]).toEqual([2, 1, 2]);
    expect(Array.from(lat)).toEqual([41.9, 41.92]);
  });

  it('loadIncidents rejects a category filter without a category column', () => {
    expect(inputErrorOf(() => loadIncidents([sourceOf(defectTable())], { ...filtered, category: null }))).toBe(
      'a category filter (mapping.categories) needs a category column (mapping.category)',
    );
  });

  it('loadIncidents of no files says at least one is expected', () => {
    expect(inputErrorOf(() => loadIncidents([], base))).toBe('no incident files given: expected at least one Arrow file');
  });

  it('loadIncidents warns when no row is kept', () => {
    const incidents = loadIncidents([sourceOf(defectTable())], { ...base, timeRange: [0, 1] });
    expect(incidents.length).toBe(0);
    expect(incidents.report.warnings).toEqual([
      'no rows kept: all 32 rows were dropped: 23 time-filtered (time outside the chosen range), 3 time-null (time is missing (null)), ' +
        '2 location-null (location is missing (null or NaN)), 1 time-unparseable (time could not be parsed), ' +
        '1 location-zero (both coordinates are 0 (an "unknown location" sentinel), before or after projection), ' +
        '1 location-out-of-range (location is not a valid latitude/longitude after projection), ' +
        '1 location-outlier (location lies far outside the bulk of the data)',
    ]);
    expectAccounting(incidents.report);
  });

  it('loadIncidents reads zone-less timestamps declared as UTC instants, so they bucket on the zone given', () => {
    // 2018-01-02 03:00 without a zone: as a wall-clock reading it is on Jan 2; as a UTC instant it
    // is 2018-01-01 21:00 in Chicago (UTC−6), on Jan 1. The stored number is the same.
    const table = new Table({
      when: column(new TimestampMillisecond(), [Date.UTC(2018, 0, 2, 3), Date.UTC(2018, 0, 2, 9)].map(BigInt)),
      lat: floats([41.8781, 41.8781]),
      lng: floats([-87.6298, -87.6298]),
    });
    const mapping: ColumnMapping = { time: { column: 'when', timeZone: 'America/Chicago' }, location: base.location };
    const days = (m: ColumnMapping): number[] => [...binIncidents(loadIncidents([sourceOf(table)], m), { res: 8, unit: 'day' }).panel.periods];
    const wall = loadIncidents([sourceOf(table)], mapping);
    const utc = loadIncidents([sourceOf(table)], { ...mapping, time: { ...mapping.time, clock: 'instant' } });
    expect([wall.clock, utc.clock]).toEqual(['wall', 'instant']);
    expect(Array.from(utc.time)).toEqual(Array.from(wall.time));
    expect(days(mapping)).toEqual([Date.UTC(2018, 0, 2)]);
    // Instant periods are the instants the Chicago days start: midnight CST = 06:00 UTC.
    expect(days({ ...mapping, time: { ...mapping.time, clock: 'instant' } })).toEqual([Date.UTC(2018, 0, 1, 6), Date.UTC(2018, 0, 2, 6)]);
  });
});
