import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tableToIPC, type RecordBatch, type Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckdbParquet, duckdbTableFromArrow, openDuckDB } from '../../../test/duckdb-parquet';
import { tableToCsv } from '../../../test/fixtures/table-to-csv';
import { openFiles, openStreams } from '../pipeline/load';
import { bytesSource } from './byte-source';
import { readArrow } from './read-arrow';
import { readCsv } from './read-csv';
import { readParquet, streamParquet } from './read-parquet';
import { readSource } from './read-source';
import { streamCsv } from './stream-csv';
import { collectSource, streamSource } from './stream-source';

const utf8 = (text: string) => new TextEncoder().encode(text);
const shared = (name: string) => readArrow(readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url)), name);
/** A table's Arrow IPC bytes, hashed: equal digests mean the same schema, batches and values, byte for byte. */
const digest = (table: Table) => createHash('sha256').update(tableToIPC(table, 'file')).digest('hex');

const portland = shared('portland-nij-burglary-vehicle-2012-2017.arrow');
const portlandCsv = utf8(tableToCsv(portland.table, { newline: '\r\n' }));

describe('CSV streamed chunk by chunk', () => {
  it('the Portland file as CSV, streamed in chunks of 1, 7 and 64 KiB bytes, is the whole-file reading byte for byte', async () => {
    const whole = readCsv(portlandCsv, 'portland.csv');
    expect(whole.table.numRows).toBe(portland.table.numRows);
    for (const size of [1, 7, 65_536]) {
      const streamed = await collectSource(await streamSource(bytesSource('portland.csv', portlandCsv, size)));
      expect(digest(streamed.table)).toBe(digest(whole.table));
      expect([streamed.format, streamed.bytes, streamed.notes]).toEqual(['csv', portlandCsv.length, whole.notes]);
    }
  });

  it('a value after the first batch that changes a column type (text in a number column, an integer beyond Int32) restarts with the whole-file types', async () => {
    const lines = ['id,lat,code'];
    for (let i = 0; i < 10; i++) lines.push(`${i},41.${i},${i}`);
    lines.push('10,not a number,3000000000', '11,41.5,7');
    const bytes = utf8(lines.join('\n'));
    const stream = streamCsv([bytes.subarray(0, 50), bytes.subarray(50)], 'late.csv', { batchRows: 4 });
    const first: RecordBatch[] = [];
    let next = await stream.next();
    for (; !next.done; next = await stream.next()) first.push(next.value);
    // The first two batches (rows 0–7) were typed lat: Float64, code: Int32; the third batch contradicts both.
    expect(first.map((b) => b.numRows)).toEqual([4, 4]);
    expect(first[0].schema.fields.map(String)).toEqual(['id: Int32', 'lat: Float64', 'code: Int32']);
    expect(next.value.retype?.plans.map((p) => p.kind)).toEqual(['int32', 'utf8', 'float64']);
    const whole = readCsv(bytes, 'late.csv', { batchRows: 4 });
    const streamed = await collectSource(await streamSource(bytesSource('late.csv', bytes, 7)));
    expect(streamed.table.schema.fields.map(String)).toEqual(['id: Int32', 'lat: Utf8', 'code: Float64']);
    expect(streamed.table.getChild('code')?.get(10)).toBe(3_000_000_000);
    expect(streamed.table.getChild('lat')?.get(10)).toBe('not a number');
    expect(digest(streamed.table)).toBe(digest(readCsv(bytes, 'late.csv').table));
    expect(whole.table.getChild('code')?.get(10)).toBe(3_000_000_000);
  });

  it('malformed records are dropped with their file record numbers, the same streamed as whole', async () => {
    const bytes = utf8('date,lat,lng\n2018-01-01,41.8,-87.6\n2018-01-02,41.8\n2018-01-03,41.8,-87.6,x\n2018-01-05,41.8,-87.6\n');
    const streamed = await collectSource(await streamSource(bytesSource('bad.csv', bytes, 3)));
    expect(Array.from(streamed.skipped ?? [])).toEqual([1, 2]);
    expect(streamed.dropped).toEqual(readCsv(bytes, 'bad.csv').dropped);
    expect(streamed.dropped?.counts).toEqual({ 'record-malformed': 2 });
    expect(streamed.table.numRows).toBe(2);
  });
});

