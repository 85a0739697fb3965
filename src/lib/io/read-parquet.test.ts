import { DataType, TimeUnit } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckdbParquet, openDuckDB } from '../../../test/duckdb-parquet';
import { emptyDropCounts } from './incidents';
import { loadIncidents } from './load-incidents';
import { readParquet } from './read-parquet';
import { readSource } from './read-source';

// Every file here is written by the real DuckDB engine (its Parquet writer), not by hand.
let duck: DuckDBConnection;
beforeAll(async () => {
  duck = await openDuckDB();
});

const TYPES = `SELECT * FROM (VALUES
  (1::INTEGER, 'THEFT', TIMESTAMPTZ '2018-01-01 06:00:00+00', TIMESTAMP '2018-01-01 00:30:00', TIMESTAMP_NS '2018-01-01 00:00:00.123456789',
   TIMESTAMP_MS '2018-07-01 12:00:00', DATE '2018-03-04', true, 9007199254740993::BIGINT, 1.5::FLOAT, 41.88::DOUBLE, 12.34::DECIMAL(5, 2), 1234::SMALLINT),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
) t(i, s, tz, ts, ns, ms, d, b, big, f, dbl, dec, small)`;

describe('readParquet on files DuckDB writes', () => {
  it('maps every column type to the Arrow type the Arrow route would show, zones and units kept', async () => {
    const { table, format } = await readParquet(await duckdbParquet(duck, TYPES), 'types.parquet');
    expect(format).toBe('parquet');
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      i: 'Int32',
      s: 'Utf8',
      tz: 'Timestamp<MICROSECOND, UTC>', // TIMESTAMPTZ: isAdjustedToUTC = true → an instant
      ts: 'Timestamp<MICROSECOND>', // TIMESTAMP: local wall time, no zone
      ns: 'Timestamp<NANOSECOND>',
      ms: 'Timestamp<MILLISECOND>',
      d: 'Date32<DAY>',
      b: 'Bool',
      big: 'Int64',
      f: 'Float32',
      dbl: 'Float64',
      dec: 'Float64',
      small: 'Int16',
    });
    const ts = table.schema.fields.find((f) => f.name === 'tz')!.type;
    expect(DataType.isTimestamp(ts) && ts.unit).toBe(TimeUnit.MICROSECOND);
    const first = table.get(0)!.toJSON();
    expect(first).toMatchObject({ i: 1, s: 'THEFT', b: true, f: 1.5, dbl: 41.88, dec: 12.34, small: 1234 });
    expect(first.tz).toBe(Date.UTC(2018, 0, 1, 6)); // 1514786400000
    expect(first.ts).toBe(Date.UTC(2018, 0, 1, 0, 30)); // wall clock read as if UTC
    expect(first.ms).toBe(Date.UTC(2018, 6, 1, 12));
    expect(first.d).toBe(Date.UTC(2018, 2, 4)); // day 17594 × 86 400 000
    expect(table.getChild('ns')!.data[0].values[0]).toBe(1514764800123456789n);
    expect(first.big).toBe(9007199254740993n); // 2^53 + 1: exact, as the Arrow reader keeps int64
    // Every column's second row is null, and stays null.
    expect(Object.values(table.get(1)!.toJSON())).toEqual(new Array(13).fill(null));
    expect(table.schema.fields.map((f) => table.getChild(f.name)!.nullCount)).toEqual(new Array(13).fill(1));
  });

  it('readSource tells Parquet by its bytes, whatever the name', async () => {
    const source = await readSource(await duckdbParquet(duck, TYPES, 'zstd'), 'export.bin');
    expect([source.format, source.table.numRows]).toEqual(['parquet', 2]);
  });

  it('times with a zone load as instants, without one as wall clock; null times and places are dropped and counted', async () => {
    const rows = `SELECT * FROM (VALUES
      (TIMESTAMPTZ '2018-01-01 06:00:00+00', TIMESTAMP '2018-01-01 00:00:00', DATE '2018-01-01', 41.88, -87.63),
      (TIMESTAMPTZ '2018-01-02 06:00:00+00', TIMESTAMP '2018-01-02 00:00:00', DATE '2018-01-02', NULL, -87.63),
      (NULL, NULL, NULL, 41.88, -87.63),
      (TIMESTAMPTZ '2018-01-03 06:00:00+00', TIMESTAMP '2018-01-03 00:00:00', DATE '2018-01-03', 41.89, -87.62)
    ) t(at_utc, at_local, day, lat, lng)`;
    const source = await readParquet(await duckdbParquet(duck, rows), 'times.parquet');
    const load = (column: string) =>
      loadIncidents([source], { time: { column, timeZone: 'America/Chicago' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } });
    const instant = load('at_utc');
    expect([instant.clock, Array.from(instant.time)]).toEqual(['instant', [Date.UTC(2018, 0, 1, 6), Date.UTC(2018, 0, 3, 6)]]);
    const wall = load('at_local');
    expect([wall.clock, Array.from(wall.time)]).toEqual(['wall', [Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 3)]]);
    const days = load('day');
    expect([days.clock, Array.from(days.time)]).toEqual(['wall', [Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 3)]]);
    expect(instant.report).toMatchObject({ read: 4, kept: 2, dropped: { ...emptyDropCounts(), 'time-null': 1, 'location-null': 1 } });
  });

  it('reads row group by row group: one Arrow record batch per Parquet row group, values in order', async () => {
    const bytes = await duckdbParquet(duck, 'SELECT range::INTEGER AS n, range * 0.5 AS half FROM range(10000)', 'zstd', 2048);
    const { table } = await readParquet(bytes, 'groups.parquet');
    expect(table.batches.length).toBeGreaterThan(1);
    expect(table.batches.reduce((n, b) => n + b.numRows, 0)).toBe(10_000);
    const n = table.getChild('n')!.toArray() as Int32Array;
    expect([n[0], n[4095], n[9999], n.reduce((s, v) => s + v, 0)]).toEqual([0, 4095, 9999, (9999 * 10000) / 2]);
    expect(table.getChild('half')!.get(9999)).toBe(4999.5);
  });

  it.each([
    ['binary (BLOB)', "SELECT 1 AS id, 'abc'::BLOB AS payload", 'payload'],
    ['a list', 'SELECT 1 AS id, [1, 2] AS tags', 'tags'],
    ['a time of day', "SELECT 1 AS id, TIME '12:30:00' AS at", 'at'],
  ])('refuses %s with an InputError naming the file and column', async (_kind, query, column) => {
    const bytes = await duckdbParquet(duck, query);
    await expect(readParquet(bytes, 'odd.parquet')).rejects.toMatchObject({ code: 'parquet-unsupported', file: 'odd.parquet', column });
    await expect(readParquet(bytes, 'odd.parquet')).rejects.toThrow(new RegExp(`column '${column}' is .* which Hexcast does not read`));
  });

  it('a truncated file and a damaged footer are InputErrors naming the file', async () => {
    const bytes = await duckdbParquet(duck, 'SELECT range AS n FROM range(1000)');
    await expect(readSource(bytes.subarray(0, bytes.length - 100), 'cut.parquet')).rejects.toMatchObject({ code: 'file-truncated', file: 'cut.parquet' });
    const damaged = bytes.slice();
    const footer = new DataView(damaged.buffer).getInt32(damaged.length - 8, true);
    damaged.fill(0xff, damaged.length - 8 - footer, damaged.length - 8);
    await expect(readSource(damaged, 'bad.parquet')).rejects.toMatchObject({ code: 'file-corrupt', file: 'bad.parquet' });
  });

  it('a file with columns but no rows is refused as the Arrow reader refuses one', async () => {
    const bytes = await duckdbParquet(duck, 'SELECT range AS n FROM range(0)');
    await expect(readParquet(bytes, 'empty.parquet')).rejects.toMatchObject({ code: 'no-rows', file: 'empty.parquet' });
  });
});
