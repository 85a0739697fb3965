import { describe, expect, it } from 'vitest';
import { fileHashes } from './file-hashes';
import { createSha256 } from './sha256-stream';

const hex = (...parts: string[]): string => {
  const hash = createSha256();
  for (const part of parts) hash.update(new TextEncoder().encode(part));
  return hash.hex();
};

describe('fileHashes (the fingerprints a load records)', () => {
  it("gives each file's SHA-256 and the one over all of them in order, from one pass over their pieces", () => {
    const hashes = fileHashes(2, createSha256);
    hashes.forFile(0).update(new TextEncoder().encode('ab'));
    hashes.forFile(0).update(new TextEncoder().encode('c'));
    hashes.forFile(1).update(new TextEncoder().encode('de'));
    expect(hashes.digests()).toEqual({ each: [hex('abc'), hex('de')], all: hex('abcde') });
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 B.1
  });

  it("gives one file's own digest as the one over all", () => {
    const hashes = fileHashes(1, createSha256);
    hashes.forFile(0).update(new TextEncoder().encode('abc'));
    expect(hashes.digests()).toEqual({ each: [hex('abc')], all: hex('abc') });
  });
});
