import { readFileSync } from 'node:fs';
import {
  Field,
  Float64,
  Message,
  RecordBatchFileWriter,
  type RecordBatch,
  RecordBatchStreamWriter,
  Struct,
  Table,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, type ByteSource } from './byte-source';
import { InputError } from './input-error';
import { readArrow } from './read-arrow';
import { arrowBatchSource, arrowShares, readArrowStream } from './read-arrow-stream';
import { createSha256 } from './sha256-stream';
import { sha256Hex } from './sha256-hex';

/** A table of 10 record batches of 50 rows: t = row, x = row / 2. */
function tenBatches(): Table {
  const whole = tableFromArrays({ t: Float64Array.from({ length: 500 }, (_, i) => i), x: Float64Array.from({ length: 500 }, (_, i) => i / 2) });
  const batch = whole.batches[0];
  return new Table(Array.from({ length: 10 }, (_, i) => batch.slice(50 * i, 50 * i + 50)));
}

async function failure(work: Promise<unknown>): Promise<InputError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readArrowStream', () => {
  it.each(['file', 'stream'] as const)(
    'readArrowStream reads an IPC %s of 10 batches in 64-byte chunks into the same table as readArrow, hashing every byte once',
    async (format) => {
      const bytes = tableToIPC(tenBatches(), format);
      const hash = createSha256();
      const progress: number[] = [];
      const source = await readArrowStream(bytesSource('ten.arrow', bytes, 64), { hash, onProgress: (p) => progress.push(p.rows) });
      const whole = readArrow(bytes, 'ten.arrow');
      expect(source.format).toBe(format);
      expect(source.bytes).toBe(bytes.length);
      expect(source.table.batches.length).toBe(10);
      expect(source.table.getChild('x')!.toArray()).toEqual(whole.table.getChild('x')!.toArray());
      expect(progress).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
      expect(hash.hex()).toBe(await sha256Hex(bytes));
    },
  );

  it('an IPC file is read message by message (each record batch one slice, at the offsets its footer gives), with the same table and digest', async () => {
    const bytes = tableToIPC(tenBatches(), 'file');
    const whole = bytesSource('ten.arrow', bytes, 64);
    const reads: [number, number][] = [];
    const spy = { ...whole, slice: (start: number, end: number) => (reads.push([start, end]), whole.slice(start, end)) };
    const hash = createSha256();
    const source = await readArrowStream(spy, { hash });
    expect(source.table.getChild('t')!.toArray()).toEqual(readArrow(bytes, 'ten.arrow').table.getChild('t')!.toArray());
    expect(hash.hex()).toBe(await sha256Hex(bytes));
    // After the head and the footer: one read per record batch, ending where the next begins, then the footer's bytes.
    const body = reads.filter(([start]) => start >= 8).slice(2);
    const batches = body.filter(([start, end]) => end - start > 16 && end < bytes.length);
    expect(batches.length).toBe(10);
    for (let i = 1; i < batches.length; i++) expect(batches[i][0]).toBe(batches[i - 1][1]);
    expect(body.at(-1)![1]).toBe(bytes.length);
  });

  it('a Blob (a browser File) read through blobSource gives the table and digest of its bytes', async () => {
    const bytes = tableToIPC(tenBatches(), 'file');
    const hash = createSha256();
    const source = await readArrowStream(blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'ten.arrow'), { hash });
    expect(source.table.numRows).toBe(500);
    expect(source.name).toBe('ten.arrow');
    expect(hash.hex()).toBe(await sha256Hex(bytes));
  });

  it('a stream cut inside its 5th record batch is file-truncated, naming the file, the batch and the rows before it', async () => {
    const bytes = tableToIPC(tenBatches(), 'stream');
    const whole = await readArrowStream(bytesSource('ten.arrows', bytes));
    expect(whole.table.numRows).toBe(500);
    // Each batch is the same size: cut halfway through the 5th one.
    const schemaEnd = tableToIPC(new Table(tenBatches().schema), 'stream').length - 8; // without the end-of-stream marker
    const perBatch = (bytes.length - 8 - schemaEnd) / 10;
    const cut = bytes.subarray(0, schemaEnd + 4 * perBatch + perBatch / 2);
    const error = await failure(readArrowStream(bytesSource('ten.arrows', cut, 100)));
    expect(error.code).toBe('file-truncated');
    expect(error.message).toContain(
      "file 'ten.arrows' is truncated (4640 bytes): the bytes run out in record batch 5 (after 200 rows, at byte 4,640 of 4,640)",
    );
  });

  it('an IPC file cut short lacks its closing magic: file-truncated, as readArrow says', async () => {
    const bytes = tableToIPC(tenBatches(), 'file');
    const error = await failure(readArrowStream(bytesSource('ten.arrow', bytes.subarray(0, bytes.length - 100))));
    expect(error.code).toBe('file-truncated');
    expect(error.message).toContain("file 'ten.arrow' is truncated");
    expect(error.message).toContain("lacks the closing 'ARROW1' magic");
  });

  it('CSV bytes are not-arrow with the conversion advice, and 0 bytes are file-empty', async () => {
    const csv = await failure(readArrowStream(bytesSource('a.csv', new TextEncoder().encode('t,x\n1,2\n'))));
    expect(csv.code).toBe('not-arrow');
    expect(csv.message).toContain("file 'a.csv' is CSV text");
    expect((await failure(readArrowStream(bytesSource('e.arrow', new Uint8Array(0))))).code).toBe('file-empty');
  });
});

