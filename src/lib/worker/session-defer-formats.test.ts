import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { OpenFile } from './protocol';
import { Session } from './session';

// `open`'s `deferHash` keeps the bytes read until they are hashed: only uncompressed Arrow files,
// whose kept bytes are the table's own buffers, are deferred; other formats are hashed as read.
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/io/compressed/${path}`, import.meta.url)));
const sample = (): Uint8Array => new Uint8Array(readFileSync(new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url)));
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const file = (name: string, bytes: Uint8Array): OpenFile => ({ name, bytes: bytes.slice().buffer });
const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
const CSV = new TextEncoder().encode('date,lat,lng\n2020-01-01,41.8,-87.6\n2020-01-02,41.9,-87.7\n');

describe('Session.open with deferHash: which files wait for their fingerprint', () => {
  it('an uncompressed Arrow file answers before its digest', async () => {
    const s = session();
    const opened = await s.open([file('sample.arrow', sample())], undefined, { deferHash: true });
    expect(opened.sha256).toBeNull();
    expect(s.hashing).toBe(true);
  });

  it.each([
    ['chicago-3000-lz4.arrow', () => fixture('chicago-3000-lz4.arrow')],
    ['chicago-3000-zstd.arrow', () => fixture('chicago-3000-zstd.arrow')],
    ['incidents.csv', () => CSV],
    // An IPC stream is read in chunks that straddle its messages: the reader joins them into copies, so the kept bytes are not the table's.
    ['sample-stream.arrow', () => tableToIPC(tableFromIPC(sample()), 'stream')],
  ])('%s (compressed Arrow, an Arrow stream, or not Arrow) is hashed before the answer, as without deferHash', async (name, bytes) => {
    const s = session();
    const opened = await s.open([file(name, bytes())], undefined, { deferHash: true });
    expect(opened.sha256).toBe(sha(bytes()));
    expect(opened.sources[0].sha256).toBe(sha(bytes()));
    expect(s.hashing).toBe(false);
    expect(await s.fingerprint(opened.generation)).toEqual({ sha256: sha(bytes()), hashes: [sha(bytes())] });
  });

  it('an uncompressed Arrow file with a CSV is hashed before the answer', async () => {
    const s = session();
    const opened = await s.open([file('a.arrow', sample()), file('b.csv', CSV)], undefined, { deferHash: true });
    expect(opened.sources.map((source) => source.sha256)).toEqual([sha(sample()), sha(CSV)]);
    expect(s.hashing).toBe(false);
  });
});
