import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../evaluate/protocol';
import type { ColumnMapping } from '../io/column-mapping';
import type { OpenFile } from './protocol';
import { Session } from './session';

// The session side of the deferred fingerprint (`open`'s `deferHash`): the digests are today's
// — `sha256sum` of the real files in shared/data, each and over both in order (`cat a b | sha256sum`).
const data = (name: string): ArrayBuffer => {
  const bytes = readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};
const PLAINFIELD = 'plainfield-nj-crime-reports-2018.arrow';
const PORTLAND = 'portland-nij-burglary-vehicle-2012-2017.arrow';
const SHA = {
  [PLAINFIELD]: '1c6ef08199a955dcd1e217f5e123211fe406458e3b6e63de389631fbaf313480',
  [PORTLAND]: '2a88385d4bce17f89e8ff38dec933b1233520c0f7995ec6523cda8376c0d4cae',
  both: '559e5f02525dc8f4069a4fa2fe4e11adf6c77171f0143984d60ddf69d210c963',
};
const MAPPING: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};
const ENVIRONMENT = { hexcast: 'test', runtime: 'node', libraries: {} };
const file = (name: string): OpenFile => ({ name, bytes: data(name) });
const session = (): Session => new Session(() => Promise.reject(new Error('no tfjs here')));
const DEFER = { deferHash: true } as const;

/** Hashes in idle slices as the worker does (64 KiB each), counting them. */
function hashWhileIdle(s: Session): number {
  let slices = 0;
  for (; s.hashing; slices++) s.hashStep(64 * 1024);
  return slices;
}

describe('Session.open with deferHash: the answer before the fingerprint', () => {
  it('answers with sha256 null and a generation, then hashes in slices to the same digests as sha256sum, each and over all', async () => {
    const s = session();
    const opened = await s.open([file(PLAINFIELD), file(PORTLAND)], () => {}, DEFER);
    expect(opened.sha256).toBeNull();
    expect(opened.sources.map((source) => source.sha256)).toEqual([null, null]);
    expect(opened.generation).toBe(1);
    expect(s.hashing).toBe(true);
    const known = s.fingerprint(1);
    expect(hashWhileIdle(s)).toBeGreaterThan(9); // 618 KB in two passes (each file, then all): many slices
    expect(await known).toEqual({ sha256: SHA.both, hashes: [SHA[PLAINFIELD], SHA[PORTLAND]] });
    // Asked again once known, and the same as an open that hashed before answering.
    expect(await s.fingerprint(1)).toEqual(await known);
    const whole = await session().open([file(PLAINFIELD), file(PORTLAND)]);
    expect(whole.sha256).toBe(SHA.both);
    expect(whole.sources.map((source) => source.sha256)).toEqual([SHA[PLAINFIELD], SHA[PORTLAND]]);
  });

  it('a run while the fingerprint is pending finishes it first: the report names the real SHA-256, bin included', async () => {
    const s = session();
    await s.open([file(PORTLAND)], () => {}, DEFER);
    await s.load(MAPPING);
    s.bin({ res: 7, unit: 'month', timeZone: null, categories: null });
    expect(s.hashing).toBe(true);
    const result = await s.run(
      { models: ['naive'], protocol: protocolOf({ folds: 2, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      () => {},
    );
    expect(result.report.data.sha256).toBe(SHA[PORTLAND]);
    expect(s.hashing).toBe(false);
    expect(await s.fingerprint(1)).toEqual({ sha256: SHA[PORTLAND], hashes: [SHA[PORTLAND]] });
    // A bin after it carries the digest too.
    s.bin({ res: 7, unit: 'week', timeZone: null, categories: null });
    const again = await s.run(
      { models: ['naive'], protocol: protocolOf({ folds: 2, validation: 0 }), backend: 'auto', environment: ENVIRONMENT },
      new AbortController().signal,
      () => {},
    );
    expect(again.report.data.sha256).toBe(SHA[PORTLAND]);
  });

  it('a second open while the first fingerprint is pending: the first is refused (AbortError), never given the new files’ digest', async () => {
    const s = session();
    await s.open([file(PORTLAND)], () => {}, DEFER);
    const first = s.fingerprint(1);
    s.hashStep(64 * 1024); // part of it hashed
    const second = await s.open([file(PLAINFIELD)], () => {}, DEFER);
    expect(second.generation).toBe(2);
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(s.fingerprint(1)).rejects.toMatchObject({ name: 'AbortError' });
    const known = s.fingerprint(2);
    hashWhileIdle(s);
    expect(await known).toEqual({ sha256: SHA[PLAINFIELD], hashes: [SHA[PLAINFIELD]] });
  });

  it('a second open cancelled while the first fingerprint is pending leaves the first files and their fingerprint', async () => {
    const s = session();
    await s.open([file(PORTLAND)], () => {}, DEFER);
    const first = s.fingerprint(1);
    const controller = new AbortController();
    controller.abort();
    await expect(s.open([file(PLAINFIELD)], () => {}, { ...DEFER, signal: controller.signal })).rejects.toBeDefined();
    hashWhileIdle(s);
    expect(await first).toEqual({ sha256: SHA[PORTLAND], hashes: [SHA[PORTLAND]] });
  });

  it('a streamed open (streamFrom reached) is hashed as it is read: its answer carries the digests', async () => {
    const s = session();
    const opened = await s.open([file(PORTLAND)], () => {}, { ...DEFER, streamFrom: 1 });
    expect(opened.sha256).toBe(SHA[PORTLAND]);
    expect(opened.sources[0].sha256).toBe(SHA[PORTLAND]);
    expect(s.hashing).toBe(false);
    expect(await s.fingerprint(opened.generation)).toEqual({ sha256: SHA[PORTLAND], hashes: [SHA[PORTLAND]] });
  });
});
