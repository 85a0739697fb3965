import { readFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import { decompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { buffersAt, batchLengthAt, fieldNodesAt, footerOf, recordBatchesOf, setInt64 } from '../../../test/fixtures/io/ipc-layout';
import { compressedSeedName, realSlice } from '../../../test/fixtures/io/real-slices';
import { Dictionary, Float64, Int32, Utf8 } from 'apache-arrow';
import { arrowTableBytes, vectorOfValues } from './arrow-table-bytes';
import { InputError } from './input-error';
import { loadIncidents } from './load-incidents';
import { readArrow } from './read-arrow';

// Every case starts from a 300-row real slice in three record batches of 100 (real-slices.ts)
// and damages it the way a cut download or a flipped byte would: the reader must either read all
// 300 rows or say what is wrong, never return fewer rows without a word.

const compressed = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/io/compressed/${name}`, import.meta.url)));
const chicagoStream = (): Uint8Array => tableToIPC(realSlice('chicago'), 'stream').slice();
const chicagoFile = (): Uint8Array => tableToIPC(realSlice('chicago'), 'file').slice();

/** The InputError `run` throws (fails the test on success or on any other error). */
function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the file was read');
}

describe('readArrow: an IPC stream must end with its end-of-stream marker', () => {
  it.each([
    ['uncompressed', chicagoStream],
    ['LZ4', () => compressed(compressedSeedName('chicago', 'lz4', 'stream'))],
    ['ZSTD', () => compressed(compressedSeedName('chicago-epoch', 'zstd', 'stream'))],
  ])('readArrow of a %s stream cut just after its first or second record batch says so, with the rows it holds', (_, bytes) => {
    const whole = bytes();
    const batches = recordBatchesOf(whole, 'stream');
    expect(readArrow(whole, 'whole.arrows').table.numRows).toBe(300);
    for (const [cut, rows, count] of [
      [batches[1].start, 100, '1 record batch'],
      [batches[2].start, 200, '2 record batches'],
    ] as const) {
      const error = inputError(() => readArrow(whole.subarray(0, cut), 'cut.arrows'));
      expect(error.code).toBe('file-truncated');
      expect(error.message).toBe(
        `file 'cut.arrows' is truncated (${cut} bytes): the Arrow IPC stream ends without its end-of-stream marker after ${rows} rows in ${count}; ` +
          'expected an Apache Arrow IPC file (.arrow, Feather v2) or stream (.arrows) (was the download or copy cut short?)',
      );
    }
  });

  it('readArrow of a stream cut inside its 8-byte end-of-stream marker says the stream is truncated', () => {
    const whole = chicagoStream();
    for (const cut of [whole.length - 8, whole.length - 4, whole.length - 1]) {
      expect(inputError(() => readArrow(whole.subarray(0, cut), 'cut.arrows')).code).toBe('file-truncated');
    }
  });

  it('readArrow of a stream whose second record batch length reads 0 (an end-of-stream marker mid-stream) refuses the bytes that follow', () => {
    const bytes = chicagoStream();
    const second = recordBatchesOf(bytes, 'stream')[1];
    bytes.fill(0, second.start + 4, second.start + 8);
    const error = inputError(() => readArrow(bytes, 'zero.arrows'));
    expect(error.code).toBe('file-corrupt');
    expect(error.message).toBe(
      `file 'zero.arrows' is corrupt or truncated: its Arrow IPC stream metadata is inconsistent ` +
        `(an end-of-stream marker at byte ${second.start} after 100 rows is followed by ${bytes.length - second.start - 8} more bytes)`,
    );
  });
});

describe('readArrow: an IPC file footer must list every record batch in the file', () => {
  it.each([
    ['uncompressed', chicagoFile],
    ['ZSTD', () => compressed(compressedSeedName('chicago', 'zstd', 'file')).slice()],
    ['LZ4', () => compressed(compressedSeedName('portland', 'lz4', 'file')).slice()],
  ])('readArrow of a %s file whose footer lists 2 of its 3 record batches says the footer disagrees with the body', (_, bytes) => {
    const file = bytes();
    const footer = footerOf(file);
    new DataView(file.buffer, file.byteOffset).setUint32(footer.recordBatches, 2, true);
    const error = inputError(() => readArrow(file, 'footer.arrow'));
    expect(error.code).toBe('file-corrupt');
    expect(error.message).toMatch(
      /^file 'footer.arrow' is corrupt or truncated: its Arrow IPC file metadata is inconsistent \(the footer lists 2 record batches but the file holds 3 \(300 rows\)/,
    );
  });
});

describe('readArrow: a record batch length must agree with its columns and buffers', () => {
  it.each([
    ['file', 'uncompressed', chicagoFile],
    ['stream', 'uncompressed', chicagoStream],
    ['file', 'ZSTD', () => compressed(compressedSeedName('chicago-iso', 'zstd', 'file')).slice()],
    ['stream', 'LZ4', () => compressed(compressedSeedName('chicago-iso', 'lz4', 'stream')).slice()],
  ] as const)('readArrow of a %s (%s) whose first batch length reads 1 instead of 100 names the disagreeing column', (format, _, bytes) => {
    const file = bytes();
    const batch = recordBatchesOf(file, format)[0];
    setInt64(file, batchLengthAt(file, batch), 1n);
    const error = inputError(() => readArrow(file, 'length.arrow'));
    expect(error.code).toBe('file-corrupt');
    expect(error.message).toBe(
      `file 'length.arrow' is corrupt or truncated: its Arrow IPC ${format} metadata is inconsistent (record batch 1 declares 1 row but column 'id' claims 100: a length is damaged)`,
    );
  });

  it.each([
    ['file', 'uncompressed', chicagoFile],
    ['stream', 'LZ4', () => compressed(compressedSeedName('chicago', 'lz4', 'stream')).slice()],
  ] as const)('readArrow of a %s (%s) whose first batch and every column claim 1 row says the buffers hold more', (format, _, bytes) => {
    const file = bytes();
    const batch = recordBatchesOf(file, format)[0];
    setInt64(file, batchLengthAt(file, batch), 1n);
    for (const node of fieldNodesAt(file, batch)) {
      setInt64(file, node, 1n);
      setInt64(file, node + 8, 0n); // null count
    }
    const error = inputError(() => readArrow(file, 'short.arrow'));
    expect(error.code).toBe('file-corrupt');
    expect(error.message).toMatch(/^file 'short.arrow' is corrupt or truncated: column 'id' \(Int32\): its values buffer holds 400 bytes, but 1 row needs 4/);
  });
});

describe('readArrow: every Utf8 offset is checked', () => {
  it('readArrow of a file with one out-of-order offset in a Utf8 category column names the column and the row', () => {
    const file = tableToIPC(realSlice('chicago-iso'), 'file').slice();
    const batch = recordBatchesOf(file, 'file')[0];
    // Buffers: id (validity, values), occurred_at (validity, offsets, data), primary_type (validity, offsets, data), …
    const offsets = batch.body + Number(new DataView(file.buffer).getBigInt64(buffersAt(file, batch)[6], true));
    const view = new DataView(file.buffer);
    view.setInt32(offsets + 4 * 50, view.getInt32(offsets + 4 * 60, true), true);
    const error = inputError(() => readArrow(file, 'offsets.arrow'));
    expect(error.code).toBe('file-corrupt');
    expect(error.column).toBe('primary_type');
    expect(error.message).toMatch(
      /^file 'offsets.arrow' is corrupt or truncated: column 'primary_type' \(Utf8\): value offset 51 \(\d+\) is below offset 50 \(\d+\)/,
    );
  });

  it('readArrow of a file with a Utf8 offset beyond the data buffer names the column', () => {
    const file = tableToIPC(realSlice('chicago-iso'), 'file').slice();
    const batch = recordBatchesOf(file, 'file')[1];
    const view = new DataView(file.buffer);
    const offsets = batch.body + Number(view.getBigInt64(buffersAt(file, batch)[3], true)); // occurred_at
    view.setInt32(offsets + 4 * 40, 1 << 30, true);
    expect(inputError(() => readArrow(file, 'beyond.arrow')).message).toMatch(
      /^file 'beyond.arrow' is corrupt or truncated: column 'occurred_at' \(Utf8\): value offset 40 \(1073741824\) lies beyond the \d+-byte data buffer/,
    );
  });
});

describe('readArrow: 64-bit values beyond 2^53', () => {
  it('readArrow of a Timestamp[ms] value of 2^62 names the file, column and row (instead of "… is not safe to convert to a number")', () => {
    const file = chicagoFile();
    const batch = recordBatchesOf(file, 'file')[1];
    // Buffers: id (validity, values), occurred_at (validity, values), …: row 17 of batch 2 is row 117.
    const values = batch.body + Number(new DataView(file.buffer).getBigInt64(buffersAt(file, batch)[3], true));
    setInt64(file, values + 8 * 17, 2n ** 62n);
    const error = inputError(() => readArrow(file, 'far.arrow'));
    expect(error).toMatchObject({ code: 'file-corrupt', file: 'far.arrow', column: 'occurred_at', row: 117 });
    expect(error.message).toBe(
      "file 'far.arrow' is corrupt: column 'occurred_at' (Timestamp<MILLISECOND>) row 117 holds 4611686018427387904, beyond ±2^53 " +
        '(9007199254740991), which no date in milliseconds reaches: the value is damaged, or the column holds a finer unit than it declares (nanoseconds as milliseconds?)',
    );
  });

  it('readArrow of a buffer length of 2^60 in a record batch says which buffer overruns the body', () => {
    const file = chicagoStream();
    const batch = recordBatchesOf(file, 'stream')[0];
    setInt64(file, buffersAt(file, batch)[1] + 8, 2n ** 60n);
    const error = inputError(() => readArrow(file, 'huge.arrows'));
    expect(error.code).toBe('file-corrupt');
    expect(error.message).not.toMatch(/not safe to convert/);
    expect(error.message).toMatch(/record batch 1: buffer 2 \(bytes \d+ to 1152921504606846\d+\) lies outside its 3392-byte body/);
  });

  it('readArrow of a compressed buffer whose uncompressed length reads 2^40 refuses it before any decoder allocates', () => {
    const file = compressed(compressedSeedName('chicago', 'zstd', 'file')).slice();
    const batch = recordBatchesOf(file, 'file')[0];
    const view = new DataView(file.buffer);
    const buffer = buffersAt(file, batch)[1]; // id values
    const [offset, length] = [Number(view.getBigInt64(buffer, true)), Number(view.getBigInt64(buffer + 8, true))];
    setInt64(file, batch.body + offset, 2n ** 40n);
    expect(inputError(() => readArrow(file, 'prefix.arrow')).message).toBe(
      "file 'prefix.arrow' is corrupt or truncated: its Arrow IPC file metadata is inconsistent " +
        `(record batch 1: buffer 2 declares 1099511627776 uncompressed bytes, more than its ${length - 8} ZSTD bytes can hold)`,
    );
  });

  it('readArrow checks a compressed buffer against the uncompressed length it declares (pyarrow writes the true length; apache-arrow writes the compressed one)', () => {
    const file = compressed(compressedSeedName('chicago', 'zstd', 'file')).slice();
    const batch = recordBatchesOf(file, 'file')[0];
    const view = new DataView(file.buffer);
    const compressedBuffer = buffersAt(file, batch)
      .map((at) => [batch.body + Number(view.getBigInt64(at, true)), Number(view.getBigInt64(at + 8, true))])
      .find(([start, length]) => length > 8 && view.getBigInt64(start, true) !== -1n)!;
    const [start, length] = compressedBuffer;
    const actual = decompress(file.subarray(start + 8, start + length)).length;
    setInt64(file, start, BigInt(actual));
    expect(readArrow(file, 'true-length.arrow').table.numRows).toBe(300);
    setInt64(file, start, BigInt(actual - 1));
    expect(inputError(() => readArrow(file, 'wrong-length.arrow')).message).toBe(
      `file 'wrong-length.arrow' is corrupt: a compressed buffer could not be decompressed (ZSTD: a buffer decoded to ${actual} bytes but declares ${actual - 1})`,
    );
  });

  it('loadIncidents of an Int64 epoch time of 2^62 ms drops that row as implausible (beyond 2100) and shows its raw value', () => {
    const file = tableToIPC(realSlice('chicago-epoch'), 'file').slice();
    const batch = recordBatchesOf(file, 'file')[0];
    const values = batch.body + Number(new DataView(file.buffer).getBigInt64(buffersAt(file, batch)[3], true));
    setInt64(file, values + 8 * 5, 2n ** 62n);
    const incidents = loadIncidents([readArrow(file, 'epoch.arrow')], {
      time: { column: 'occurred_at', unit: 'ms' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'primary_type',
    });
    expect(incidents.report.dropped['time-implausible']).toBe(1);
    expect(incidents.report.dropped['time-unparseable']).toBe(0);
    expect(incidents.report.examples.find((e) => e.reason === 'time-implausible')).toMatchObject({ row: 5, values: { occurred_at: '4611686018427387904' } });
  });

  it('a file with zero rows is refused as empty, not as corrupt (its empty dictionary and strings carry no offsets at all)', () => {
    const bytes = arrowTableBytes({
      category: vectorOfValues([], new Dictionary(new Utf8(), new Int32())),
      n: vectorOfValues([], new Float64()),
    });
    expect(inputError(() => readArrow(bytes, 'none.arrow')).message).toBe(
      "file 'none.arrow' has 2 columns (category, n) but zero rows: expected at least one incident",
    );
  });
});
