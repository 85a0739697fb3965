import { describe, expect, it } from 'vitest';
import { fakeWorker, settle, type FakeWorker } from '../../../test/fixtures/fake-worker';
import type { Request } from '../../lib/worker/protocol';
import { answer, binned, file, lastOf, loaded, openLoadBin, result } from '../../../test/fixtures/workbench-answers';
import { decodeExperiment } from '../experiment-url';
import { Workbench } from './workbench.svelte';

// The worker answers 'open' before the files' SHA-256 (sha256 null) and 'fingerprint' later: what the page does meanwhile.
const A = 'a'.repeat(64);
const E1 = 'e'.repeat(64);
const E2 = 'f'.repeat(64);
const OTHER = '0'.repeat(64);

/** Opens `name` and answers the open with its digest pending (its load is not answered). */
async function openPending(worker: FakeWorker, bench: Workbench, name: string): Promise<void> {
  void bench.openFiles([file(name)]);
  await settle();
  answer(worker, 'open', result(name, null, 1));
  await settle();
}

/** Opens, loads and bins a.arrow (its digest `sha256`, or pending with null), then asks for a claim check ("Check a claim"). */
async function claimAsked(sha256: string | null): Promise<{ worker: FakeWorker; bench: Workbench; checking: Promise<void> }> {
  const worker = fakeWorker();
  const bench = new Workbench(worker.client);
  await openLoadBin(worker, bench, 'a.arrow', sha256, 1);
  const checking = bench.checkClaim();
  await settle();
  expect(bench.claim.requested).toBe(true);
  return { worker, bench, checking };
}

describe('the page while the open files’ fingerprint is pending', () => {
  it('names no experiment (the address bar keeps no link to the files open before), and a worker death re-opens the files on screen', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    void bench.openFiles([file('b.arrow')]);
    await settle();
    answer(worker, 'open', result('b.arrow', null, 2));
    await settle();
    expect(bench.data.opened?.sources[0].name).toBe('b.arrow');
    // The page writes encodeExperiment(bench.current) to the address bar: nothing while b.arrow's digest is pending.
    expect(bench.current).toBeNull();
    worker.die('error', 'boom');
    await settle();
    const reopened = lastOf(worker, 'open') as Extract<Request, { type: 'open' }>;
    expect(reopened.files.map((f) => f.name)).toEqual(['b.arrow']);
    expect(bench.workerError).toBe('The worker stopped: boom. Hexcast restarted it; your loaded file is kept.');
  });

  it('a worker death with nothing open before keeps the files whose digest was pending', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openPending(worker, bench, 'b.arrow');
    worker.die('error', 'boom');
    await settle();
    expect(worker.sent.filter((r) => r.type === 'open')).toHaveLength(2);
    expect(bench.workerError).toBe('The worker stopped: boom. Hexcast restarted it; your loaded file is kept.');
  });

  it('a cancelled open while pending files are open says the data open before is still loaded', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openPending(worker, bench, 'b.arrow');
    void bench.openFiles([file('c.arrow')]);
    await settle();
    const cancelling = bench.cancelTask();
    await settle();
    const open = lastOf(worker, 'open').id;
    worker.reply({ type: 'done', id: lastOf(worker, 'cancel').id, request: 'cancel', result: undefined } as never);
    worker.reply({ type: 'error', id: open, error: { name: 'AbortError', code: 'aborted', message: 'Opening was cancelled' } });
    await cancelling;
    expect(bench.notice).toBe('Opening was cancelled: the data open before is still loaded.');
  });

  it('Run pressed before the digest waits for it, saying so: no run is posted until then, then it runs with the verified source', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1);
    expect(bench.runWait).toBeNull();
    const running = bench.start();
    await settle();
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    // It says why nothing starts yet, and a second press meanwhile adds no second run.
    expect(bench.runWait).toBe("Waiting for the files' SHA-256: the run starts once it is known (its report and link name the files by it).");
    void bench.start();
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(worker.sent.filter((r) => r.type === 'run')).toHaveLength(1);
    expect(bench.runWait).toBeNull();
    expect(bench.current?.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    void running;
  });

  it('a Run withdrawn while it waits (cancelRunWait) never starts; pressed again meanwhile, one run starts with the digest', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', null, 1);
    const first = bench.start();
    await settle();
    bench.cancelRunWait();
    expect(bench.runWait).toBeNull();
    const second = bench.start();
    await settle();
    expect(bench.runWait).not.toBeNull();
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await settle();
    expect(worker.sent.filter((r) => r.type === 'run')).toHaveLength(1);
    expect(bench.runWait).toBeNull();
    expect(bench.step).toBe('run');
    void first;
    void second;
  });
});

