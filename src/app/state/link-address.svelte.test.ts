/** A restored link's hold on the address and on the files opened next, and what a restarted worker re-opens (issue 14's link check, reviewed). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, settle, type FakeWorker } from '../../../test/fixtures/fake-worker';
import { answer, binned, file, lastOf, loaded, mapping, openLoadBin, result } from '../../../test/fixtures/workbench-answers';
import type { Experiment } from '../experiment';
import { decodeExperiment } from '../experiment-url';
import { SAMPLES } from '../samples';
import { Workbench } from './workbench.svelte';

const A = 'a'.repeat(64);
const E2 = 'f'.repeat(64);
const OTHER = '0'.repeat(64);
async function sampleOpens(worker: FakeWorker, opening: Promise<void>): Promise<void> {
  await settle();
  await settle();
  answer(worker, 'open', result(SAMPLES[0].file, A, 1));
  await settle();
  answer(worker, 'load', loaded);
  await settle();
  answer(worker, 'bin', binned);
  await opening;
}
afterEach(() => vi.unstubAllGlobals());

/** Kills the worker with `reason` and answers the page's re-open with `opened`. */
async function reopenAfterDeath(worker: FakeWorker, reason: string, opened: ReturnType<typeof result>): Promise<void> {
  worker.die('error', reason);
  await settle();
  answer(worker, 'open', opened);
  await settle();
  await settle();
}

