import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { random as seeded } from '../base/random';
import { createSha256 } from './sha256-stream';
import { sha256Hex } from './sha256-hex';

const text = (s: string) => new TextEncoder().encode(s);

function digestInPieces(bytes: Uint8Array, sizes: readonly number[]): string {
  const hash = createSha256();
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    hash.update(bytes.subarray(at, at + size));
    at += size;
  }
  return hash.hex();
}

describe('createSha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], // FIPS 180-2, empty message
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'], // FIPS 180-2 B.1
    // FIPS 180-2 B.2: 448 bits, so the padding needs a second block
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('createSha256 of %j is the published test vector', (input, digest) => {
    const hash = createSha256();
    hash.update(text(input));
    expect(hash.hex()).toBe(digest);
  });

  it("createSha256 of a million 'a' fed in 1,000-byte pieces is FIPS 180-2 B.3's digest", () => {
    const hash = createSha256();
    const piece = new Uint8Array(1000).fill(0x61);
    for (let i = 0; i < 1000; i++) hash.update(piece);
    expect(hash.hex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('createSha256 gives the digest of Web Crypto and node:crypto for every split of the same bytes, across block edges', async () => {
    const rng = seeded(14);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097]) {
      const bytes = Uint8Array.from({ length }, () => rng.int(256));
      const web = await sha256Hex(bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(web);
      for (const sizes of [[length || 1], [1], [3, 61], [64], [65, 7, 200]]) expect(digestInPieces(bytes, sizes)).toBe(web);
    }
  });
});