describe('a claim check asked for while the fingerprint is pending', () => {
  it('is dropped when its run never starts because other files were opened meanwhile: the next results do not open on the checker', async () => {
    const { worker, bench, checking } = await claimAsked(null);
    expect(bench.runWait).not.toBeNull();
    const first = lastOf(worker, 'fingerprint').id;
    await openLoadBin(worker, bench, 'b.arrow', null, 2);
    worker.reply({ type: 'done', id: first, request: 'fingerprint', result: { sha256: A, hashes: [A] } });
    await checking;
    expect(bench.runWait).toBeNull();
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    expect(bench.claim.requested).toBe(false);
  });

  it('is dropped, and the page says the run did not start, when the digest comes while a re-bin runs', async () => {
    const { worker, bench, checking } = await claimAsked(null);
    const bins = worker.sent.filter((r) => r.type === 'bin').length;
    void bench.setBinning({ ...bench.binning.settings, res: 8 });
    await settle();
    expect(worker.sent.filter((r) => r.type === 'bin')).toHaveLength(bins + 1); // posted, left unanswered
    expect(bench.binningWait).not.toBeNull();
    answer(worker, 'fingerprint', { sha256: A, hashes: [A] });
    await checking;
    expect(worker.sent.some((r) => r.type === 'run')).toBe(false);
    expect(bench.runWait).toBeNull();
    expect(bench.claim.requested).toBe(false);
    expect(bench.notice).toBe('The waiting run was not started: the binning changed meanwhile. Press Run again once the panel is binned.');
  });

  it('is dropped when its run is cancelled', async () => {
    const { worker, bench, checking } = await claimAsked(A);
    const run = lastOf(worker, 'run').id;
    worker.reply({ type: 'error', id: run, error: { name: 'AbortError', code: 'aborted', message: 'cancelled' } });
    await checking;
    expect(bench.run.status).toBe('cancelled');
    expect(bench.claim.requested).toBe(false);
  });
});

