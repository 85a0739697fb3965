import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { random as seeded } from '../base/random';
import { fileHashes } from './file-hashes';
import { createSha256 } from './sha256-stream';
import { fastestSha256, wasmSha256 } from './wasm-sha256';

const text = (s: string) => new TextEncoder().encode(s);
const node = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

describe('wasmSha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], // FIPS 180-2, empty message
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'], // FIPS 180-2 B.1
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'], // B.2
  ])('of %j is the published test vector', async (input, digest) => {
    const hash = (await wasmSha256())();
    hash.update(text(input));
    expect(hash.hex()).toBe(digest);
  });

  it("gives node:crypto's and createSha256's digest for every split, across block edges", async () => {
    const make = await wasmSha256();
    const rng = seeded(7);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
      const bytes = Uint8Array.from({ length }, () => rng.int(256));
      for (const size of [length || 1, 1, 61, 64, 65_537]) {
        const wasm = make();
        const pure = createSha256();
        for (let at = 0; at < length; at += size) {
          wasm.update(bytes.subarray(at, at + size));
          pure.update(bytes.subarray(at, at + size));
        }
        const digest = wasm.hex();
        expect(digest).toBe(node(bytes));
        expect(pure.hex()).toBe(digest);
      }
    }
  });

  it("keeps streams fed in turn apart: each file's digest and the one over all files, as fileHashes feeds them", async () => {
    const rng = seeded(3);
    const files = [5000, 131, 64].map((length) => Uint8Array.from({ length }, () => rng.int(256)));
    const hashes = fileHashes(files.length, await wasmSha256());
    files.forEach((bytes, i) => {
      for (let at = 0; at < bytes.length; at += 97) hashes.forFile(i).update(bytes.subarray(at, at + 97));
    });
    const { each, all } = hashes.digests();
    expect(each).toEqual(files.map((bytes) => node(bytes)));
    expect(all).toBe(node(...files));
  });

  it('refuses a stream used after hex()', async () => {
    const hash = (await wasmSha256())();
    hash.hex();
    expect(() => hash.update(text('a'))).toThrow(/after hex/);
  });
});

describe('fastestSha256', () => {
  it('is the WebAssembly hash where WebAssembly compiles, made once', async () => {
    const make = await fastestSha256();
    expect(make).not.toBe(createSha256);
    expect(await fastestSha256()).toBe(make);
    const hash = make();
    hash.update(text('abc'));
    expect(hash.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