describe("arrowShares (each column's filled share from the record batch headers alone)", () => {
  it("equals the columns' own null counts over Chicago's first 60,000 rows in 7 batches, dictionaries included, as a file and as a stream", async () => {
    const chicago = tableFromIPC(readFileSync(new URL('../../../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url)));
    const table = chicago.slice(0, 60_000);
    const want = table.schema.fields.map((_, i) => 1 - table.getChildAt(i)!.nullCount / table.numRows);
    expect(want.some((share) => share < 1)).toBe(true); // some columns have nulls
    for (const writer of [new RecordBatchFileWriter(), new RecordBatchStreamWriter()]) {
      for (const at of [0, 7, 1000, 9_000, 20_000, 41_000, 59_999]) {
        const next = [7, 1000, 9_000, 20_000, 41_000, 59_999, 60_000][[0, 7, 1000, 9_000, 20_000, 41_000, 59_999].indexOf(at)];
        for (const batch of table.slice(at, next).batches) writer.write(batch);
      }
      writer.finish();
      const shares = await arrowShares(bytesSource('c.arrow', writer.toUint8Array(true)), table.schema);
      shares!.forEach((share, i) => expect(share).toBeCloseTo(want[i], 12));
    }
  });

  it('counts a nested column by its own node and gives null for bytes that are not Arrow', async () => {
    // s: a struct, null in row 0, whose child x is null in rows 0–2; b: null in row 3 only. Read
    // without skipping s's child node, b would get x's share (0.25).
    const table = new Table({
      s: vectorFromArray([null, { x: null }, { x: null }, { x: 4 }], new Struct([new Field('x', new Float64(), true)])),
      b: vectorFromArray([1, 2, 3, null], new Float64()),
    });
    for (const format of ['stream', 'file'] as const) {
      expect(await arrowShares(bytesSource('n.arrow', tableToIPC(table, format)), table.schema)).toEqual([0.75, 0.75]);
    }
    expect(await arrowShares(bytesSource('x.csv', new TextEncoder().encode('a,b\n1,2\n')), tableFromArrays({ a: Float64Array.of(1) }).schema)).toBeNull();
  });

  it('gives null, and returns, for a stream whose record batch claims a negative or overlong body (it looped forever on a negative one)', async () => {
    const table = tableFromArrays({ a: Float64Array.from({ length: 1000 }, (_, i) => i) });
    const writer = new RecordBatchStreamWriter();
    for (const batch of [...table.slice(0, 500).batches, ...table.slice(500).batches]) writer.write(batch);
    writer.finish();
    const bytes = writer.toUint8Array(true);
    // Find the second record batch's message and its body length (an int64 in its metadata), then patch it.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const messages: { at: number; length: number; body: number }[] = [];
    for (let at = 0; at + 8 <= bytes.length;) {
      const length = view.getInt32(at + 4, true);
      if (length === 0) break;
      const body = Number(Message.decode(bytes.subarray(at + 8, at + 8 + length)).bodyLength);
      messages.push({ at, length, body });
      at += 8 + length + body;
    }
    const second = messages[2]; // schema, first batch, second batch
    for (const lie of [-(8 + second.length), bytes.length]) {
      const patched = bytes.slice();
      const out = new DataView(patched.buffer);
      let found = 0;
      for (let p = second.at + 8; p + 8 <= second.at + 8 + second.length; p++) {
        if (out.getBigInt64(p, true) === BigInt(second.body)) {
          out.setBigInt64(p, BigInt(lie), true);
          found++;
        }
      }
      expect(found).toBeGreaterThan(0);
      expect(await arrowShares(bytesSource('lie.arrows', patched), table.schema)).toBeNull();
    }
  });
});

describe('arrowBatchSource', () => {
  /** A byte source over `bytes` that counts its reads (chunk passes and slices). */
  const counted = (bytes: Uint8Array): { source: ByteSource; reads: () => number } => {
    const inner = bytesSource('ten.arrow', bytes, 256);
    let reads = 0;
    const source: ByteSource = {
      ...inner,
      chunks: () => {
        reads++;
        return inner.chunks();
      },
      slice: (start, end) => {
        reads++;
        return inner.slice(start, end);
      },
    };
    return { source, reads: () => reads };
  };
  const all = async (batches: AsyncIterable<RecordBatch>): Promise<RecordBatch[]> => {
    const out: RecordBatch[] = [];
    for await (const batch of batches) out.push(batch);
    return out;
  };

  it('keeps the decode pass batches for the quote pass while their decoded bytes fit the budget, else reads the file again', async () => {
    const bytes = tableToIPC(tenBatches(), 'file');
    const decodedBytes = 500 * 2 * 8; // two float64 columns, no nulls
    const keeping = counted(bytes);
    const budget = { left: decodedBytes };
    const kept = await arrowBatchSource(keeping.source, { keep: budget });
    expect(kept.quoteHeld!()).toBe(false);
    const decoded = await all(kept.batches('decode'));
    expect(decoded.length).toBe(10);
    expect(budget.left).toBe(0);
    expect(kept.quoteHeld!()).toBe(true);
    const reads = keeping.reads();
    expect(reads).toBeGreaterThan(10); // each batch a slice, and the footer
    const quoted = await all(kept.batches('quote'));
    expect(quoted.length).toBe(10);
    expect(quoted.every((batch, i) => batch === decoded[i])).toBe(true); // the very batches: nothing read or parsed again
    expect(keeping.reads()).toBe(reads);
    // Let go once quoted: a second quote pass reads the file.
    expect((await all(kept.batches('quote'))).map((batch) => batch.numRows)).toEqual(decoded.map((batch) => batch.numRows));
    expect(keeping.reads()).toBeGreaterThan(reads);

    const reading = counted(bytes);
    const short = { left: decodedBytes - 1 };
    const read = await arrowBatchSource(reading.source, { keep: short });
    const again = await all(read.batches('decode'));
    expect(short.left).toBe(decodedBytes - 1); // over at the last batch: none kept, the nine batches' share given back
    expect(read.quoteHeld!()).toBe(false);
    const before = reading.reads();
    const quotedAgain = await all(read.batches('quote'));
    expect(reading.reads()).toBeGreaterThan(before);
    expect(quotedAgain.map((batch) => batch.getChild('x')!.toArray())).toEqual(again.map((batch) => batch.getChild('x')!.toArray()));
    expect(quotedAgain[3]).not.toBe(again[3]);
  });

  it('shares one budget between the files of a load, and lets go of what a skipped quote pass will not use (release)', async () => {
    const bytes = tableToIPC(tenBatches(), 'file');
    const budget = { left: 12_000 }; // one file's 8,000 decoded bytes fit, not two
    const [first, second] = [counted(bytes), counted(bytes)];
    const a = await arrowBatchSource(first.source, { keep: budget });
    const b = await arrowBatchSource(second.source, { keep: budget });
    await all(a.batches('decode'));
    await all(b.batches('decode'));
    expect([a.quoteHeld!(), b.quoteHeld!(), budget.left]).toEqual([true, false, 4_000]);
    a.release!();
    expect(a.quoteHeld!()).toBe(false);
    const before = first.reads();
    await all(a.batches('quote'));
    expect(first.reads()).toBeGreaterThan(before); // released: read again
  });
});
