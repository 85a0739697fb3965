import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sparseHeadFile } from '../../../test/fixtures/io/sparse-head-file';
import { bytesSource, type ByteSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import { openStreams } from './load';
import { loadOpenedStreams, openStreamHeads } from './open-stream-heads';

// A file can change between the open's sniff of its first bytes and the read (replaced by
// another file of the same name, cut short or extended while it is written). The read then
// fails, or reads other bytes: it must say the file changed while it was read, naming it (an
// input error, 'file-unreadable'), not that it is truncated or corrupt Arrow.
const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'offense_type' };
const arrow = (format: 'file' | 'stream'): Uint8Array =>
  sparseHeadFile({ rows: 3000, columns: ['occurred_at', 'lat', 'lng', 'offense_type'], batches: [1000, 1000], format });
/** CSV text of exactly `size` bytes. */
const csvOf = (size: number): Uint8Array => {
  const text = 'date,lat,lng\n' + '2020-01-01,41.8,-87.6\n'.repeat(Math.ceil(size / 22));
  return new TextEncoder().encode(text).slice(0, size);
};
const CHANGED = {
  code: 'file-unreadable',
  file: 'a.arrow',
  message: expect.stringMatching(/^file 'a\.arrow' changed while it was read \(.+\): read it again once it is complete$/),
};

/**
 * A file of `bytes` as it was chosen (its size is theirs) whose content is `later` from the read
 * on that `changed(reads)` says (reads: ranges and passes over its chunks so far), as a file
 * replaced on disk while it is open.
 */
function changing(bytes: Uint8Array, later: Uint8Array, changed: (reads: number) => boolean, name = 'a.arrow'): ByteSource {
  let reads = 0;
  const now = (): Uint8Array => (changed(reads++) ? later : bytes);
  return {
    name,
    size: bytes.length,
    slice: async (start, end) => now().subarray(Math.max(0, start), end),
    async *chunks() {
      const current = now();
      for (let at = 0; at < current.length; at += 1024) yield current.subarray(at, at + 1024);
    },
  };
}
/** Changes after the open's sniff (its first read). */
const afterSniff = (reads: number): boolean => reads >= 1;