/** Stubs `fetch` with one that answers a sample's one byte only when the returned function is called. */
function heldFetch(): () => void {
  let release = (): void => {};
  vi.stubGlobal('fetch', () => new Promise((resolve) => (release = () => resolve({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) }))));
  return () => release();
}
const filesLink = (): Experiment => decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=9&bucket=week&model=naive`)!;

describe('a restored link, the address and a restarted worker', () => {
  it('a sample link whose fetch fails lets go of the address: files opened later are named', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 404 }));
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const link = decodeExperiment(`#v=1&sample=${SAMPLES[0].id}&res=9&bucket=week&model=naive`)!;
    await bench.restore(link);
    expect(bench.data.openError).toContain('HTTP 404');
    expect(bench.address).toBeNull(); // the page keeps the address it was opened with (App writes nothing over it)
    await openLoadBin(worker, bench, 'mine.arrow', A, 2);
    expect(bench.address?.source).toEqual({ kind: 'files', files: [{ name: 'mine.arrow', sha256: A }] });
  });

  it('a sample link whose bin fails: the address follows the user’s own binning afterwards', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) }));
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const link = decodeExperiment(`#v=1&sample=${SAMPLES[0].id}&res=15&bucket=hour&model=naive`)!;
    const restoring = bench.restore(link);
    await settle();
    await settle();
    expect(bench.address).toBe(link); // while its sample opens
    answer(worker, 'open', result(SAMPLES[0].file, A, 1));
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    worker.reply({ type: 'error', id: lastOf(worker, 'bin').id, error: { name: 'HexcastError', message: 'too many cells' } } as never);
    await restoring;
    const rebinning = bench.setBinning({ ...bench.binning.settings, res: 7, unit: 'week' });
    await settle();
    answer(worker, 'bin', binned);
    await rebinning;
    expect(bench.current?.binning.res).toBe(7);
    expect(bench.address?.binning.res).toBe(7);
  });

  it('a sample chosen by hand gives up a files link: files opened next are not “verified” for it', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) }));
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore(decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=9&bucket=week&model=naive`)!);
    await sampleOpens(worker, bench.openSample(SAMPLES[0].id));
    expect(bench.data.expected).toBeNull();
    expect(bench.address?.source).toEqual({ kind: 'sample', id: SAMPLES[0].id });
    await openLoadBin(worker, bench, 'mine.arrow', OTHER, 2);
    expect(bench.notice ?? '').not.toContain('linked experiment');
    expect(lastOf(worker, 'load')).toMatchObject({ mapping }); // the file's own suggestion, not the link's mapping
  });

  it('a files link followed while a sample is fetched keeps its check: another file is refused', async () => {
    const release = heldFetch();
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const sample = bench.openSample(SAMPLES[0].id); // the start-up sample, still fetching
    const link = decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=9&bucket=week&model=naive`)!;
    await bench.restore(link); // a Recent entry clicked meanwhile
    release();
    await sampleOpens(worker, sample);
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]);
    expect(bench.address).toBe(link);
    const refused = bench.openFiles([file('whatever.arrow')]);
    await settle();
    answer(worker, 'open', result('whatever.arrow', OTHER, 2));
    await refused;
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.notice ?? '').not.toContain('Files verified');
  });

  it('a restarted worker whose re-open fails: the page forgets the data the new worker does not hold', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    worker.die('error', 'boom');
    await settle();
    worker.reply({ type: 'error', id: lastOf(worker, 'open').id, error: { name: 'NotReadableError', message: 'the file changed on disk' } } as never);
    await settle();
    await settle();
    expect(bench.data.openError).toContain('changed on disk');
    expect(bench.data.source).toBeNull();
    expect(bench.data.files).toBeNull();
    expect(bench.address).toBeNull();
    expect([...bench.reachable]).toEqual(['data']);
    expect(bench.workerError).toBe('The worker stopped: boom. Hexcast restarted it; your file could not be opened again and must be reloaded.');
  });

  it('a restarted worker re-opens the files the page had taken as they were, though a link followed since waits for others', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    const link = decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=9&bucket=week&model=naive`)!;
    await bench.restore(link);
    await reopenAfterDeath(worker, 'boom', result('a.arrow', A, 2));
    expect(bench.data.openError).toBeNull();
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    expect(bench.workerError).toContain('your loaded file is kept');
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]); // still waiting for its files
    expect(bench.address).toBe(link);
  });

  it('files taken with their digest pending and no link are re-opened as they were after a death, though a link was followed since', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1); // digest pending, no link: taken as they are
    await bench.restore(filesLink());
    await reopenAfterDeath(worker, 'boom', result('a.arrow', A, 2));
    expect(bench.data.openError).toBeNull();
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]);
  });

  it('taken files re-opened with their digest pending stay unchecked through a second death', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    await bench.restore(filesLink());
    worker.die('error', 'boom');
    await settle();
    answer(worker, 'open', result('a.arrow', null, 2)); // the real worker answers before it hashes
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    await settle();
    expect(bench.binning.result).not.toBeNull();
    await reopenAfterDeath(worker, 'again', result('a.arrow', A, 3));
    expect(bench.data.openError).toBeNull();
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
  });

  /** A link's candidate a.arrow, opened with its digest pending and binned, when the worker dies. */
  async function candidateAtDeath(worker: FakeWorker, bench: Workbench): Promise<void> {
    await bench.restore(filesLink());
    const opening = bench.openFiles([file('a.arrow')]);
    await settle();
    answer(worker, 'open', result('a.arrow', null, 1));
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    worker.die('error', 'boom');
    await opening;
    await settle();
  }

  it('a link’s candidate re-opened after a death and refused when its digest comes: the banner says so, not “kept”', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await candidateAtDeath(worker, bench);
    answer(worker, 'open', result('a.arrow', null, 2));
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    answer(worker, 'fingerprint', { sha256: OTHER, hashes: [OTHER] });
    await settle();
    await settle();
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.data.source).toBeNull();
    expect(bench.workerError).toBe(
      'The worker stopped: boom. Hexcast restarted it; the files opened again are not the ones the link was made with, and were let go.',
    );
  });

  it('a link’s candidate re-opened after a death and refused at once: the banner says so, not “must be reloaded”', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await candidateAtDeath(worker, bench);
    answer(worker, 'open', result('a.arrow', OTHER, 2));
    await settle();
    await settle();
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.workerError).toBe(
      'The worker stopped: boom. Hexcast restarted it; the files opened again are not the ones the link was made with, and were let go.',
    );
  });

  it('a files link followed while a sample link’s sample is fetched keeps its notice and step when the sample is binned', async () => {
    const release = heldFetch();
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const restoring = bench.restore(decodeExperiment(`#v=1&sample=${SAMPLES[0].id}&res=9&bucket=week&model=naive`)!);
    await settle();
    const link = filesLink();
    await bench.restore(link);
    release();
    await sampleOpens(worker, restoring);
    expect(bench.notice).toContain('This link was made with x.arrow');
    expect(bench.step).toBe('data');
    expect(bench.address).toBe(link);
  });

  it('a second death while the first is recovered: the banner gives the second death’s reason', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    worker.die('error', 'first');
    await settle();
    worker.die('error', 'second');
    await settle();
    await settle();
    expect(bench.workerError).toBe('The worker stopped: second. Hexcast restarted it; your file must be reloaded.');
  });

  it('a sample chosen by hand gives up the link’s study region and forecasts files too', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) }));
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore({ ...filesLink(), boundary: { name: 'city.geojson', sha256: E2 }, external: [{ name: 'vendor.csv', sha256: OTHER }] } as never);
    expect(bench.binning.expectedBoundary).not.toBeNull();
    expect(bench.external.expected).toHaveLength(1);
    await sampleOpens(worker, bench.openSample(SAMPLES[0].id));
    expect(bench.binning.expectedBoundary).toBeNull();
    expect(bench.external.expected).toEqual([]);
  });

  it('a link’s candidate re-opened after a death while another link is followed is taken as it is, as it would be without the death', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await candidateAtDeath(worker, bench);
    const other = decodeExperiment(`#v=1&file=y.arrow%40${'b'.repeat(64)}&res=9&bucket=week&model=naive`)!;
    await bench.restore(other); // while the files open again
    answer(worker, 'open', result('a.arrow', OTHER, 2));
    await settle();
    await settle();
    expect(bench.data.openError).toBeNull();
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: OTHER }] });
    expect(bench.data.expected).toEqual([{ name: 'y.arrow', sha256: 'b'.repeat(64) }]); // the link followed still waits
    expect(bench.workerError).toContain('your loaded file is kept');
    expect(bench.address).toBe(other);
  });
});
