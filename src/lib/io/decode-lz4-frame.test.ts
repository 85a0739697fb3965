import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compressibleBytes } from '../../../test/fixtures/io/compressible-bytes';
import { decodeLz4Frame } from './decode-lz4-frame';
import { xxh32 } from './xxh32';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/io/compressed/${name}`, import.meta.url)));
const MAGIC = [0x04, 0x22, 0x4d, 0x18];

/** A frame made by hand: FLG/BD as given, the header checksum computed, then `body` (blocks and end mark). */
function frame(flg: number, bd: number, body: number[]): Uint8Array {
  const descriptor = Uint8Array.of(flg, bd);
  return Uint8Array.from([...MAGIC, flg, bd, (xxh32(descriptor) >>> 8) & 0xff, ...body]);
}
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const END = le32(0);

/** Where two byte arrays first differ (-1: equal): a fast and readable stand-in for deep equality on 100 KB. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

describe('decodeLz4Frame', () => {
  it.each([
    ['default.lz4', 100_000, 'one 4 MB block, content checksum'],
    ['block-checksums-256k.lz4', 100_000, 'block checksums'],
    ['no-checksum.lz4', 100_000, 'no content checksum'],
    ['linked-64k-content-size.lz4', 200_000, 'four linked 64 KB blocks whose matches cross block borders, content size'],
  ])('decodes %s, written by the lz4 command (%i bytes: %s)', (name, n) => {
    const out = decodeLz4Frame(fixture(name));
    expect(out.length).toBe(n);
    expect(firstDifference(out, compressibleBytes(n))).toBe(-1);
  });

  it('decodes a stored (uncompressed) block, an overlapping match, and concatenated frames with a skippable frame between', () => {
    // Block 1 stored: "abc". Block 2 compressed: token 0x1_4 → 1 literal 'x', then a match of
    // 4 + 4 = 8 bytes at offset 1 (copies 'x' onto itself: "xxxxxxxx"), then token 0x20 with 2
    // literals "yz" and no match (the block's last sequence).
    const first = frame(0x60, 0x40, [...le32(0x80000003), 0x61, 0x62, 0x63, ...le32(7), 0x14, 0x78, 0x01, 0x00, 0x20, 0x79, 0x7a, ...END]);
    const skippable = [0x5a, 0x2a, 0x4d, 0x18, ...le32(3), 1, 2, 3];
    const second = frame(0x60, 0x40, [...le32(0x80000001), 0x21, ...END]);
    const out = decodeLz4Frame(Uint8Array.from([...first, ...skippable, ...second]));
    expect(new TextDecoder().decode(out)).toBe('abcxxxxxxxxxyz!');
  });

  it.each([
    ['not a frame', Uint8Array.of(1, 2, 3, 4, 5), 'LZ4: expected the frame magic number 0x184D2204 at byte 0, found 0x4030201'],
    ['cut inside the descriptor', Uint8Array.of(...MAGIC, 0x60), 'LZ4: the data ends (5 bytes) inside the frame descriptor'],
    ['a preset dictionary', frame(0x61, 0x40, END), 'LZ4: the frame needs a preset dictionary, which Arrow files never use'],
    ['reserved bits', frame(0x60, 0x41, END), 'LZ4: reserved bits set in the frame descriptor at byte 4'],
    ['version 0', frame(0x20, 0x40, END), 'LZ4: frame version 0 at byte 4: expected version 1'],
    ['a block over the maximum', frame(0x60, 0x40, [...le32(70_000)]), "LZ4: a block at byte 7 claims 70000 bytes, over the frame's 65536-byte maximum"],
    ['a block past the end', frame(0x60, 0x40, [...le32(10), 0x00]), 'LZ4: a block at byte 7 runs past the end of the data (12 bytes)'],
    [
      'a match before the start',
      frame(0x60, 0x40, [...le32(4), 0x10, 0x61, 0x05, 0x00, ...END]),
      'LZ4: a match at byte 13 reaches 5 bytes back, before the start of the data',
    ],
    ['literals past the block', frame(0x60, 0x40, [...le32(2), 0x50, 0x61, ...END]), 'LZ4: 5 literals at byte 12 run past the end of their block (byte 13)'],
    [
      'a block that decodes past its maximum',
      frame(0x60, 0x40, [...le32(280), 0x1f, 0x61, 0x01, 0x00, ...Array<number>(275).fill(255), 0x00, ...END]),
      'LZ4: a block decodes to more than its 65536-byte maximum',
    ],
    ['no end mark', frame(0x60, 0x40, [...le32(0x80000001), 0x61]), 'LZ4: the data ends (12 bytes) inside a block size'],
  ])('refuses %s with a message saying what and where', (_, input, message) => {
    expect(() => decodeLz4Frame(input)).toThrow(message);
  });

  it('refuses a frame whose header checksum does not match', () => {
    const bad = frame(0x60, 0x40, END);
    bad[6] ^= 0xff;
    expect(() => decodeLz4Frame(bad)).toThrow('LZ4: the frame header checksum at byte 6 does not match');
  });

  it('refuses a damaged frame through its checksums: content (one flipped byte in the data) and block', () => {
    const content = fixture('default.lz4');
    content[5000] ^= 0x01;
    expect(() => decodeLz4Frame(content)).toThrow(`LZ4: the content checksum at byte ${content.length - 4} does not match`);
    const blocks = fixture('block-checksums-256k.lz4');
    blocks[5000] ^= 0x01;
    expect(() => decodeLz4Frame(blocks)).toThrow('LZ4: the checksum of the block at byte 7 does not match');
  });

  it('never hangs or returns wrong bytes on 300 seeded random corruptions of a frame', () => {
    const good = fixture('default.lz4');
    const want = compressibleBytes(100_000);
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 300; trial++) {
      const bad = good.slice();
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) bad[Math.floor(random() * bad.length)] ^= 1 + Math.floor(random() * 255);
      let out: Uint8Array | null = null;
      try {
        out = decodeLz4Frame(bad);
      } catch (error) {
        expect((error as Error).message).toMatch(/^LZ4: /);
      }
      if (out) expect(firstDifference(out, want)).toBe(-1); // only a change the checksums cannot see may decode, and then it must decode right
    }
  });

  it('refuses a content size beyond what the input can hold before reserving it (2^40 bytes from 22 input bytes)', () => {
    // FLG 0x68: version 1, independent blocks, content size present; BD 0x40: 64 KB blocks.
    const descriptor = Uint8Array.of(0x68, 0x40, 0, 0, 0, 0, 0, 1, 0, 0);
    const bytes = Uint8Array.from([...MAGIC, ...descriptor, (xxh32(descriptor) >>> 8) & 0xff, ...END]);
    expect(() => decodeLz4Frame(bytes)).toThrow(/^LZ4: the content size at byte 6 \(1099511627776 bytes\) is more than 19 input bytes can hold$/);
  });
});
