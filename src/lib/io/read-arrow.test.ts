import { readFileSync } from 'node:fs';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { defectTable, inputErrorOf } from '../../../test/fixtures/io/arrow-fixtures';
import { InputError } from './input-error';
import { loadIncidents } from './load-incidents';
import { readArrow, readArrowBlob } from './read-arrow';

const small = tableFromArrays({ a: Float64Array.of(1, 2, 3), b: ['x', 'y', 'z'] });

describe('readArrow', () => {
  it.each(['file', 'stream'] as const)('readArrow reads the IPC %s format and reports it', (format) => {
    const bytes = tableToIPC(small, format);
    const source = readArrow(bytes, `small.${format}`);
    expect(source).toMatchObject({ name: `small.${format}`, bytes: bytes.length, format });
    expect(source.table.numRows).toBe(3);
    expect(source.table.getChild('b')?.toArray()).toEqual(['x', 'y', 'z']);
  });

  it('readArrow of an empty file says it is empty and what was expected', () => {
    expect(inputErrorOf(() => readArrow(new Uint8Array(0), 'empty.arrow'))).toBe(
      "file 'empty.arrow' is empty (0 bytes): expected an Apache Arrow IPC file (.arrow, Feather v2) or stream (.arrows)",
    );
  });

  it.each([
    ['incidents.csv', 'id,date,lat,lng\n1,2018-01-01,41.8,-87.6\n', /is CSV text \(first line: 'id,date,lat,lng'\), not Apache Arrow.*pyarrow\.csv\.read_csv/],
    ['incidents.parquet', 'PAR1\x15\x04\x15\x00PAR1', /is a Parquet file, not Apache Arrow.*pyarrow\.parquet\.read_table/],
    ['incidents.json', '[{"id": 1}]', /is JSON text \(starts '\[\{"id": 1\}\]'\), not Apache Arrow/],
    ['incidents.feather', 'FEA1\x00\x00\x00\x00', /is a Feather version 1 file/],
    ['incidents.gz', '\x1f\x8b\x08\x00\x00\x00', /is a gzip-compressed file.*decompress it first/],
    ['notes.txt', 'hello world\n', /is plain text \(first line: 'hello world'\), not Apache Arrow/],
  ])('readArrow of %s says what the file is instead', (name, text, message) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(inputErrorOf(() => readArrow(bytes, name))).toMatch(message);
  });

  it.each(['file', 'stream'] as const)('readArrow of every truncation of a %s fails with an InputError naming the file', (format) => {
    const bytes = tableToIPC(defectTable(), format);
    // A stream cut inside its final 8-byte end-of-stream marker holds all its rows, but nothing
    // tells that cut from one at a batch boundary, which loses rows: both are refused.
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(inputErrorOf(() => readArrow(bytes.subarray(0, cut), 'cut.arrow'))).toContain("file 'cut.arrow'");
    }
  });

  it('readArrow of a file cut short says it is truncated', () => {
    const bytes = tableToIPC(small, 'file');
    expect(inputErrorOf(() => readArrow(bytes.subarray(0, bytes.length - 100), 'short.arrow'))).toMatch(
      /^file 'short.arrow' is truncated \(\d+ bytes\): it starts like an Arrow IPC file but lacks the closing 'ARROW1' magic/,
    );
  });

  it.each(['file', 'stream'] as const)('readArrow never crashes or hangs on corrupt %s bytes (400 seeded random corruptions)', (format) => {
    const bytes = tableToIPC(defectTable(), format);
    const mapping = { time: { column: 'when' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'kind' } as const;
    let seed = 2024;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 400; trial++) {
      const corrupt = bytes.slice();
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) corrupt[Math.floor(random() * corrupt.length)] = Math.floor(random() * 256);
      try {
        loadIncidents([readArrow(corrupt, 'corrupt.arrow')], mapping); // a harmless change may still load
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    }
  });

  it('readArrow of a record batch whose buffer count is corrupt fails at once instead of looping', () => {
    // Stream layout: messages [0xFFFFFFFF][metadata length][Message flatbuffer][body]. Walk to the
    // record batch (header type 3) and set its `buffers` vector length to 2^31 − 1: apache-arrow
    // alone would loop over two billion buffers.
    const bytes = tableToIPC(small, 'stream').slice();
    const view = new DataView(bytes.buffer);
    const field = (table: number, index: number) => {
      const vtable = table - view.getInt32(table, true);
      if (4 + 2 * index >= view.getUint16(vtable, true)) return 0; // field beyond the vtable: absent
      const offset = view.getUint16(vtable + 4 + 2 * index, true);
      return offset === 0 ? 0 : table + offset;
    };
    const target = (table: number, index: number) => field(table, index) + view.getUint32(field(table, index), true);
    let at = 0;
    for (;;) {
      const length = view.getInt32(at + 4, true);
      const message = at + 8 + view.getUint32(at + 8, true);
      const bodyLength = field(message, 3) === 0 ? 0 : Number(view.getBigInt64(field(message, 3), true));
      if (view.getUint8(field(message, 1)) === 3) {
        view.setUint32(target(target(message, 2), 2), 0x7fffffff, true);
        break;
      }
      at += 8 + length + bodyLength;
    }
    // The message names the overrun: the length was checked against the buffer before any entry was read.
    expect(inputErrorOf(() => readArrow(bytes, 'bad.arrows'))).toMatch(
      /^file 'bad.arrows' is corrupt or truncated: its Arrow IPC stream metadata is inconsistent \(a metadata vector of 2147483647 entries overruns/,
    );
  });

  it('readArrow of a file with columns but no rows says so and lists the columns', () => {
    const bytes = tableToIPC(small.slice(0, 0), 'file');
    expect(inputErrorOf(() => readArrow(bytes, 'none.arrow'))).toBe("file 'none.arrow' has 2 columns (a, b) but zero rows: expected at least one incident");
  });
});