describe('gzip-compressed CSV streamed as it inflates', () => {
  it('the Portland CSV gzipped, in chunks of 7 bytes and 64 KiB, is the whole-file reading of the gzip file', async () => {
    const gz = new Uint8Array(gzipSync(portlandCsv));
    const whole = await readSource(gz, 'portland.csv.gz');
    expect(whole.notes?.[0]).toBe(`decompressed from gzip: ${gz.length.toLocaleString('en-US')} → ${portlandCsv.length.toLocaleString('en-US')} bytes`);
    for (const size of [7, 65_536]) {
      const streamed = await collectSource(await streamSource(bytesSource('portland.csv.gz', gz, size)));
      expect(digest(streamed.table)).toBe(digest(whole.table));
      expect([streamed.bytes, streamed.notes]).toEqual([gz.length, whole.notes]);
    }
  });

  it('a gzipped Arrow file is inflated whole and read as Arrow; a gzip file cut short is gzip-corrupt', async () => {
    const arrow = tableToIPC(portland.table, 'file');
    const streamed = await collectSource(await streamSource(bytesSource('p.arrow.gz', new Uint8Array(gzipSync(arrow)), 4096)));
    expect([streamed.format, streamed.table.numRows]).toEqual(['file', portland.table.numRows]);
    const gz = new Uint8Array(gzipSync(portlandCsv));
    const cut = bytesSource('cut.csv.gz', gz.subarray(0, gz.length >> 1), 4096);
    await expect(collectSource(await streamSource(cut))).rejects.toMatchObject({ code: 'gzip-corrupt', file: 'cut.csv.gz' });
  });
});

describe('Parquet streamed row group by row group', () => {
  let duck: DuckDBConnection;
  beforeAll(async () => {
    duck = await openDuckDB();
    await duckdbTableFromArrow(duck, 'portland', portland.table);
  });

  for (const codec of ['snappy', 'zstd', 'gzip'] as const) {
    it(`Portland written by DuckDB (${codec}, row groups of 2,048 rows): each row group one batch, the batches the whole-file table`, async () => {
      const bytes = await duckdbParquet(duck, 'SELECT * FROM portland', codec, 2048);
      const reads: [number, number][] = [];
      const source = bytesSource('portland.parquet', bytes);
      const counted = { ...source, slice: (start: number, end: number) => (reads.push([start, end]), source.slice(start, end)) };
      const batches: RecordBatch[] = [];
      for await (const batch of streamParquet(counted)) batches.push(batch);
      const whole = await readParquet(bytes, 'portland.parquet');
      expect(batches.map((b) => b.numRows)).toEqual(whole.table.batches.map((b) => b.numRows));
      expect(batches.length).toBe(Math.ceil(portland.table.numRows / 2048));
      expect(whole.table.numRows).toBe(portland.table.numRows);
      // Besides the footer (read from the end), the row groups are read by their own ranges, none a quarter of the file.
      const groups = reads.filter(([, end]) => end < bytes.length);
      expect(groups.length).toBeGreaterThanOrEqual(batches.length);
      expect(Math.max(...groups.map(([start, end]) => end - start))).toBeLessThan(bytes.length / 4);
      const streamed = await collectSource(await streamSource(bytesSource('portland.parquet', bytes)));
      expect(digest(streamed.table)).toBe(digest(whole.table));
      // Values as the Arrow file holds them.
      for (const name of ['x_coordinate', 'y_coordinate', 'category'])
        expect(Array.from(streamed.table.getChild(name)!.toArray() as ArrayLike<unknown>)).toEqual(
          Array.from(portland.table.getChild(name)!.toArray() as ArrayLike<unknown>),
        );
    });
  }
});

describe('openStreams reads CSV, gzip and Parquet streamed, with the fingerprints openFiles gives', () => {
  it('the same sources and digests as openFiles for a CSV, a gzipped CSV and a Parquet file', async () => {
    const duck = await openDuckDB();
    await duckdbTableFromArrow(duck, 'portland', portland.table);
    const files = [
      { name: 'p.csv', bytes: portlandCsv },
      { name: 'p.csv.gz', bytes: new Uint8Array(gzipSync(portlandCsv)) },
      { name: 'p.parquet', bytes: await duckdbParquet(duck, 'SELECT * FROM portland', 'zstd', 4096) },
    ];
    const whole = await openFiles(files);
    const streamed = await openStreams(files.map((f) => bytesSource(f.name, f.bytes, 10_000)));
    expect([streamed.sha256, streamed.hashes]).toEqual([whole.sha256, whole.hashes]);
    expect(streamed.sources.map((s) => [s.format, s.bytes, s.notes])).toEqual(whole.sources.map((s) => [s.format, s.bytes, s.notes]));
    expect(streamed.sources.map((s) => digest(s.table))).toEqual(whole.sources.map((s) => digest(s.table)));
  });
});
