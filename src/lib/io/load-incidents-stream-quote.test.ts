import { RecordBatch, Table, tableToIPC, Utf8, vectorFromArray, type Data } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './column-mapping';
import { loadIncidents } from './load-incidents';
import { loadIncidentsStream, type BatchSource } from './load-incidents-stream';
import { readArrow } from './read-arrow';

const mapping: ColumnMapping = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, duplicates: 'drop' };

/**
 * Three record batches of four rows. Rows 0 and 2 of each batch repeat across batches in every
 * column (4 duplicates); row 1 repeats the decoded key (time, place) but its note differs from
 * batch to batch (a candidate, no duplicate); row 3 is unique.
 */
function threeBatches(): Table {
  const batches = [0, 1, 2].map(
    (b) =>
      new Table({
        t: vectorFromArray(Float64Array.from([Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3), Date.UTC(2020, 0, 10 + b)])),
        lat: vectorFromArray(Float64Array.of(41.8, 41.81, 41.82, 41.9)),
        lng: vectorFromArray(Float64Array.of(-87.6, -87.61, -87.62, -87.7)),
        note: vectorFromArray(['a', `n${b}`, 'same', 'x'], new Utf8()),
      }).batches[0],
  );
  return new Table(batches);
}

/** Overwrites every column's values of `batch` with zeros (the memory a let-go batch no longer owns). */
function poison(batch: RecordBatch): void {
  for (const child of batch.data.children as Data[]) {
    const values = child.values as ArrayLike<number> & { constructor: new (n: number) => unknown };
    (child as { values: unknown }).values = new values.constructor(values.length);
  }
}

/**
 * A `BatchSource` whose quote pass ruins each batch once the next is asked for (and the last once
 * the pass ends): a reader that let its batches go. Nothing is held for the quote pass (no `quoteHeld`).
 */
function lettingGo(table: Table, bytes: number): BatchSource {
  return {
    name: 'go.arrow',
    bytes,
    async *batches(pass) {
      let previous: RecordBatch | null = null;
      try {
        for (const batch of table.batches) {
          const fresh = batch.slice(0, batch.numRows);
          if (pass === 'quote' && previous) poison(previous);
          previous = fresh;
          yield fresh;
        }
      } finally {
        if (pass === 'quote' && previous) poison(previous);
      }
    },
  };
}

/** A `BatchSource` whose second read (the quote pass) ends after the first batch: a file that shrank while it was loaded. */
function shrinking(table: Table): BatchSource {
  return {
    name: 'shrinking.arrow',
    bytes: 0,
    async *batches(pass) {
      yield* pass === 'decode' ? table.batches : table.batches.slice(0, 1);
    },
  };
}

describe("loadIncidentsStream's quote pass", () => {
  it("takes the values of a batch it does not hold while it reads it: stage 2's duplicates equal the whole-file load's", async () => {
    const table = threeBatches();
    const ipc = tableToIPC(table, 'file');
    const whole = loadIncidents([readArrow(ipc, 'go.arrow')], mapping);
    expect(whole.report.dropped.duplicate).toBe(4);
    const streamed = await loadIncidentsStream([lettingGo(table, ipc.length)], mapping);
    expect(streamed.report.dropped.duplicate).toBe(4);
    expect(streamed.report).toEqual(whole.report);
  });

  it('names the file when a second read of it ends before the rows it had (a file changed while it was loaded)', async () => {
    const table = threeBatches();
    await expect(loadIncidentsStream([shrinking(table)], mapping)).rejects.toThrow(
      "file 'shrinking.arrow' changed while it was read (4 rows read again, 12 at first): read it again once it is complete",
    );
  });

  it('names the file when a second read of it ends before a drop example it had (no candidate there)', async () => {
    // Distinct rows (no duplicate candidate), one latitude out of range in the last batch: a drop example there.
    const batches = [0, 1, 2].map(
      (b) =>
        new Table({
          t: vectorFromArray(
            Float64Array.from([Date.UTC(2020, 0, 1 + 4 * b), Date.UTC(2020, 0, 2 + 4 * b), Date.UTC(2020, 0, 3 + 4 * b), Date.UTC(2020, 0, 4 + 4 * b)]),
          ),
          lat: vectorFromArray(Float64Array.of(41.8, 41.81, b === 2 ? 95 : 41.82, 41.9)),
          lng: vectorFromArray(Float64Array.of(-87.6, -87.61, -87.62, -87.7)),
          note: vectorFromArray(['a', 'b', 'c', 'd'], new Utf8()),
        }).batches[0],
    );
    const table = new Table(batches);
    const whole = await loadIncidentsStream(
      [
        {
          name: 'full.arrow',
          bytes: 0,
          batches: async function* () {
            yield* table.batches;
          },
        },
      ],
      mapping,
    );
    expect(whole.report.dropped.duplicate).toBe(0);
    expect(Object.values(whole.report.dropped).reduce((a, b) => a + b, 0)).toBe(1);
    await expect(loadIncidentsStream([shrinking(table)], mapping)).rejects.toThrow(
      "file 'shrinking.arrow' changed while it was read (4 rows read again, 12 at first): read it again once it is complete",
    );
  });
  it('reads a file again only up to its last row to quote, even when a later file has rows to quote', async () => {
    // Two files of three distinct-row batches, each with one latitude out of range in its first batch: a drop example there.
    const file = (name: string, days: number): BatchSource & { quoted: number } => {
      const batches = [0, 1, 2].map(
        (b) =>
          new Table({
            t: vectorFromArray(Float64Array.from([0, 1, 2, 3], (r) => Date.UTC(2020, 0, 1 + days + 4 * b + r))),
            lat: vectorFromArray(Float64Array.of(41.8, 41.81, b === 0 ? 95 : 41.82, 41.9)),
            lng: vectorFromArray(Float64Array.of(-87.6, -87.61, -87.62, -87.7)),
          }).batches[0],
      );
      const source = {
        name,
        bytes: 0,
        quoted: 0,
        batches: async function* (pass: 'decode' | 'quote') {
          for (const batch of batches) {
            if (pass === 'quote') source.quoted++;
            yield batch;
          }
        },
      };
      return source;
    };
    const a = file('a.arrow', 0);
    const b = file('b.arrow', 100);
    const loaded = await loadIncidentsStream([a, b], mapping);
    expect(loaded.report.dropped['location-out-of-range']).toBe(2);
    expect(JSON.stringify(loaded.report)).toContain('95');
    expect([a.quoted, b.quoted]).toEqual([1, 1]); // each file's first batch only (it read all three of a's before)
  });
});