describe('a file that changed between the sniff and the read is said to have changed', () => {
  it.each([
    ['an IPC file, held', 'file', undefined],
    ['an IPC file, streamed', 'file', 0],
    ['an IPC stream, held', 'stream', undefined],
    ['an IPC stream, streamed', 'stream', 0],
  ] as const)('%s, replaced by CSV of its size', async (_, format, streamFrom) => {
    const bytes = arrow(format);
    await expect(openStreamHeads([changing(bytes, csvOf(bytes.length), afterSniff)], { streamFrom })).rejects.toMatchObject(CHANGED);
  });

  it('of several files, the one that changed is named (the second, replaced after the plan sniffed both)', async () => {
    const bytes = arrow('file');
    const first = bytesSource('a.arrow', bytes);
    const second = changing(bytes, csvOf(bytes.length), afterSniff, 'b.arrow');
    await expect(openStreamHeads([first, second])).rejects.toMatchObject({ code: 'file-unreadable', file: 'b.arrow' });
  });

  it.each(['file', 'stream'] as const)('an IPC %s cut short after the sniff: its size when opened and now', async (format) => {
    const bytes = arrow(format);
    const cut = bytes.subarray(0, bytes.length - 5000);
    const error = await openStreamHeads([changing(bytes, cut, afterSniff)]).catch((e: unknown) => e);
    expect(error).toMatchObject(CHANGED);
    // A stream is read in order (its end read: 100,354); a file's tail first (its last 10 bytes: past the end now).
    const now = format === 'stream' ? `${cut.length.toLocaleString('en-US')} read` : `at most ${(bytes.length - 10).toLocaleString('en-US')} now`;
    expect((error as Error).message).toContain(`(${bytes.length.toLocaleString('en-US')} bytes when opened, ${now})`);
  });

  it('an IPC stream extended after the sniff (read in order, past its size)', async () => {
    const bytes = arrow('stream');
    const longer = new Uint8Array(bytes.length + 3000);
    longer.set(bytes);
    await expect(openStreamHeads([changing(bytes, longer, afterSniff)])).rejects.toMatchObject({
      ...CHANGED,
      message: expect.stringContaining(`(more than the ${bytes.length.toLocaleString('en-US')} bytes it had when opened)`),
    });
  });

  it('an IPC file extended after the sniff is read as it was opened: its ranges up to its size, unchanged (the same rows and digest)', async () => {
    const bytes = arrow('file');
    const longer = new Uint8Array(bytes.length + 3000);
    longer.set(bytes);
    const { opened } = await openStreamHeads([changing(bytes, longer, afterSniff)]);
    expect(opened.sources[0].table.numRows).toBe(3000);
    expect(opened.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a CSV file cut short after the sniff (it loaded fewer rows without a word)', async () => {
    const csv = csvOf(50_000);
    await expect(openStreams([changing(csv, csv.subarray(0, 30_000), afterSniff)])).rejects.toMatchObject({
      ...CHANGED,
      message: expect.stringContaining('(50,000 bytes when opened, 30,000 read)'),
    });
  });

  it.each(['file', 'stream'] as const)('a streamed IPC %s replaced by CSV between the open and the load: the load says so', async (format) => {
    const bytes = arrow(format);
    let replaced = false;
    const input = changing(bytes, csvOf(bytes.length), () => replaced);
    const { heads } = await openStreamHeads([input], { streamFrom: 0 });
    replaced = true;
    await expect(loadOpenedStreams([input], heads!, mapping)).rejects.toMatchObject({
      ...CHANGED,
      message: expect.stringContaining(`it was an Arrow IPC ${format} when opened and is now CSV text`),
    });
  });

  it.each(['NotReadableError', 'NotFoundError'])(
    'a File the browser can no longer read after the sniff (%s: changed, moved or deleted since it was chosen)',
    async (error) => {
      const bytes = arrow('file');
      const inner = bytesSource('a.arrow', bytes);
      let reads = 0;
      const input: ByteSource = {
        ...inner,
        slice: (start, end) => (reads++ === 0 ? inner.slice(start, end) : Promise.reject(new DOMException('The requested file could not be read', error))),
      };
      await expect(openStreamHeads([input])).rejects.toMatchObject(CHANGED);
    },
  );

  /** A File of `bytes` of which no read succeeds: every one rejects with a DOMException `error`. */
  const unreadableFile = (bytes: Uint8Array, error: string): ByteSource => ({
    ...bytesSource('a.arrow', bytes),
    slice: () => Promise.reject(new DOMException('The requested file could not be read', error)),
    chunks: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new DOMException('The requested file could not be read', error)) }) }),
  });

  it.each(['NotReadableError', 'NotFoundError'])(
    "a File the browser can no longer read at the sniff (%s, the open's first read), through openStreamHeads",
    async (error) => {
      await expect(openStreamHeads([unreadableFile(arrow('file'), error)])).rejects.toMatchObject({
        ...CHANGED,
        message: expect.stringContaining('(it can no longer be read as it was when chosen)'),
      });
    },
  );

  it.each(['NotReadableError', 'NotFoundError'])('a File the browser can no longer read at the sniff (%s), through openStreams', async (error) => {
    await expect(openStreams([unreadableFile(csvOf(50_000), error)])).rejects.toMatchObject(CHANGED);
  });

  it('a read that fails otherwise at the sniff is not said to be a changed file', async () => {
    const input = unreadableFile(arrow('file'), 'AbortError');
    await expect(openStreamHeads([input])).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each(['file', 'stream'] as const)('an IPC %s cut short before it was chosen is still truncated', async (format) => {
    const bytes = arrow(format);
    const cut = bytes.slice(0, bytes.length - 5000);
    await expect(openStreamHeads([bytesSource('a.arrow', cut)])).rejects.toMatchObject({ code: 'file-truncated', file: 'a.arrow' });
  });
});
