import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, settle } from '../../test/fixtures/fake-worker';
import { answer, file, lastOf, openLoadBin, result } from '../../test/fixtures/workbench-answers';
import { decodeExperiment } from './experiment-url';
import { SAMPLES } from './samples';
import { Workbench } from './state/workbench.svelte';

const A = 'a'.repeat(64);
const E = 'e'.repeat(64);
const LINK = `#v=1&file=x.arrow%40${E}&res=9&bucket=week&model=naive`;

/** What App.svelte's address effect makes of `hash` with the workbench as it stands (the same call). */
const hashFor = (bench: Workbench, hash: string): string | null => bench.pageHash(hash);
afterEach(() => vi.unstubAllGlobals());

describe('pageHash (the address bar, from the workbench)', () => {
  it('names the files open with their digest known, over any address before', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    const hash = hashFor(bench, LINK);
    expect(hash).toMatch(/^#v=1&file=a\.arrow%40a{64}&/);
    expect(decodeExperiment(hash!)?.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
  });

  it('clears the hash while files open whose digest is pending (it must not name the files before), and leaves an empty one', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    const before = hashFor(bench, '')!;
    await openLoadBin(worker, bench, 'b.arrow', null, 2);
    expect(hashFor(bench, before)).toBe('');
    expect(hashFor(bench, '')).toBeNull();
    answer(worker, 'fingerprint', { sha256: E, hashes: [E] });
    await settle();
    expect(hashFor(bench, '')).toMatch(/^#v=1&file=b\.arrow%40e{64}&/);
  });

  it('leaves the address as it is with nothing open (a link that could not be restored stays for the user to see)', () => {
    const bench = new Workbench(fakeWorker().client);
    expect(hashFor(bench, '#v=1&file=broken')).toBeNull();
    expect(hashFor(bench, '')).toBeNull();
  });

  it('keeps a followed link while it waits for its files, even once files open whose digest is pending', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const link = decodeExperiment(LINK)!;
    await bench.restore(link);
    // The link as followed, with its defaults written out.
    const followed = hashFor(bench, LINK)!;
    expect(followed.startsWith(`${LINK}&horizon=1&`)).toBe(true);
    expect(decodeExperiment(followed)).toEqual(link);
    void bench.openFiles([file('x.arrow')]);
    await settle();
    answer(worker, 'open', result('x.arrow', null, 1));
    await settle();
    expect(bench.data.files).not.toBeNull();
    expect(hashFor(bench, LINK)).toBe(followed);
  });

  it('clears the hash it wrote once a cancelled load forgets its files (a reload would ask for them)', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const opening = bench.openFiles([file('a.arrow')]);
    await settle();
    answer(worker, 'open', result('a.arrow', A, 1));
    await settle();
    const named = hashFor(bench, '')!;
    expect(named).toMatch(/^#v=1&file=a\.arrow%40a{64}&/);
    const cancelling = bench.cancelTask(); // the load is in flight
    await settle();
    worker.reply({ type: 'error', id: lastOf(worker, 'load').id, error: { name: 'AbortError', code: 'aborted', message: 'Decoding was cancelled' } });
    worker.reply({ type: 'done', id: lastOf(worker, 'cancel').id, request: 'cancel', result: { cancelled: true } } as never);
    await cancelling;
    await opening;
    expect(bench.data.files).toBeNull();
    expect(hashFor(bench, named)).toBe('');
    expect(hashFor(bench, '')).toBeNull();
  });

  it('clears the hash it wrote once a restarted worker could not open its files again', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    const named = hashFor(bench, '')!;
    worker.die('error', 'boom');
    await settle();
    worker.reply({ type: 'error', id: lastOf(worker, 'open').id, error: { name: 'NotReadableError', message: 'the file changed on disk' } } as never);
    await settle();
    await settle();
    expect(bench.data.files).toBeNull();
    expect(hashFor(bench, named)).toBe('');
  });

  it('keeps a followed link the page could not restore, though it wrote the link out while restoring it', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 404 }));
    const bench = new Workbench(fakeWorker().client);
    const restoring = bench.restore(decodeExperiment(`#v=1&sample=${SAMPLES[0].id}&res=9&bucket=week&model=naive`)!);
    const followed = hashFor(bench, '#v=1&sample=x')!;
    expect(followed).toMatch(/^#v=1&sample=/);
    await restoring;
    expect(bench.data.openError).toContain('HTTP 404');
    expect(hashFor(bench, followed)).toBeNull();
  });

  it('keeps a link followed in place of the one it wrote, once the data it named is forgotten', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    hashFor(bench, '');
    worker.die('error', 'boom');
    await settle();
    worker.reply({ type: 'error', id: lastOf(worker, 'open').id, error: { name: 'NotReadableError', message: 'the file changed on disk' } } as never);
    await settle();
    await settle();
    expect(hashFor(bench, '#v=1&file=broken')).toBeNull();
  });
});
