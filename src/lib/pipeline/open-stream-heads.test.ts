import { readFileSync } from 'node:fs';
import {
  Field,
  Float64,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  Utf8,
  type Data,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../io/byte-source';
import { detectMapping } from '../io/detect-mapping';
import { previewRows } from '../io/preview-rows';
import { Session } from '../worker/session';
import type { ColumnMapping } from '../io/column-mapping';
import { sparseHeadFile, type SparseHeadFileOptions } from '../../../test/fixtures/io/sparse-head-file';
import { loadMapped, openFiles } from './load';
import { HEAD_ROWS, loadOpenedStreams, openStreamHeads } from './open-stream-heads';

// A streamed file's head is what the mapping screen needs — schema, a bounded sample of rows,
// whole-file null counts — never its first record batch, which for a one-batch file over
// 256 MiB is the whole raw table.
const CHICAGO = 'chicago-crimes-2014-2018.arrow';
const chicago = new Uint8Array(readFileSync(`../shared/data/${CHICAGO}`));
const SAMPLES = ['chicago-3-types-2014-2018.arrow', 'portland-nij-burglary-vehicle-2012-2017.arrow'];

/** The bytes a table keeps alive: every distinct ArrayBuffer under its columns (children and dictionaries too). */
function heldBytes(table: Table): number {
  const buffers = new Set<ArrayBufferLike>();
  const visit = (data: Data): void => {
    for (const part of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[])
      if (part && part.byteLength > 0) buffers.add(part.buffer);
    for (const child of data.children) visit(child);
    if (data.dictionary) for (const chunk of data.dictionary.data) visit(chunk);
  };
  for (const batch of table.batches) visit(batch.data);
  return [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0);
}

describe('openStreamHeads keeps a bounded head of each streamed file', () => {
  it(`Chicago (one record batch of 1,306,393 rows, 69 MB): the head is its first ${HEAD_ROWS.toLocaleString('en-US')} rows in buffers of their own, under 2 MB`, async () => {
    const { opened, heads } = await openStreamHeads([bytesSource(CHICAGO, chicago)], { streamFrom: 0 });
    expect(opened.sources[0].table.numRows).toBe(1_306_393);
    const head = heads![0].table;
    expect(head.numRows).toBe(20_000);
    // Without the copy the head is a view on the batch: 69 MB of file bytes stay alive.
    expect(chicago.byteLength).toBeGreaterThan(69_000_000);
    expect(heldBytes(head)).toBeLessThan(2_000_000);
    // The same first rows, column for column (the preview shows the first 12).
    const whole = (await openFiles([{ name: CHICAGO, bytes: chicago }])).sources[0];
    expect(previewRows(heads![0], 12)).toEqual(previewRows(whole, 12));
    expect(head.schema).toEqual(whole.table.schema);
    // Every column's share of rows with a value is the whole file's, from each batch's null count.
    const column = (name: string): number => head.schema.fields.findIndex((f) => f.name === name);
    expect(heads![0].complete![column('latitude')]).toBe(1 - 13_084 / 1_306_393);
    expect(heads![0].complete![column('location_description')]).toBe(1 - 3_206 / 1_306_393);
  }, 120_000);

  it("a column filled in the first record batch and empty after it: detection's % filled is the whole file's (25 %), as on the held file", async () => {
    const batch = (n: number, filled: boolean, at: number) =>
      new Table({
        t: vectorFromArray(Float64Array.from({ length: n }, (_, i) => 1.7e12 + (at + i) * 60_000)),
        lat: vectorFromArray(Float64Array.from({ length: n }, (_, i) => 41.8 + (i % 50) * 0.001)),
        lng: vectorFromArray(Float64Array.from({ length: n }, (_, i) => -87.6 - (i % 70) * 0.001)),
        offense_type: vectorFromArray(
          Array.from({ length: n }, (_, i) => (filled ? ['THEFT', 'BURGLARY'][i % 2] : null)),
          new Utf8(),
        ),
      }).batches[0];
    const bytes = tableToIPC(new Table([batch(1000, true, 0), batch(3000, false, 1000)]), 'file');
    const { heads } = await openStreamHeads([bytesSource('half.arrow', bytes)], { streamFrom: 0 });
    const streamed = detectMapping(heads!).category.find((c) => c.column === 'offense_type')!;
    const held = detectMapping((await openFiles([{ name: 'half.arrow', bytes }])).sources).category.find((c) => c.column === 'offense_type')!;
    expect(streamed.complete).toBe(0.25); // 1,000 of 4,000 rows (the first batch alone: 100 %)
    expect(streamed).toEqual(held);
    expect(streamed.reason).toContain('25 % of rows filled');
  });

  it('two columns of the same name each keep their own % filled (100 % and 25 %), as on the held file', async () => {
    const fields = [
      new Field('t', new Float64()),
      new Field('lat', new Float64()),
      new Field('lng', new Float64()),
      new Field('type', new Utf8(), true),
      new Field('type', new Utf8(), true),
    ];
    const schema = new Schema(fields);
    const batch = (n: number, filled: boolean, at: number): RecordBatch => {
      const columns = [
        vectorFromArray(Float64Array.from({ length: n }, (_, i) => 1.7e12 + (at + i) * 60_000)),
        vectorFromArray(Float64Array.from({ length: n }, (_, i) => 41.8 + (i % 50) * 0.001)),
        vectorFromArray(Float64Array.from({ length: n }, (_, i) => -87.6 - (i % 70) * 0.001)),
        vectorFromArray(
          Array.from({ length: n }, (_, i) => ['THEFT', 'BURGLARY'][i % 2]),
          new Utf8(),
        ),
        vectorFromArray(
          Array.from({ length: n }, (_, i) => (filled ? ['A', 'B'][i % 2] : null)),
          new Utf8(),
        ),
      ];
      const data = makeData({ type: new Struct(fields), length: n, nullCount: 0, children: columns.map((c) => c.data[0]) });
      return new RecordBatch(schema, data);
    };
    const bytes = tableToIPC(new Table(schema, [batch(1000, true, 0), batch(3000, false, 1000)]), 'file');
    const { heads } = await openStreamHeads([bytesSource('twins.arrow', bytes)], { streamFrom: 0 });
    const streamed = detectMapping(heads!).category.filter((c) => c.column === 'type');
    const held = detectMapping((await openFiles([{ name: 'twins.arrow', bytes }])).sources).category.filter((c) => c.column === 'type');
    expect(streamed.map((c) => c.complete).sort()).toEqual([0.25, 1]);
    expect(streamed).toEqual(held);
  });

  it.each(SAMPLES)(
    '%s streamed (streamfrom 0) shows the same columns, preview, detection and CRS ranking as held whole',
    async (name) => {
      const bytes = readFileSync(`public/samples/${name}`);
      const file = (): { name: string; bytes: ArrayBuffer } => ({
        name,
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      });
      const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
      const streamed = session();
      const a = await streamed.open([file()], undefined, { streamFrom: 0 });
      expect((streamed as unknown as { streams?: unknown }).streams).toBeDefined();
      const b = await session().open([file()]);
      const { ms: _a, ...got } = a;
      const { ms: _b, ...want } = b;
      expect(got).toEqual(want);
      expect(a.suggestion.category[0].complete).toBe(1);
    },
    120_000,
  );
});

describe('openStreamHeads: the head is the file’s first rows, across record batches, with the values detection reads', () => {
  const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'offense_type' };
  const streamedAndHeld = async (name: string, bytes: Uint8Array) => {
    const { heads } = await openStreamHeads([bytesSource(name, bytes)], { streamFrom: 0 });
    const held = await openFiles([{ name, bytes }]);
    return { heads: heads!, held };
  };

  it.each(['stream', 'file'] as const)(
    'first record batches empty or small (0, 7, 0, 993, then 1,000 each; 30,000 rows, %s format): the head is the first 20,000 rows; preview, detection and the streamed load equal the held file’s',
    async (format) => {
      const bytes = sparseHeadFile({
        rows: 30_000,
        columns: ['occurred_at', 'lat', 'lng', 'offense_type'],
        batches: [0, 7, 0, 993, ...Array(28).fill(1000)],
        format,
      });
      const { heads, held } = await streamedAndHeld('batches.arrow', bytes);
      expect(heads[0].table.numRows).toBe(HEAD_ROWS); // was 0: the first batch's
      expect(previewRows(heads[0], 12)).toEqual(previewRows(held.sources[0], 12));
      expect(heads[0].table.getChild('lat')!.get(19_999)).toBeCloseTo(41.6 + 19_999e-5, 10);
      expect(detectMapping(heads)).toEqual(detectMapping(held.sources));
      // Streamed, not sent back to be read whole (an empty head was not `streamable`).
      const streamed = await loadOpenedStreams([bytesSource('batches.arrow', bytes)], heads, mapping);
      expect(streamed).not.toBeNull();
      expect(streamed!.incidents).toEqual(loadMapped(held, mapping).incidents);
    },
  );

  // A file sorted so that rows without a location (or time) come first, as `ORDER BY lat NULLS FIRST` leaves it.
  // [case, file, head rows: the nulls and the values detection reads (10,000 numbers, 200 strings)]
  it.each<[string, SparseHeadFileOptions, number]>([
    [
      'lat/lng null in the first 15,000 of 30,000 rows (the head had 5,000 of their 10,000 values)',
      { rows: 30_000, columns: ['occurred_at', 'lat', 'lng', 'offense_type'], nullUntil: { lat: 15_000, lng: 15_000 } },
      25_000,
    ],
    [
      'X/Y in degrees null in the first 25,000 rows (the head had none: x/y needing a CRS)',
      { rows: 30_000, columns: ['occurred_at', 'X', 'Y', 'offense_type'], nullUntil: { X: 25_000, Y: 25_000 } },
      30_000,
    ],
    [
      'epoch seconds null in the first 25,000 rows (the head had none: no time column)',
      { rows: 30_000, columns: ['occurred_epoch', 'lat', 'lng', 'offense_type'], nullUntil: { occurred_epoch: 25_000 } },
      30_000,
    ],
    [
      'ISO date strings null in the first 25,000 rows (the head had none: no time column)',
      { rows: 30_000, columns: ['date', 'lat', 'lng', 'offense_type'], nullUntil: { date: 25_000 } },
      25_200,
    ],
  ])('%s: detection on the streamed head equals detection on the held file', async (_, options, rows) => {
    const { heads, held } = await streamedAndHeld('sparse.arrow', sparseHeadFile({ ...options, batches: [4096, 0, 4096] }));
    const whole = detectMapping(held.sources);
    expect(whole.mapping).not.toBeNull();
    expect(detectMapping(heads)).toEqual(whole);
    expect(heads[0].table.numRows).toBe(rows); // 30,000: the file ends before the 10,000th value
  });

  it('Chicago’s first 60,000 rows in record batches of 0, 7, 993, then 4,096 (dictionary columns sharing one dictionary across batches, stream format): the head is their first 20,000 rows; preview and detection equal the held rows’', async () => {
    const batch = tableFromIPC(chicago).batches[0];
    const writer = new RecordBatchStreamWriter();
    let at = 0;
    for (const size of [0, 7, 993, ...Array<number>(14).fill(4096), 60_000 - 1000 - 14 * 4096]) {
      writer.write(batch.slice(at, at + size));
      at += size;
    }
    writer.finish();
    const bytes = writer.toUint8Array(true);
    const { heads } = await openStreamHeads([bytesSource('chicago-60k.arrows', bytes)], { streamFrom: 0 });
    const held = await openFiles([{ name: 'chicago-60k.arrows', bytes }]);
    expect(heads![0].table.numRows).toBe(HEAD_ROWS);
    expect(previewRows(heads![0], 12)).toEqual(previewRows(held.sources[0], 12));
    const detected = detectMapping(heads!);
    expect(detected).toEqual(detectMapping(held.sources));
    expect(detected.category[0]).toMatchObject({ column: 'primary_type', distinct: 33 });
  }, 120_000);
});
