import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { legacyWideStream, WIDE_PANDAS_METADATA } from '../../../test/fixtures/io/legacy-wide-stream';
import { bytesSource, type ByteSource } from './byte-source';
import { readArrowStream } from './read-arrow-stream';
import { LEGACY_SCHEMA_MAX_BYTES, SNIFF_BYTES, sniffInput } from './sniff-input';

// A legacy Arrow IPC stream (no continuation markers) opens with its schema message's length.
// pandas' metadata on a wide table makes that message longer than the 4 KiB sniffed: the sniff
// then reads the whole message (up to 16 MiB) and checks it as it checks a short one.
const sample = tableFromIPC(readFileSync(new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url)));
/** The sample as apache-arrow's own writer writes a legacy stream, with pandas-like metadata for a wide table. */
const legacyWide = legacyWideStream(sample);
const schemaLength = new DataView(legacyWide.buffer, legacyWide.byteOffset, 4).getInt32(0, true);

/** `input`, noting the longest range read from it. */
function widest(input: ByteSource): { input: ByteSource; longest: () => number } {
  let longest = 0;
  return {
    input: { ...input, slice: (start, end) => ((longest = Math.max(longest, end - start)), input.slice(start, end)) },
    longest: () => longest,
  };
}

describe('sniffInput: a legacy Arrow stream whose schema message is over 4 KiB', () => {
  it('is told as an IPC stream by its whole schema message (read once, no longer), and read with its rows', async () => {
    expect(schemaLength).toBeGreaterThan(SNIFF_BYTES);
    const read = widest(bytesSource('wide.arrows', legacyWide));
    const sniff = await sniffInput(read.input);
    expect(sniff.ipc).toBe('stream');
    expect(sniff.first.length).toBe(SNIFF_BYTES);
    expect(read.longest()).toBe(4 + schemaLength);
    const source = await readArrowStream(bytesSource('wide.arrows', legacyWide));
    expect(source.table.numRows).toBe(sample.numRows);
    expect(source.table.schema.metadata.get('pandas')).toBe(WIDE_PANDAS_METADATA);
  });

  it(`is not read past ${LEGACY_SCHEMA_MAX_BYTES / 2 ** 20} MiB: a first length over it is another format (no range over 4 KiB read)`, async () => {
    // The wide stream's first 4 KiB, its length claiming 20 MiB, in a 40 MiB file.
    const head = legacyWide.slice(0, SNIFF_BYTES);
    new DataView(head.buffer).setInt32(0, 20 * 2 ** 20, true);
    const big: ByteSource = {
      name: 'big.bin',
      size: 40 * 2 ** 20,
      slice: async (start, end) => {
        const bytes = new Uint8Array(Math.min(end, 40 * 2 ** 20) - start);
        bytes.set(head.subarray(start, Math.min(end, head.length)));
        return bytes;
      },
      chunks: () => (async function* () {})(),
    };
    const read = widest(big);
    expect((await sniffInput(read.input)).ipc).toBeNull();
    expect(read.longest()).toBe(SNIFF_BYTES);
  });

  it('still takes no other binary file whose first 4 bytes claim a long message for one', async () => {
    const claims = (length: number, size: number): Uint8Array => {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) & 0xff);
      new DataView(bytes.buffer).setInt32(0, length, true);
      return bytes;
    };
    // The wide stream's schema message with its header type (Schema) changed to a record batch's.
    const notSchema = legacyWide.slice();
    const view = new DataView(notSchema.buffer);
    const table = 4 + view.getUint32(4, true);
    const vtable = table - view.getInt32(table, true);
    notSchema[table + view.getUint16(vtable + 6, true)] = 3;
    for (const bytes of [claims(65_536, 200_000), claims(8192, 200_000), claims(1 << 20, 2 << 20), notSchema]) {
      expect((await sniffInput(bytesSource('x.bin', bytes))).ipc).toBeNull();
    }
  });
});

describe('sniffInput: a File the browser can no longer read', () => {
  it.each(['NotReadableError', 'NotFoundError'])('%s at the whole schema message (its second read) is the file changed, named', async (error) => {
    const inner = bytesSource('wide.arrows', legacyWide);
    let reads = 0;
    const input: ByteSource = {
      ...inner,
      slice: (start, end) => (reads++ === 0 ? inner.slice(start, end) : Promise.reject(new DOMException('The requested file could not be read', error))),
    };
    await expect(sniffInput(input)).rejects.toMatchObject({
      code: 'file-unreadable',
      file: 'wide.arrows',
      message: "file 'wide.arrows' changed while it was read (it can no longer be read as it was when chosen): read it again once it is complete",
    });
    expect(reads).toBe(2);
  });
});
