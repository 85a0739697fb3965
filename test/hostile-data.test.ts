/**
 * The table of hostile data (docs/robustness.md, "Hostile data"): one test per row, each on a real
 * slice of the Plainfield reports with one defect planted (test/fixtures/hostile-tables.ts), or a
 * small synthetic table where the defect needs other places. Each asserts the exact message or
 * drop reason and the row accounting read = kept + Σ dropped.
 */
import { InputError } from '../src/lib/io/input-error';
import { Float64, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { HexcastError } from '../src/lib/base/hexcast-error';
import { binIncidents } from '../src/lib/grid/bin-incidents';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { DROP_REASONS, type LoadReport } from '../src/lib/io/incidents';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { readArrow } from '../src/lib/io/read-arrow';
import { summariseIncidents } from '../src/lib/io/summarise-incidents';
import { tableToIPC } from 'apache-arrow';
import { column, floats, inputErrorOf, strings } from './fixtures/io/arrow-fixtures';
import { manyCategories, plainfield, PLAINFIELD_MAPPING, plainfieldTimes, source, timestamps, withColumns } from './fixtures/hostile-tables';

const M = PLAINFIELD_MAPPING;
/** Plainfield as published: 3,225 read = 3,155 kept + 69 location-null + 1 location-outlier. */
const KEPT = 3_155;

function dropsOf(report: LoadReport): Record<string, number> {
  expect(report.read).toBe(report.kept + DROP_REASONS.reduce((sum, reason) => sum + report.dropped[reason], 0));
  return Object.fromEntries(Object.entries(report.dropped).filter(([, n]) => n > 0));
}

function withTime(row: number, ms: bigint, unit: 's' | 'ms' | 'ns' = 'ms'): Table {
  const times = plainfieldTimes();
  times[row] = ms;
  return withColumns({ occurred_at: timestamps(times, unit) });
}

function errorOf(run: () => unknown): HexcastError {
  try {
    run();
  } catch (error) {
    if (error instanceof HexcastError) return error;
    throw error;
  }
  throw new Error('expected a HexcastError');
}

describe('hostile data: time', () => {
  it.each([
    ['9999-06-01', BigInt(Date.UTC(9999, 5, 1)), '9999-06-01T00:00:00.000'],
    ['100000-06-01 (killed Node when binned by hour)', BigInt(Date.UTC(100000, 5, 1)), '+100000-06-01T00:00:00.000'],
    ['1018-06-01 (a typed 2018)', BigInt(Date.UTC(1018, 5, 1)), '1018-06-01T00:00:00.000'],
    ['2^62 ms', 2n ** 62n, '4611686018427387904 (beyond the Date range)'],
  ])('one row dated %s is dropped as time-implausible, and the rest bins by hour', (_, ms, shown) => {
    const incidents = loadIncidents([source(withTime(100, ms))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'time-implausible': 1, 'location-null': 69, 'location-outlier': 1 });
    expect(incidents.report.examples.find((e) => e.reason === 'time-implausible')).toEqual({
      file: 'plainfield.arrow',
      row: 100,
      reason: 'time-implausible',
      values: { occurred_at: shown },
    });
    // 2018-02-24T08:00 … 2019-01-01T23:00: 7,480 hours, known before any period array exists.
    expect(binIncidents(incidents, { res: 8, unit: 'hour' }).panel.periods.length).toBe(7_480);
  });

  it('INT64_MIN (NumPy NaT stored without a null bit) is a null time', () => {
    const incidents = loadIncidents([source(withTime(100, -(2n ** 63n)))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'time-null': 1, 'location-null': 69, 'location-outlier': 1 });
    expect(incidents.report.examples[0].values).toEqual({ occurred_at: "-9223372036854775808 (INT64_MIN, NumPy's NaT)" });
  });

  it('epoch seconds in a Timestamp[ms] are refused with both readings and the unit that fits; --time-unit s loads them', () => {
    const seconds = plainfieldTimes().map((ms) => ms / 1000n);
    const table = withColumns({ occurred_at: timestamps(seconds, 'ms') });
    expect(inputErrorOf(() => loadIncidents([source(table)], M))).toBe(
      "time column 'occurred_at' in file 'plainfield.arrow' holds values 1519461540 … 1546385220 (median 1.53e+9): " +
        'read as ms they fall on 1970-01-18T14:04:21.540 … 1970-01-18T21:33:05.220, as epoch s on 2018-02-24T08:39:00.000 … 2019-01-01T23:27:00.000: ' +
        'declare the unit s with the time unit setting (mapping.time.unit)',
    );
    const fixed = loadIncidents([source(table)], { ...M, time: { column: 'occurred_at', unit: 's' } });
    expect(fixed.report.kept).toBe(KEPT);
  });

  it('epoch nanoseconds in a Timestamp[ms] are refused naming ns', () => {
    const nanos = plainfieldTimes().map((ms) => ms * 1_000_000n);
    const table = withColumns({ occurred_at: timestamps(nanos, 'ms') });
    expect(inputErrorOf(() => loadIncidents([source(table)], M))).toMatch(
      /^time column 'occurred_at' in file 'plainfield.arrow' holds values 1519461540000000000 … 1546385220000000000 \(median 1\.53e\+18\): read as ms they fall on beyond the year 275,760 \(1\.52e\+18 ms\) … beyond the year 275,760 \(1\.55e\+18 ms\), as epoch ns on 2018-02-24T08:39:00\.000 … 2019-01-01T23:27:00\.000: declare the unit ns with the time unit setting \(mapping\.time\.unit\)$/,
    );
  });

  it('one row in 2099 is dropped as time-outlier (plausible, far outside the bulk), with its distance from the median time', () => {
    const incidents = loadIncidents([source(withTime(100, BigInt(Date.UTC(2099, 5, 1))))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'location-null': 69, 'location-outlier': 1, 'time-outlier': 1 });
    const example = incidents.report.examples.find((e) => e.reason === 'time-outlier');
    expect(example?.row).toBe(100);
    expect(example?.values).toMatchObject({ occurred_at: '2099-06-01T00:00:00.000', threshold_days: '730' });
  });

  it('one row far before the bulk (2014) is kept with a warning, not dropped: the time rule drops only rows later than all it keeps', () => {
    const incidents = loadIncidents([source(withTime(100, BigInt(Date.UTC(2014, 5, 1))))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'location-null': 69, 'location-outlier': 1 });
    expect(incidents.report.warnings).toContain(
      '1 rows lie more than 730 days before the median time 2018-07-24 (the earliest on 2014-06-01): kept, as a rule fitted on every row may drop only rows ' +
        'later than all it keeps (else later incidents would decide which earlier ones count); they stretch the time range: if they are errors, ' +
        "leave them out with the mapping's time range",
    );
  });

  it('moving every incident after a cutoff three years later leaves the rows kept before that cutoff unchanged, an early stray row included', () => {
    const cutoff = BigInt(Date.UTC(2018, 9, 1));
    const later = 3n * 365n * 86_400_000n;
    const times = plainfieldTimes();
    times[100] = BigInt(Date.UTC(2014, 5, 1));
    const moved = times.map((t) => (t >= cutoff ? t + later : t));
    const keptBefore = (ts: BigInt64Array): number[] => {
      const incidents = loadIncidents([source(withColumns({ occurred_at: timestamps(ts, 'ms') }))], M);
      return Array.from(incidents.time)
        .filter((t) => t < Number(cutoff))
        .sort((a, b) => a - b);
    };
    const before = keptBefore(times);
    // A two-sided rule dropped the 2014 row here (4.1 years before the median, threshold 730 days)
    // and kept it once the later rows moved (their spread raised the threshold to ~13 years).
    expect(before[0]).toBe(Date.UTC(2014, 5, 1));
    expect(keptBefore(moved)).toEqual(before);
  });

  it('kept with keepOutliers, that row stretches an hourly panel past the limit: refused as time-range-implausible naming it, before allocating', () => {
    const incidents = loadIncidents([source(withTime(100, BigInt(Date.UTC(2099, 5, 1))))], { ...M, keepOutliers: true });
    expect(incidents.report.warnings).toEqual([
      '1 rows lie more than 50.0 km from the median location (40.6161, -74.4206): kept because the keep-outliers setting is on',
      '1 rows lie more than 730 days after the median time 2018-07-25: kept because the keep-outliers setting is on, they stretch the time range',
    ]);
    const error = errorOf(() => binIncidents(incidents, { res: 8, unit: 'hour', maxValues: 1_000_000 }));
    expect(error.code).toBe('time-range-implausible');
    expect(error.message).toBe(
      'the time range 2018-02-24T08:39:00.000 … 2099-06-01T00:00:00.000 is stretched by 1 incident far outside the bulk of the data ' +
        '(2018-02-24T08:39:00.000 … 2019-01-01T23:27:00.000), at 2099-06-01T00:00:00.000: with it the panel would be ' +
        '712,361 hour periods × 37 cells = 26,357,357 values (110 MB) and the limit is 1,000,000 values (4 MB); ' +
        'correct or drop that row (the loader drops them as time-outlier unless the keep-outliers setting is on)',
    );
  });

  it('a plausible range whose panel would not fit is refused with its estimate and a coarser grid that fits', () => {
    const incidents = loadIncidents([source(plainfield)], M);
    const error = errorOf(() => binIncidents(incidents, { res: 12, unit: 'hour', maxValues: 1_000_000 }));
    expect(error.code).toBe('panel-too-large');
    expect(error.message).toBe(
      'a panel of 7,480 hour periods × 1,545 cells = 11,556,600 values (46 MB) is too large: the limit is 1,000,000 values (4 MB), ' +
        'and binning also holds 8 bytes per incident, 25 kB for these 3,155; ' +
        'coarser that fits: the time bucket setting at day (312 day periods × 1,545 cells = 482,040 values (1.9 MB)) or the resolution setting at 8 (≈ 7,480 hour periods × 40 cells = 299,200 values (1.3 MB)); ' +
        'or keep fewer incidents (a category filter, a shorter date range), or raise the limit with the panel size limit setting where the memory is there',
    );
    expect(error).toBeInstanceOf(InputError);
  });

  it('an all-null time column: every row time-null, one warning saying so; binning says why there is nothing', () => {
    const incidents = loadIncidents([source(withColumns({ occurred_at: timestamps(plainfieldTimes(), 'ms', true) }))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'time-null': 3_225 });
    expect(incidents.report.warnings).toEqual(['no rows kept: all 3,225 rows were dropped: 3,225 time-null (time is missing (null))']);
    expect(errorOf(() => binIncidents(incidents, { res: 8, unit: 'week' })).message).toBe(
      'No incidents to bin: all 3,225 rows were dropped: 3,225 time-null (time is missing (null)) (see the load report)',
    );
  });
});

describe('hostile data: rows', () => {
  it('a single row loads and bins into 1 week × 1 cell', () => {
    const incidents = loadIncidents([source(plainfield.slice(0, 1))], M);
    expect(incidents.report).toMatchObject({ read: 1, kept: 1 });
    const { panel, report } = binIncidents(incidents, { res: 8, unit: 'week' });
    expect([panel.periods.length, panel.cells.length, panel.counts[0]]).toEqual([1, 1, 1]);
    expect(report.notes).toEqual([
      'the first week (starting 2018-02-19) is only partly covered by the data: dropped',
      'the last week (starting 2018-02-19) is only partly covered by the data: dropped',
      'kept the last week: trimming it would leave no periods',
      'kept the only week: trimming it would leave no periods',
    ]);
  });

  it('zero rows: the file is refused as no-rows', () => {
    const bytes = tableToIPC(plainfield.slice(0, 0), 'file');
    expect(inputErrorOf(() => readArrow(bytes, 'empty.arrow'))).toBe(
      "file 'empty.arrow' has 10 columns (occurred_at, description, address, latitude, longitude, geocoded_by, can_be_predicted, predicted_type, had_prediction, predictions) " +
        'but zero rows: expected at least one incident',
    );
  });

  it('every row dropped (a category filter matching nothing): a warning per cause, and binning names the reason', () => {
    const incidents = loadIncidents([source(plainfield)], { ...M, categories: ['PIRACY'] });
    expect(dropsOf(incidents.report)).toEqual({ 'location-null': 69, 'location-outlier': 1, 'category-filtered': 3_155 });
    expect(incidents.report.warnings).toEqual([
      "category filter value 'PIRACY' does not occur in column 'description'",
      'no rows kept: all 3,225 rows were dropped: 3,155 category-filtered (category excluded by the filter), 69 location-null (location is missing (null or NaN)), 1 location-outlier (location lies far outside the bulk of the data)',
    ]);
    expect(errorOf(() => binIncidents(incidents, { res: 8, unit: 'week' })).code).toBe('nothing-to-bin');
  });

  it('duplicate rows are counted with examples and kept by default; duplicates: drop drops them as duplicate', () => {
    const doubled = source(plainfield.concat(plainfield.slice(0, 5)));
    const kept = loadIncidents([doubled], M);
    expect(kept.report.kept).toBe(KEPT + 4); // row 3 has no location: its copy is location-null, not a duplicate
    expect(kept.report.warnings).toEqual([
      '4 rows repeat an earlier row in every column (in plainfield.arrow: row 3,225 repeats row 0; row 3,226 repeats row 1; ' +
        'row 3,227 repeats row 2; row 3,229 repeats row 4): kept; drop them with the duplicates setting',
    ]);
    const dropped = loadIncidents([doubled], { ...M, duplicates: 'drop' });
    expect(dropsOf(dropped.report)).toEqual({ 'location-null': 70, 'location-outlier': 1, duplicate: 4 });
    expect(dropped.report.examples.find((e) => e.reason === 'duplicate')).toEqual({
      file: 'plainfield.arrow',
      row: 3_225,
      reason: 'duplicate',
      values: { repeats: 'plainfield.arrow row 0' },
    });
  });

  it('files with mismatched schemas: a time column of another type names both files; a missing column names the file', () => {
    const iso = withColumns({ occurred_at: strings(Array.from(plainfieldTimes(), (ms) => new Date(Number(ms)).toISOString().slice(0, 19))) });
    expect(inputErrorOf(() => loadIncidents([source(plainfield, 'a.arrow'), source(iso, 'b.arrow')], M))).toBe(
      "column 'occurred_at' (time) is wall-clock timestamp or date (Timestamp<MILLISECOND>) in file 'a.arrow' but ISO-8601 strings (Utf8) in file 'b.arrow': " +
        'files load together only when their mapped columns agree in type',
    );
    const noLatitude = new Table({ occurred_at: plainfield.getChild('occurred_at')!, longitude: plainfield.getChild('longitude')! });
    expect(inputErrorOf(() => loadIncidents([source(plainfield, 'a.arrow'), source(noLatitude, 'c.arrow')], M))).toBe(
      "file 'c.arrow' has no column 'latitude' (mapped as latitude); available columns: occurred_at, longitude",
    );
  });
});

describe('hostile data: places', () => {
  it('NaN is location-null; +Infinity and −Infinity are location-out-of-range', () => {
    const lat = Array.from(plainfield.getChild('latitude')!, (v) => v as number | null);
    const lng = Array.from(plainfield.getChild('longitude')!, (v) => v as number | null);
    lat[0] = NaN;
    lng[1] = Infinity;
    lat[2] = -Infinity;
    const incidents = loadIncidents([source(withColumns({ latitude: floats(lat), longitude: floats(lng) }))], M);
    expect(dropsOf(incidents.report)).toEqual({ 'location-null': 70, 'location-out-of-range': 2, 'location-outlier': 1 });
  });

  it('latitude and longitude swapped in Plainfield (both valid degrees, south of 60° S): a warning suggests the swap', () => {
    const table = withColumns({ latitude: plainfield.getChild('longitude')!, longitude: plainfield.getChild('latitude')! });
    const incidents = loadIncidents([source(table)], M);
    expect(incidents.report.warnings).toEqual([
      'the latitudes lie where nobody lives (median -74.4206°, beyond 80° N or 60° S) and the longitudes where latitudes would (median 40.6161°): ' +
        "latitude and longitude look swapped: map lat = 'longitude', lng = 'latitude' with the latitude and longitude settings",
    ]);
  });

  it('latitude and longitude swapped where longitude is beyond ±90° (San Francisco): detection maps them exchanged, and says so', () => {
    const n = 20;
    const table = new Table({
      occurred_at: timestamps(plainfieldTimes().slice(0, n)),
      latitude: floats(Array.from({ length: n }, (_, i) => -122.42 + i * 0.001)),
      longitude: floats(Array.from({ length: n }, (_, i) => 37.77 + i * 0.001)),
    });
    const suggestion = detectMapping(source(table));
    expect(suggestion.mapping?.location).toEqual({ kind: 'latlng', lat: 'longitude', lng: 'latitude' });
    expect(suggestion.location[0].reason).toBe(
      "'latitude'/'longitude' look swapped: their values are degrees only exchanged (lat 37.77–37.79, lng -122.4–-122.4)",
    );
    const asNamed = loadIncidents([source(table)], { ...M, category: null });
    expect(asNamed.report.warnings).toEqual([
      '20 of 20 located rows are not valid latitude/longitude degrees as mapped, but 20 are with the two columns exchanged: ' +
        "latitude and longitude look swapped: map lat = 'longitude', lng = 'latitude' with the latitude and longitude settings",
      'no rows kept: all 20 rows were dropped: 20 location-out-of-range (location is not a valid latitude/longitude after projection)',
    ]);
    const detected = loadIncidents([source(table)], suggestion.mapping!);
    expect(detected.report.kept).toBe(n);
    expect(detected.report.warnings).toEqual([
      "latitude is read from column 'longitude' and longitude from column 'latitude': their names say the opposite, their values fit this way",
    ]);
  });

  it('projected values in columns named latitude/longitude (Portland feet): detection asks for a CRS; mapped as degrees, every row is out of range', () => {
    const table = new Table({
      occurred_at: timestamps(plainfieldTimes().slice(0, 3)),
      latitude: floats([683_000, 684_500, 690_250]),
      longitude: floats([7_650_000, 7_655_000, 7_670_000]),
    });
    expect(detectMapping(source(table)).missing).toEqual([
      "a CRS for 'longitude'/'latitude': values look projected (x 7.7e6–7.7e6, y 6.8e5–6.9e5): declare their CRS " +
        '(an EPSG code, a proj4 string or WKT; the CRSs that put these points on land inside their area of use are ranked for you)',
    ]);
    const incidents = loadIncidents([source(table)], { ...M, category: null });
    expect(dropsOf(incidents.report)).toEqual({ 'location-out-of-range': 3 });
    expect(incidents.report.warnings).toEqual([
      '3 of 3 located rows are not valid latitude/longitude degrees: the values look projected; map them as x/y with a CRS',
      'no rows kept: all 3 rows were dropped: 3 location-out-of-range (location is not a valid latitude/longitude after projection)',
    ]);
  });

  it("Plainfield's longitude with its sign flipped (row 2,892) is a location-outlier whose example says 'sign flipped?'", () => {
    const incidents = loadIncidents([source(plainfield)], M);
    expect(incidents.report.examples.find((e) => e.reason === 'location-outlier')).toEqual({
      file: 'plainfield.arrow',
      row: 2_892,
      reason: 'location-outlier',
      values: {
        latitude: '40.61377295',
        longitude: '74.42230278',
        distance_km: '12563.4',
        threshold_km: '50.0',
        hint: 'sign flipped? with the longitude negated it lies 0.3 km from the median',
      },
    });
  });
});

describe('hostile data: categories and columns', () => {
  it('100,000 distinct categories load, summarise and filter (99,999 ticked) with exact counts', () => {
    const table = manyCategories(200_000, 100_000);
    const mapping = { ...M, category: 'category' };
    const incidents = loadIncidents([source(table)], mapping);
    const summary = summariseIncidents(incidents);
    expect(summary.categories).toHaveLength(100_000);
    expect(summary.categories.reduce((sum, c) => sum + c.count, 0)).toBe(incidents.report.kept);
    const ticked = Array.from({ length: 99_999 }, (_, i) => `category ${i + 1}`);
    const filtered = loadIncidents([source(table)], { ...mapping, categories: ticked });
    expect(filtered.categories).toHaveLength(99_999);
    expect(filtered.report.dropped['category-filtered']).toBe(2);
  });

  it('10 kB and right-to-left category names are kept intact and counted', () => {
    const long = 'ح'.repeat(5_120); // 10,240 bytes of UTF-8
    const names = Array.from({ length: plainfield.numRows }, (_, i) => (i < 10 ? long : i < 30 ? 'גניבה' : i < 50 ? 'سرقة سيارة' : 'THEFT'));
    const incidents = loadIncidents([source(withColumns({ description: vectorFromArray(names, new Utf8()) }))], M);
    const counts = Object.fromEntries(summariseIncidents(incidents).categories.map((c) => [c.name, c.count]));
    expect(new TextEncoder().encode(long).length).toBe(10_240);
    // 3,225 rows − 70 dropped (row 3, among the first ten, has no location) = 3,106 + 20 + 20 + 9.
    expect(counts).toEqual({ THEFT: 3_106, גניבה: 20, 'سرقة سيارة': 20, [long]: 9 });
  });

  it('2,000 columns: detection still finds the time, location and category', () => {
    const extra: Record<string, Vector> = {};
    const filler = new Float64Array(plainfield.numRows).fill(1.5);
    for (let i = 0; i < 1_990; i++) extra[`measure_${i}`] = column(new Float64(), Array.from(filler));
    const wide = withColumns(extra);
    expect(wide.schema.fields).toHaveLength(2_000);
    expect(detectMapping(source(wide)).mapping).toEqual(detectMapping(source(plainfield)).mapping);
  });
});
