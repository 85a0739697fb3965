import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdentity, hashFiles } from './hash-files';

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
  const at = (name: string): string => join(dir, name);
  writeFileSync(at('big.bin'), big);
  writeFileSync(at('small.bin'), small);
  const opened = (name: string) => ({ path: at(name), identity: fileIdentity(at(name)) });

  it("gives each file's SHA-256 and the one over all in order", () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // FIPS 180-2's example
    expect(hashFiles([opened('small.bin')])).toEqual({ each: [abc], all: abc });
    const digests = hashFiles([opened('big.bin'), opened('small.bin')]);
    expect(digests.each).toEqual([sha(big), sha(small)]);
    expect(digests.all).toBe(sha(big, small));
    expect(digests.all).toBe(sha(new Uint8Array(readFileSync(at('big.bin'))), small));
  });

  it('refuses a file that is no longer the one the load opened (grown, rewritten, replaced by another), naming it', () => {
    const unreadable = expect.objectContaining({ code: 'file-unreadable' });
    const grown = opened('small.bin');
    writeFileSync(at('small.bin'), new TextEncoder().encode('abcd'));
    expect(() => hashFiles([grown])).toThrow(/file 'small\.bin' changed while it was read \(3 bytes when opened, 4 now, modified since\)/);
    expect(() => hashFiles([grown])).toThrow(unreadable);
    const rewritten = opened('small.bin');
    utimesSync(at('small.bin'), new Date(2020, 0, 1), new Date(2020, 0, 1)); // same size, other modification time
    expect(() => hashFiles([rewritten])).toThrow(/modified since/);
    const replaced = opened('small.bin');
    writeFileSync(at('other.bin'), new TextEncoder().encode('abcd'));
    renameSync(at('other.bin'), at('small.bin')); // same name and size, another file
    expect(() => hashFiles([replaced])).toThrow(/another file now has its name/);
    expect(() => hashFiles([{ path: at('gone.bin'), identity: replaced.identity }])).toThrow(unreadable);
    expect(() => fileIdentity(dir)).toThrow(/not a regular file/);
  });
});
