import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../test/fixtures/fake-worker';
import { answer, file, openLoadBin, result } from '../../test/fixtures/workbench-answers';
import { decodeExperiment } from './experiment-url';
import { pageHash } from './page-hash';
import { Workbench } from './state/workbench.svelte';

const A = 'a'.repeat(64);
const E = 'e'.repeat(64);
const LINK = `#v=1&file=x.arrow%40${E}&res=9&bucket=week&model=naive`;

/** What App.svelte's address effect would make of `hash` with the workbench as it stands. */
const hashFor = (bench: Workbench, hash: string): string | null => pageHash(bench.address, bench.data.files !== null, hash);

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
});
