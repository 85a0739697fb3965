import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFiles } from './hash-files';

const sha = (...parts: Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

describe('hashFiles (the CLI fingerprints its inputs on the binning thread)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hexcast-hash-'));
  // 9 MiB + 5 bytes: more than two of its 4 MiB reads, the last one short.
  const big = Uint8Array.from({ length: (9 << 20) + 5 }, (_, i) => (i * 2654435761) >>> 24);
  const small = new TextEncoder().encode('abc');
  writeFileSync(join(dir, 'big.bin'), big);
  writeFileSync(join(dir, 'small.bin'), small);
  const paths = [join(dir, 'big.bin'), join(dir, 'small.bin')];

  it("gives each file's SHA-256 and the one over all in order", () => {
    expect(hashFiles([paths[1]], [3])).toEqual({
      each: ['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      all: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    const digests = hashFiles(paths, [big.length, 3]);
    expect(digests.each).toEqual([sha(big), sha(small)]);
    expect(digests.all).toBe(sha(big, small));
    expect(digests.all).toBe(sha(new Uint8Array(readFileSync(paths[0])), small));
  });

  it('refuses a file whose length is not the one the load opened (it changed while read), naming it', () => {
    expect(() => hashFiles([paths[1]], [4])).toThrow(/file 'small\.bin' changed while it was read \(4 bytes when opened, 3 now\)/);
    expect(() => hashFiles([paths[0]], [big.length - 1])).toThrow(/changed while it was read .*more now/);
    try {
      hashFiles([paths[1]], [2]);
    } catch (error) {
      expect((error as { code: string }).code).toBe('file-unreadable');
    }
  });
});