describe('readArrowBlob', () => {
  it('readArrowBlob reads a File and takes its name', async () => {
    const file = new File([tableToIPC(small, 'stream') as Uint8Array<ArrayBuffer>], 'from-browser.arrows');
    const source = await readArrowBlob(file);
    expect(source).toMatchObject({ name: 'from-browser.arrows', bytes: file.size, format: 'stream' });
    expect(source.table.numRows).toBe(3);
  });

  it('readArrowBlob of a Blob without a name uses the given name, or "blob"', async () => {
    const blob = new Blob([tableToIPC(small, 'file') as Uint8Array<ArrayBuffer>]);
    expect((await readArrowBlob(blob, 'named.arrow')).name).toBe('named.arrow');
    expect((await readArrowBlob(blob)).name).toBe('blob');
  });

  describe('compressed buffers (pyarrow writes Feather v2 with LZ4 by default)', () => {
    const compressed = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/io/compressed/${name}`, import.meta.url)));
    const sample = new Uint8Array(readFileSync(new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url)));
    const reference = tableFromIPC(sample).slice(0, 3_000);
    const mapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' }, category: 'primary_type' } as const;

    it.each([
      ['chicago-3000-lz4.arrow', 'file'],
      ['chicago-3000-lz4.arrows', 'stream'],
      ['chicago-3000-zstd.arrow', 'file'],
    ] as const)('readArrow decompresses %s (first 3,000 sample rows, compressed by the lz4/zstd commands) into the same columns', (name, format) => {
      const source = readArrow(compressed(name), name);
      expect(source.format).toBe(format);
      expect(source.table.numRows).toBe(3_000);
      for (const field of reference.schema.fields) {
        expect(Array.from(source.table.getChild(field.name)!.toArray() as ArrayLike<unknown>), field.name).toEqual(
          Array.from(reference.getChild(field.name)!.toArray() as ArrayLike<unknown>),
        );
      }
      const incidents = loadIncidents([source], mapping);
      const plain = loadIncidents([readArrow(tableToIPC(reference, 'file'), 'plain.arrow')], mapping);
      expect(incidents.report.kept).toBe(plain.report.kept);
      expect(incidents.report.dropped).toEqual(plain.report.dropped);
      expect(Array.from(incidents.time)).toEqual(Array.from(plain.time));
    });

    it('readArrow of an LZ4 file with a damaged compressed buffer says the file is corrupt and why', () => {
      const bytes = compressed('chicago-3000-lz4.arrow');
      // The first LZ4 frame of the body: flip a byte well inside it, past its 7-byte header.
      let frame = -1;
      for (let i = 0; i + 4 <= bytes.length && frame < 0; i++)
        if (bytes[i] === 0x04 && bytes[i + 1] === 0x22 && bytes[i + 2] === 0x4d && bytes[i + 3] === 0x18) frame = i;
      expect(frame).toBeGreaterThan(0);
      bytes[frame + 40] ^= 0x01;
      expect(inputErrorOf(() => readArrow(bytes, 'damaged.arrow'))).toMatch(
        /^file 'damaged.arrow' is corrupt: a compressed buffer could not be decompressed \(LZ4: .+\)$/,
      );
    });
  });
});
