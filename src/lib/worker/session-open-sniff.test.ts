import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sha256Factory } from '../io/sha256-stream';
import type { OpenFingerprint } from './open-fingerprint';
import type { OpenFile, Progress } from './protocol';
import { Session } from './session';

// `Session.open` sniffs each file once (`openStreamHeads`' plan) and decides from that whether to
// defer the SHA-256: only Arrow IPC *files* held whole wait; a stream is hashed as read, and a
// compressed file from its first compressed message on. The fingerprints made are counted here
// (`made`), and what they hold is read after every record batch.
const { made, factory } = vi.hoisted(() => ({
  made: [] as OpenFingerprint[],
  factory: { gate: null as Promise<void> | null },
}));
vi.mock('./open-fingerprint', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./open-fingerprint')>();
  class Counted extends actual.OpenFingerprint {
    constructor(make: Sha256Factory | Promise<Sha256Factory>) {
      super(make);
      made.push(this);
    }
  }
  return { ...actual, OpenFingerprint: Counted };
});
// The SHA-256 factory the worker makes (hash-wasm's compile): held back by `factory.gate` when set.
vi.mock('../io/wasm-sha256', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../io/wasm-sha256')>();
  const { createSha256 } = await import('../io/sha256-stream');
  return { ...actual, fastestSha256: async () => (await factory.gate, createSha256) };
});

const sample = (): Uint8Array => new Uint8Array(readFileSync(new URL('../../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url)));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/io/compressed/${name}`, import.meta.url)));
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** The bundled sample's rows (read by apache-arrow itself). */
const SAMPLE_ROWS = tableFromIPC(sample()).numRows;
const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
const file = (name: string, bytes: Uint8Array): OpenFile => ({ name, bytes: bytes.slice().buffer });

/** Opens `files` with `deferHash`, noting the most any fingerprint held after a record batch or chunk read. */
async function openCounting(s: Session, files: OpenFile[]): Promise<{ peak: number; lastRead: number }> {
  let peak = 0;
  let lastRead = 0;
  const onProgress = (p: Progress): void => {
    if (p.stage !== 'read') return;
    lastRead = made.reduce((sum, f) => sum + f.held, 0);
    peak = Math.max(peak, lastRead);
  };
  await s.open(files, onProgress, { deferHash: true });
  return { peak, lastRead };
}

afterEach(() => {
  made.length = 0;
  factory.gate = null;
});

describe('Session.open with deferHash: the format known once, before the read', () => {
  it('an Arrow IPC stream is never deferred: no fingerprint keeps its chunks during the read', async () => {
    const bytes = tableToIPC(tableFromIPC(sample()), 'stream');
    const s = session();
    const { peak } = await openCounting(s, [file('sample.arrows', bytes)]);
    expect(made).toHaveLength(0);
    expect(peak).toBe(0);
    expect(s.hashing).toBe(false);
    expect(await s.fingerprint(1)).toEqual({ sha256: sha(bytes), hashes: [sha(bytes)] });
  });

  it('an uncompressed Arrow file is deferred: its bytes are kept through the read (they are the table’s own buffers)', async () => {
    const bytes = sample();
    const s = session();
    const { lastRead } = await openCounting(s, [file('sample.arrow', bytes)]);
    expect(made).toHaveLength(1);
    expect(lastRead).toBeGreaterThan(bytes.length * 0.9); // all but the footer, read after the last batch
    expect(s.hashing).toBe(true);
    const known = s.fingerprint(1);
    while (s.hashing) s.hashStep(1 << 20);
    expect(await known).toEqual({ sha256: sha(bytes), hashes: [sha(bytes)] });
  });

  it.each(['chicago-3000-lz4.arrow', 'chicago-3000-zstd.arrow'])(
    '%s: from its first compressed message the kept bytes are hashed and dropped, the rest hashed as read; digests as sha256sum',
    async (name) => {
      const bytes = fixture(name);
      const s = session();
      const { peak } = await openCounting(s, [file(name, bytes)]);
      expect(made).toHaveLength(1); // deferred at first: found compressed mid-read
      expect(peak).toBe(0); // every batch read is compressed: nothing is kept past the first
      expect(s.hashing).toBe(false);
      const opened = await s.fingerprint(1);
      expect(opened).toEqual({ sha256: sha(bytes), hashes: [sha(bytes)] });
    },
  );

  it('an uncompressed Arrow file then a compressed one: the first file’s kept bytes are hashed at the second’s first compressed message; digests each and over both', async () => {
    const a = sample();
    const b = fixture('chicago-3000-lz4.arrow');
    const s = session();
    const { lastRead } = await openCounting(s, [file('a.arrow', a), file('b.arrow', b)]);
    expect(lastRead).toBe(0);
    expect(s.hashing).toBe(false);
    const both = createHash('sha256').update(a).update(b).digest('hex');
    expect(await s.fingerprint(1)).toEqual({ sha256: both, hashes: [sha(a), sha(b)] });
  });

  it('reads each file’s first bytes once (no separate sniff before the read), held or streamed', async () => {
    const bytes = sample();
    for (const streamFrom of [undefined, 1]) {
      const blobs = [new Blob([bytes.slice().buffer]), new Blob([bytes.slice().buffer])];
      const heads = blobs.map((blob) => {
        const slice = vi.spyOn(blob, 'slice');
        // A read of the head: from byte 0, longer than the 8-byte magic an Arrow file's first message-aligned piece is.
        return () => slice.mock.calls.filter(([start, end]) => start === 0 && (end ?? 0) > 8).length;
      });
      const s = session();
      const opened = await s.open(
        blobs.map((blob, i) => ({ name: `${i}.arrow`, file: blob as File })),
        undefined,
        { deferHash: true, streamFrom },
      );
      expect(heads.map((count) => count())).toEqual([1, 1]);
      expect(opened.sources.map((source) => source.rows)).toEqual([SAMPLE_ROWS, SAMPLE_ROWS]);
    }
  });

  it('a deferred open reads before the SHA-256 factory is ready (it is needed only to hash afterwards)', async () => {
    const events: string[] = [];
    let release!: () => void;
    factory.gate = new Promise<void>((resolve) => (release = resolve)).then(() => void events.push('factory'));
    const fallback = setTimeout(() => release(), 2000); // without the change the open waits for the factory: let it go on, to fail below
    const bytes = sample();
    const s = session();
    const opened = await s.open(
      [file('sample.arrow', bytes)],
      (p) => {
        if (p.stage !== 'read' || events.includes('read')) return;
        events.push('read');
        release();
      },
      { deferHash: true },
    );
    clearTimeout(fallback);
    expect(events).toEqual(['read', 'factory']);
    expect(opened.sha256).toBeNull();
    const known = s.fingerprint(opened.generation);
    while (s.hashing) s.hashStep(1 << 20);
    expect(await known).toEqual({ sha256: sha(bytes), hashes: [sha(bytes)] });
  });

  it('a compressed file met while the SHA-256 factory is still being made waits for it, and the digests are right', async () => {
    let release!: () => void;
    factory.gate = new Promise<void>((resolve) => (release = resolve));
    const held = setTimeout(() => release(), 300); // the compressed batch comes well before: the read must wait, not fail
    const first = sample();
    const second = fixture('chicago-3000-lz4.arrow');
    const s = session();
    const opened = await s.open([file('a.arrow', first), file('b.arrow', second)], undefined, { deferHash: true });
    clearTimeout(held);
    expect(opened.sha256).toBe(createHash('sha256').update(first).update(second).digest('hex'));
    expect(opened.sources.map((source) => source.sha256)).toEqual([sha(first), sha(second)]);
  });
});
