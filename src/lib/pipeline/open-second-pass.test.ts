import { describe, expect, it, vi } from 'vitest';
import { sparseHeadFile } from '../../../test/fixtures/io/sparse-head-file';
import { bytesSource, type ByteSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import { Session } from '../worker/session';
import { loadMapped, openFiles } from './load';
import { loadOpenedStreams, openStreamHeads } from './open-stream-heads';

// A streamed file is read twice: at the open (fingerprint, row count, head) and at each load.
// The open's read already told each file's format; the load reads each file in that format and
// sniffs none again (its first 4 KiB were read again by the row count and by each pass).
const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'offense_type' };

/** `bytes` as a ByteSource that counts the sniffs of it: reads of its first 4 KiB (an IPC file's own reads from byte 0 end at byte 8). */
function counted(name: string, bytes: Uint8Array): { input: ByteSource; sniffs: () => number } {
  const inner = bytesSource(name, bytes, 4096);
  let sniffs = 0;
  const input: ByteSource = {
    ...inner,
    slice: (start, end) => {
      if (start === 0 && end === Math.min(bytes.length, 4096)) sniffs++;
      return inner.slice(start, end);
    },
  };
  return { input, sniffs: () => sniffs };
}

describe('a streamed file’s second pass reads it in the format its head was read in', () => {
  it.each(['file', 'stream'] as const)(
    'loadOpenedStreams sniffs no file again (IPC %s; decode and quote passes), and loads what the held file loads',
    async (format) => {
      // Rows without a latitude first: drop examples, which the quote pass reads the file again for.
      const bytes = sparseHeadFile({
        rows: 3000,
        columns: ['occurred_at', 'lat', 'lng', 'offense_type'],
        nullUntil: { lat: 5 },
        batches: [1000, 1000],
        format,
      });
      expect(bytes.length).toBeGreaterThan(4096);
      const files = [counted('a.arrow', bytes), counted('b.arrow', bytes)];
      const inputs = files.map((f) => f.input);
      const { heads } = await openStreamHeads(inputs, { streamFrom: 0 });
      expect(files.map((f) => f.sniffs())).toEqual([1, 1]); // the open's plan
      const streamed = await loadOpenedStreams(inputs, heads!, mapping);
      expect(files.map((f) => f.sniffs())).toEqual([1, 1]);
      const held = await openFiles([
        { name: 'a.arrow', bytes },
        { name: 'b.arrow', bytes },
      ]);
      const whole = loadMapped(held, mapping).incidents;
      expect(whole.report.dropped['location-null']).toBe(10);
      expect(streamed!.incidents.report).toEqual(whole.report);
    },
  );

  it.each(['file', 'stream'] as const)(
    'read whole again by the session (a mapping that needs every row: ISO date strings), each file opens in its head’s format (IPC %s), not sniffed',
    async (format) => {
      const bytes = sparseHeadFile({ rows: 3000, columns: ['date', 'lat', 'lng', 'offense_type'], batches: [1000], format });
      const blob = new Blob([bytes.slice().buffer]);
      const slice = vi.spyOn(blob, 'slice');
      const sniffs = (): number => slice.mock.calls.filter(([start, end]) => start === 0 && end === 4096).length;
      const s = new Session(() => Promise.reject(new Error('no tfjs here')));
      await s.open([{ name: 'a.arrow', file: blob as File }], undefined, { streamFrom: 0 });
      expect(sniffs()).toBe(1); // the open's plan
      const loaded = await s.load({ ...mapping, time: { column: 'date' } });
      expect(sniffs()).toBe(1);
      expect(loaded.report.read).toBe(3000);
      expect((s as unknown as { streams?: unknown }).streams).toBeUndefined(); // read whole, and kept so
    },
  );
});