describe('the link check while the fingerprint is pending', () => {
  it('a second link restored meanwhile keeps its own expectation when the first link’s files pass', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore(decodeExperiment(`#v=1&file=a.arrow%40${E1}&res=8&bucket=day&model=naive`)!);
    void bench.openFiles([file('a.arrow')]);
    await settle();
    answer(worker, 'open', result('a.arrow', null, 1));
    await settle();
    const fingerprint = lastOf(worker, 'fingerprint').id;
    // The user follows another link (a hashchange): another file.
    await bench.restore(decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=8&bucket=day&model=naive`)!);
    worker.reply({ type: 'done', id: fingerprint, request: 'fingerprint', result: { sha256: E1, hashes: [E1] } });
    await settle();
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]);
    // An unrelated x.arrow (its digest known at once) is refused by the second link.
    const second = bench.openFiles([file('x.arrow')]);
    await settle();
    answer(worker, 'open', result('x.arrow', OTHER, 2));
    await second;
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]);
  });

  it('a worker death while a link’s files are checked: the files opened again are checked for that link', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore(decodeExperiment(`#v=1&file=a.arrow%40${E1}&res=8&bucket=day&model=naive`)!);
    await openPending(worker, bench, 'a.arrow');
    worker.die('error', 'boom');
    await settle();
    // The restarted worker is sent a.arrow again; its digest is pending there too.
    answer(worker, 'open', result('a.arrow', null, 1));
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    expect(bench.notice).toBe('Checking the files against the link (SHA-256)…');
    answer(worker, 'fingerprint', { sha256: E1, hashes: [E1] });
    await settle();
    expect(bench.notice).toBe('Files verified. Press Run to reproduce the linked experiment.');
    expect(bench.current?.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: E1 }] });
    // The link is done: files opened later are neither loaded with its mapping nor said to be verified for it.
    bench.notice = null;
    await openLoadBin(worker, bench, 'z.arrow', null, 2);
    answer(worker, 'fingerprint', { sha256: OTHER, hashes: [OTHER] });
    await settle();
    expect(bench.notice).toBeNull();
    expect(bench.data.openError).toBeNull();
  });

  it('a second link restored while the first link’s files load keeps its own notice when their bin ends before the digest', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore(decodeExperiment(`#v=1&file=a.arrow%40${E1}&res=8&bucket=day&model=naive`)!);
    await openPending(worker, bench, 'a.arrow');
    await bench.restore(decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=8&bucket=day&model=naive`)!);
    const notice = bench.notice;
    expect(notice).toContain('This link was made with x.arrow');
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    expect(bench.notice).toBe(notice);
    expect(bench.step).toBe('data');
  });

  it('files refused when their digest comes during the load: the load is cancelled in the worker, the link’s notice stays', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await bench.restore(decodeExperiment(`#v=1&file=a.arrow%40${E1}&res=8&bucket=day&model=naive`)!);
    const notice = bench.notice;
    expect(notice).toContain('This link was made with a.arrow');
    const opening = bench.openFiles([file('a.arrow')]);
    await settle();
    answer(worker, 'open', result('a.arrow', null, 1));
    await settle();
    const load = lastOf(worker, 'load').id;
    answer(worker, 'fingerprint', { sha256: OTHER, hashes: [OTHER] });
    await settle();
    expect(worker.sent.some((r) => r.type === 'cancel' && r.target === load)).toBe(true);
    worker.reply({ type: 'error', id: load, error: { name: 'AbortError', code: 'aborted', message: 'cancelled' } });
    await opening;
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.notice).toBe(notice);
  });

  it('files refused at once after other files were binned: the page forgets those too (the worker let them go), as when refused later', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    expect(bench.binning.result).not.toBeNull();
    // The user follows a link made with x.arrow, then picks y.arrow, whose digest is known at open (a CSV, say).
    await bench.restore(decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=8&bucket=day&model=naive`)!);
    const refused = bench.openFiles([file('y.arrow')]);
    await settle();
    answer(worker, 'open', result('y.arrow', OTHER, 2));
    await refused;
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    // The worker opened y.arrow and so let a.arrow's load and panel go: nothing of a.arrow may stay on the page.
    expect(bench.data.source).toBeNull();
    expect(bench.data.files).toBeNull();
    expect(bench.binning.result).toBeNull();
    expect(bench.current).toBeNull();
    expect([...bench.reachable]).toEqual(['data']);
    expect(bench.step).toBe('data');
    expect(bench.notice).toContain('This link was made with x.arrow: choose the same file');
    expect(bench.data.expected).toEqual([{ name: 'x.arrow', sha256: E2 }]);
    expect(worker.sent.filter((r) => r.type === 'load')).toHaveLength(1); // no load of the refused files
  });

  it('the address: the files open, none while other files’ digest is pending, the link followed while it waits for its files', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    await openLoadBin(worker, bench, 'a.arrow', A, 1);
    expect(bench.address?.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: A }] });
    // b.arrow's digest is pending: the address must not go on naming a.arrow.
    const opening = bench.openFiles([file('b.arrow')]);
    await settle();
    answer(worker, 'open', result('b.arrow', null, 2));
    await settle();
    expect(bench.address).toBeNull();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await settle();
    worker.reply({ type: 'done', id: lastOf(worker, 'fingerprint').id, request: 'fingerprint', result: { sha256: E1, hashes: [E1] } });
    await opening;
    await settle();
    expect(bench.address?.source).toEqual({ kind: 'files', files: [{ name: 'b.arrow', sha256: E1 }] });
    // A link to x.arrow is followed: the address keeps it (not b.arrow with the link's settings) while it waits, and after a refusal.
    const link = decodeExperiment(`#v=1&file=x.arrow%40${E2}&res=9&bucket=week&model=naive`)!;
    await bench.restore(link);
    expect(bench.address).toBe(link);
    const refused = bench.openFiles([file('y.arrow')]);
    await settle();
    answer(worker, 'open', result('y.arrow', OTHER, 3));
    await refused;
    expect(bench.address).toBe(link);
    // Its files come and pass: the address names the experiment as it stands.
    const verified = bench.openFiles([file('x.arrow')]);
    await settle();
    answer(worker, 'open', result('x.arrow', E2, 4));
    await settle();
    answer(worker, 'load', loaded);
    await settle();
    answer(worker, 'bin', binned);
    await verified;
    expect(bench.address).not.toBe(link);
    expect(bench.address?.source).toEqual({ kind: 'files', files: [{ name: 'x.arrow', sha256: E2 }] });
    expect(bench.address?.binning.res).toBe(9);
  });
});
