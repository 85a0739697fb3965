import { Float64, RecordBatchFileWriter, RecordBatchStreamWriter, Table, TimestampMillisecond, Utf8, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { sparseHeadFile } from '../../../test/fixtures/io/sparse-head-file';
import { bytesSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import type { ArrowSource } from '../io/read-arrow';
import { DISTINCT_ROWS } from '../io/suggest-category';
import { HEAD_MAX_ROWS, HEAD_ROWS, headSampler, readHead } from './head-sampler';
import { loadMapped, loadStreams, openFiles } from './load';

/** The head `headSampler` gathers from a file's record batches, fed in order, and the batches it took. */
const sample = (bytes: Uint8Array, rows?: number, maxRows?: number) => {
  const table = tableFromIPC(bytes);
  const sampler = headSampler(table.schema, rows, maxRows);
  let fed = 0;
  for (const batch of table.batches) {
    fed++;
    if (!sampler.add(batch)) break;
  }
  return { head: sampler.head(), fed, complete: sampler.complete(), columns: table.schema.fields.map((f) => f.name) };
};

describe('headSampler', () => {
  it.each([
    // [case, null rows of lat/lng, batch sizes, head rows]
    ['full columns: the first HEAD_ROWS rows, out of the first batch', 0, [50_000], HEAD_ROWS],
    ['lat/lng null in the first 15,000 rows: up to their 10,000th value (row 25,000)', 15_000, [50_000], 25_000],
    ['… the same in batches of 4,096: rows across batches, up to that value', 15_000, Array(12).fill(4096), 25_000],
    ['lat/lng null in the first 150,000 rows: stops at HEAD_MAX_ROWS', 150_000, [200_000], HEAD_MAX_ROWS],
  ])('%s', (_, nulls, batches, rows) => {
    const total = batches.reduce((a, b) => a + b, 0);
    const { head } = sample(sparseHeadFile({ rows: total, columns: ['occurred_at', 'lat', 'lng'], nullUntil: { lat: nulls, lng: nulls }, batches }));
    expect(head.numRows).toBe(rows);
    expect(head.getChild('occurred_at')!.get(rows - 1)).toBe(Date.UTC(2024, 0, 1) + (rows - 1) * 60_000); // the file's first rows, in order
  });

  it('holds at least the rows in which detection counts a column’s distinct values', () => {
    expect(HEAD_ROWS).toBeGreaterThanOrEqual(DISTINCT_ROWS);
  });

  it('a column detection reads no values from (a numeric `ward`, null everywhere) does not grow the head', () => {
    const { head, fed } = sample(sparseHeadFile({ rows: 60_000, columns: ['occurred_at', 'lat', 'lng', 'ward'], batches: Array(6).fill(10_000) }));
    expect(head.numRows).toBe(HEAD_ROWS);
    expect(fed).toBe(2); // 10,000 + 10,000 rows: the head is complete, no batch more is read
  });

  it('% filled is over every batch added, not only the rows taken: lat/lng null in 15,000 of the 50,000 rows of one batch → 70 %', () => {
    const { complete, columns } = sample(sparseHeadFile({ rows: 50_000, columns: ['occurred_at', 'lat', 'lng'], nullUntil: { lat: 15_000, lng: 15_000 } }));
    expect(complete[columns.indexOf('lat')]).toBe(1 - 15_000 / 50_000);
    expect(complete[columns.indexOf('occurred_at')]).toBe(1);
  });
});

describe('loadStreams (the CLI) decides the mapping from the head, not the first record batch', () => {
  const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'offense_type' };

  it('an empty first record batch: streamed (it was read whole, every row held), equal to the whole-file load', async () => {
    const bytes = sparseHeadFile({ rows: 30_000, columns: ['occurred_at', 'lat', 'lng', 'offense_type'], batches: [0, 0, 10_000] });
    let seen: readonly ArrowSource[] = [];
    const streamed = await loadStreams([bytesSource('empty-first.arrow', bytes)], (heads) => ((seen = heads), mapping));
    expect(seen[0].table.numRows).toBe(HEAD_ROWS);
    expect(streamed.loaded).toBeDefined();
    expect(streamed.loaded!.incidents).toEqual(loadMapped(await openFiles([{ name: 'empty-first.arrow', bytes }]), mapping).incidents);
  });

  it('X/Y in degrees null in the first 25,000 rows, batches of 4,096: detection on the heads equals the whole file’s (latitude/longitude, not x/y needing a CRS)', async () => {
    const bytes = sparseHeadFile({
      rows: 30_000,
      columns: ['occurred_at', 'X', 'Y', 'offense_type'],
      nullUntil: { X: 25_000, Y: 25_000 },
      batches: Array(7).fill(4096),
    });
    let detected: ReturnType<typeof detectMapping> | undefined;
    await loadStreams([bytesSource('xy.arrow', bytes)], (heads) => {
      detected = detectMapping(heads);
      return detected.mapping!;
    });
    const whole = detectMapping((await openFiles([{ name: 'xy.arrow', bytes }])).sources);
    expect(whole.mapping?.location).toEqual({ kind: 'latlng', lat: 'Y', lng: 'X' });
    expect(detected).toEqual(whole);
  });

  it('readHead: a file of one empty record batch has an empty head (its schema)', async () => {
    const empty = sparseHeadFile({ rows: 0, columns: ['occurred_at', 'lat', 'lng'] });
    const head = await readHead(bytesSource('empty.arrow', empty));
    expect(head?.table.numRows).toBe(0);
    expect(head?.table.schema.fields.map((f) => f.name)).toEqual(['occurred_at', 'lat', 'lng']);
  });
});

describe("readHead: each column's share of filled rows", () => {
  // 200,000 rows in batches of 4,096; 'description' is filled in the first 30,000 rows only (15 %).
  const n = 200_000;
  const table = new Table({
    occurred_at: vectorFromArray(
      Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 60_000),
      new TimestampMillisecond(),
    ),
    lat: vectorFromArray(
      Array.from({ length: n }, (_, i) => 41.6 + i * 1e-6),
      new Float64(),
    ),
    lng: vectorFromArray(
      Array.from({ length: n }, (_, i) => -87.9 + i * 1e-6),
      new Float64(),
    ),
    description: vectorFromArray(
      Array.from({ length: n }, (_, i) => (i < 30_000 ? ['THEFT', 'BURGLARY', 'ASSAULT'][i % 3] : null)),
      new Utf8(),
    ),
  });
  const written = (format: 'file' | 'stream'): Uint8Array => {
    const writer = format === 'file' ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
    for (let at = 0; at < n; at += 4096) writer.write(table.batches[0].slice(at, Math.min(n, at + 4096)));
    writer.finish();
    return writer.toUint8Array(true);
  };

  it.each(['file', 'stream'] as const)(
    "is the whole file's for an Arrow %s (its batches' null counts), so the CLI's detection equals the whole-file load's",
    async (format) => {
      const bytes = written(format);
      const head = await readHead(bytesSource('d.arrow', bytes));
      expect(head!.table.numRows).toBeLessThan(n);
      expect(head!.complete![3]).toBeCloseTo(0.15, 10);
      let streamed: ReturnType<typeof detectMapping> | undefined;
      await loadStreams([bytesSource('d.arrow', bytes)], (heads) => (streamed = detectMapping(heads)).mapping!);
      const whole = detectMapping((await openFiles([{ name: 'd.arrow', bytes }])).sources);
      expect(whole.mapping!.category).toBeNull();
      expect(streamed!.mapping!.category).toBe(whole.mapping!.category);
    },
  );
});
