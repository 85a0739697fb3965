import { Dictionary, Int32, makeData, makeVector, RecordBatch, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import type { ColumnMapping } from './column-mapping';
import { categoryDecoder } from './decode-category';
import { findColumn } from './find-column';
import { InputError } from './input-error';
import { loadIncidents } from './load-incidents';
import { loadIncidentsStream } from './load-incidents-stream';
import { readArrow } from './read-arrow';
import { arrowBatches, arrowBatchSource } from './read-arrow-stream';

// Category columns as Arrow dictionaries over many record batches: an IPC stream whose
// dictionary grows by a delta at every batch (batch b adds category 'C<b>'), as a writer that
// meets new values batch by batch produces it.
const BATCHES = 40;
const ROWS = 50; // per batch
const mapping: ColumnMapping = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'cat' };
const type = new Dictionary(new Utf8(), new Int32(), 0);

/** Batch `b`: row i has category C<i mod (b+1)> of the dictionary C0…C<b>; `bad` puts an index beyond the dictionary at one row. */
function batchOf(b: number, dictionary: Vector, bad?: { row: number; index: number }): RecordBatch {
  const indices = Int32Array.from({ length: ROWS }, (_, i) => i % (b + 1));
  if (bad) indices[bad.row] = bad.index;
  const cat = makeVector(makeData({ type, length: ROWS, nullCount: 0, data: indices, dictionary }));
  const t = vectorFromArray(Array.from({ length: ROWS }, (_, i) => new Date(Date.UTC(2020, 0, 1 + ((b * ROWS + i) % 300)))));
  const lat = vectorFromArray(Float64Array.from({ length: ROWS }, (_, i) => 41.8 + (i % 10) * 0.01));
  const lng = vectorFromArray(Float64Array.from({ length: ROWS }, () => -87.7 + (b % 10) * 0.01));
  return new Table({ t, lat, lng, cat }).batches[0];
}

/** The stream's bytes: each batch's dictionary is the one before with one value appended (a delta). */
function deltaStream(bad?: { batch: number; row: number; index: number }): Uint8Array {
  let dictionary: Vector = vectorFromArray(['C0'], new Utf8());
  const batches: RecordBatch[] = [];
  for (let b = 0; b < BATCHES; b++) {
    if (b > 0) dictionary = dictionary.concat(vectorFromArray([`C${b}`], new Utf8()));
    batches.push(batchOf(b, dictionary, bad?.batch === b ? bad : undefined));
  }
  return tableToIPC(new Table(batches), 'stream');
}

describe('dictionary category columns in a streamed load', () => {
  it('one lookup is held, merged as batches come: the delta dictionaries of 40 batches hold 40 entries, not 1 + 2 + … + 40', async () => {
    const bytes = deltaStream();
    const decoder = categoryDecoder();
    const held: number[] = [];
    let fileRow = 0;
    for await (const batch of arrowBatches(bytesSource('d.arrows', bytes))) {
      const source = { name: 'd.arrows', bytes: bytes.length, table: new Table(batch), format: 'stream' as const };
      decoder.decode(findColumn([source], 'cat', 'category'), new Int32Array(batch.numRows), fileRow);
      fileRow += batch.numRows;
      held.push(decoder.held());
    }
    expect(held).toEqual(Array.from({ length: BATCHES }, (_, b) => b + 1)); // the latest dictionary only
    expect(decoder.values()).toEqual(Array.from({ length: BATCHES }, (_, b) => `C${b}`));
  });

  it('the streamed load of the delta-dictionary stream equals the whole-file load, number for number', async () => {
    const bytes = deltaStream();
    const streamed = await loadIncidentsStream([await arrowBatchSource(bytesSource('d.arrows', bytes))], mapping);
    const whole = loadIncidents([readArrow(bytes, 'd.arrows')], mapping);
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.report.read).toBe(BATCHES * ROWS);
    expect(streamed.categories).toEqual(whole.categories);
    expect([...streamed.category]).toEqual([...whole.category]);
    // Batch b holds C0…C<b> in turn: C0 is in every batch's rows 0, b+1, …; C39 only in the last batch's row 39.
    const count = (name: string): number => streamed.category.filter((c) => streamed.categories[c] === name).length;
    expect(count('C39')).toBe(1);
    expect(count('C0')).toBe(Array.from({ length: BATCHES }, (_, b) => Math.ceil(ROWS / (b + 1))).reduce((a, c) => a + c, 0));
  });

  it('an index outside the dictionary in a later batch names the row in the file (0-based, as ErrorWhere and the other decode errors), streamed as whole', async () => {
    // Batch 31 (0-based 30) has the dictionary C0…C30 (31 entries); its row 7 (0-based) holds index 99.
    const bytes = deltaStream({ batch: 30, row: 7, index: 99 });
    const row = 30 * ROWS + 7; // 1,507
    const message = `file 'bad.arrows' is corrupt: category column 'cat' row 1,507 has dictionary index 99 of 31`;
    const streamed = loadIncidentsStream([await arrowBatchSource(bytesSource('bad.arrows', bytes))], mapping);
    await expect(streamed).rejects.toThrow(message);
    await expect(streamed).rejects.toMatchObject({ code: 'file-corrupt', row });
    let whole: unknown;
    try {
      loadIncidents([readArrow(bytes, 'bad.arrows')], mapping);
    } catch (error) {
      whole = error;
    }
    expect(whole).toBeInstanceOf(InputError);
    expect((whole as InputError).message).toBe(message);
  });
});
