import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RecordBatchStreamWriter, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { legacyWideStream } from '../../../test/fixtures/io/legacy-wide-stream';
import { bytesSource } from '../io/byte-source';
import { createSha256, type Sha256Factory } from '../io/sha256-stream';
import { inputFormat } from './input-format';
import { openStreamHeads, planOpen, type OpenPlan } from './open-stream-heads';

// Whether `openStreamHeads` holds the files or streams them is decided in one place, before the
// read (`planOpen`), and a shell that hashes differently by that decision (the app's worker defers
// held Arrow files' SHA-256) is told the same plan the open then follows (`sha256For`).
const sample = new Uint8Array(readFileSync(new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url)));
const stream = tableToIPC(tableFromIPC(sample), 'stream');
/** The sample as a legacy Arrow IPC stream (no continuation markers; its schema message is 596 bytes). */
const legacy = RecordBatchStreamWriter.writeAll(tableFromIPC(sample), { writeLegacyIpcFormat: true }).toUint8Array(true);
const CSV = new TextEncoder().encode('date,lat,lng\n2020-01-01,41.8,-87.6\n');
/** The sample as a legacy stream with pandas-like metadata for a wide table: its schema message is over 4 KiB. */
const legacyWide = legacyWideStream(tableFromIPC(sample));

/** A factory whose streams count the bytes they are given. */
function counting(): { make: Sha256Factory; bytes: () => number } {
  let bytes = 0;
  const make: Sha256Factory = () => {
    const real = createSha256();
    return { update: (b) => ((bytes += b.length), real.update(b)), hex: () => real.hex() };
  };
  return { make, bytes: () => bytes };
}

describe('planOpen and openStreamHeads: one decision, before the read', () => {
  it('gives each file’s format from its first bytes, held below streamFrom bytes in all or with a file not Arrow, else streamed', async () => {
    const arrow = [bytesSource('a.arrow', sample), bytesSource('b.arrows', stream)];
    const size = sample.length + stream.length;
    expect(await planOpen(arrow, size + 1)).toEqual({ formats: ['arrow-file', 'arrow-stream'], held: true });
    expect(await planOpen(arrow, size)).toEqual({ formats: ['arrow-file', 'arrow-stream'], held: false });
    expect(await planOpen([...arrow, bytesSource('c.csv', CSV)], 1)).toEqual({ formats: ['arrow-file', 'arrow-stream', 'other'], held: true });
  });

  it.each([
    ['held', sample.length + 1],
    ['streamed', sample.length],
  ])('openStreamHeads asks sha256For once with the plan it follows (%s) and hashes with what it answers', async (_, streamFrom) => {
    const plans: OpenPlan[] = [];
    const hash = counting();
    const { opened, heads } = await openStreamHeads([bytesSource('a.arrow', sample)], {
      streamFrom,
      sha256For: (plan) => (plans.push(plan), hash.make),
    });
    expect(plans).toEqual([{ formats: ['arrow-file'], held: streamFrom > sample.length }]);
    expect(heads === null).toBe(plans[0].held);
    expect(hash.bytes()).toBe(sample.length);
    expect(opened.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells a legacy Arrow IPC stream (its schema message longer than 60 bytes) by its first bytes, and opens it whole', async () => {
    expect(new DataView(legacy.buffer, legacy.byteOffset, 4).getInt32(0, true)).toBeGreaterThan(60);
    expect(await planOpen([bytesSource('legacy.arrows', legacy)], legacy.length + 1)).toEqual({ formats: ['arrow-stream'], held: true });
    const { opened } = await openStreamHeads([bytesSource('legacy.arrows', legacy)], { sha256: createSha256 });
    expect(opened.sources[0].table.numRows).toBe(tableFromIPC(sample).numRows);
    expect(opened.hashes[0]).toBe(createHash('sha256').update(legacy).digest('hex'));
  });

  it('streams a legacy Arrow IPC stream whose schema message is over 4 KiB (was sniffed as another format and held whole)', async () => {
    expect(new DataView(legacyWide.buffer, legacyWide.byteOffset, 4).getInt32(0, true)).toBeGreaterThan(4096);
    const input = bytesSource('wide.arrows', legacyWide);
    expect(await planOpen([input], 0)).toEqual({ formats: ['arrow-stream'], held: false });
    const { opened, heads } = await openStreamHeads([input], { streamFrom: 0, sha256: createSha256 });
    expect(heads).not.toBeNull();
    expect(heads![0].format).toBe('stream');
    expect(opened.sources[0].table.numRows).toBe(tableFromIPC(sample).numRows);
    expect(opened.hashes[0]).toBe(createHash('sha256').update(legacyWide).digest('hex'));
  });

  it('does not take another binary file opening with a small multiple of 4 for a legacy Arrow stream', async () => {
    const utf32 = new Uint8Array(Uint32Array.from('date,lat,lng\n2020-01-01,41.8,-87.6\n'.repeat(20), (c) => c.charCodeAt(0)).buffer);
    const headed = (n: number): Uint8Array => {
      const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 37 + 11) & 0xff);
      new DataView(bytes.buffer).setInt32(0, n, true);
      return bytes;
    };
    const shortcut = new Uint8Array(300);
    shortcut.set([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
    // Its first 4 bytes claim a message longer than the 4 KiB sniffed.
    const claimsLong = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 37 + 11) & 0xff);
    new DataView(claimsLong.buffer).setInt32(0, 65_536, true);
    for (const bytes of [utf32, headed(100), headed(48), headed(512), shortcut, claimsLong])
      expect(await inputFormat(bytesSource('x.bin', bytes))).toBe('other');
    expect(await inputFormat(bytesSource('legacy.arrows', legacy))).toBe('arrow-stream');
  });
});
