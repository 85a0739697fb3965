/** A restored link's hold on the address and on the files opened next, and what a restarted worker re-opens (issue 14's link check, reviewed). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, settle, type FakeWorker } from '../../../test/fixtures/fake-worker';
import { answer, binned, file, lastOf, loaded, mapping, openLoadBin, result } from '../../../test/fixtures/workbench-answers';
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
    let release!: () => void;
    vi.stubGlobal(
      'fetch',
      () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) });
        }),
    );
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
    worker.die('error', 'boom');
    await settle();
    answer(worker, 'open', result('a.arrow', A, 2));
    await settle();
    await settle();
    expect(bench.data.openError).toBeNull();
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    expect(bench.workerError).toContain('your loaded file is kept');
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]); // still waiting for its files
    expect(bench.address).toBe(link);
  });
});
