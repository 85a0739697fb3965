import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import type { BinResult, LoadResult, OpenResult } from '../../lib/worker/protocol';
import { BinningState } from './binning.svelte';
import { DataState } from './data.svelte';
import { Workbench } from './workbench.svelte';

const opened = {
  sources: [{ name: 'a.arrow', sha256: 'a'.repeat(64), rows: 3 }],
  sha256: 'a'.repeat(64),
  suggestion: { mapping: null },
  preview: { columns: [], rows: [] },
} as unknown as OpenResult;
const mapping = { time: { column: 't' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' } };

describe('opening with progress and Cancel', () => {
  it('posts the File itself, shows bytes and rows read, and a cancelled open keeps what was open before', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    const file = new File([new Uint8Array(10)], 'a.arrow');
    const first = data.openFiles([file]);
    await settle();
    expect(worker.last()).toMatchObject({ type: 'open', files: [{ name: 'a.arrow', file }] });
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened });
    expect(await first).toBe(true);

    const second = data.openFiles([new File([new Uint8Array(2000)], 'b.arrow')]);
    await settle();
    const openId = worker.last().id;
    expect(data.progress).toMatchObject({ stage: 'open', label: 'Opening b.arrow', bytes: 0, size: 2000 });
    worker.reply({
      type: 'progress',
      id: openId,
      progress: { stage: 'read', file: 0, files: 1, name: 'b.arrow', bytes: 1000, size: 2000, rows: 5, batches: 1 },
    });
    expect(data.progress).toMatchObject({ bytes: 1000, size: 2000, rows: 5 });

    const cancelling = data.cancel();
    await settle();
    expect(worker.last()).toMatchObject({ type: 'cancel', target: openId });
    worker.reply({ type: 'error', id: openId, error: { name: 'AbortError', code: 'aborted', message: 'Opening was cancelled' } });
    worker.reply({ type: 'done', id: worker.last().id, request: 'cancel', result: { cancelled: true } });
    expect(await cancelling).toBe('kept');
    expect(await second).toBe(false);
    expect(data.opened).toBe(opened);
    expect(data.openError).toBeNull();
    expect(data.progress).toBeNull();
    expect(data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: 'a'.repeat(64) }] });
  });

  it('decoding reports rows decoded; a cancelled decode is stopped in the worker and abandoned: its late answer is ignored and the open data forgotten', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    const first = data.openFiles([new File([new Uint8Array(1)], 'a.arrow')]);
    await settle();
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened });
    await first;
    const loading = data.load(mapping);
    const loadId = worker.last().id;
    expect(data.progress).toMatchObject({ stage: 'load', label: 'Decoding 3 rows', rows: 3 });
    worker.reply({ type: 'progress', id: loadId, progress: { stage: 'read', file: 0, files: 1, name: 'a.arrow', bytes: 1, size: 1, rows: 2, batches: 1 } });
    expect(data.progress).toMatchObject({ stage: 'load', label: 'Decoding 3 rows', rows: 2, bytes: 1, size: 1 }); // rows decoded so far
    expect(await data.cancel()).toBe('forgotten');
    expect(worker.last()).toMatchObject({ type: 'cancel', target: loadId }); // the worker stops between record batches
    worker.reply({ type: 'done', id: loadId, request: 'load', result: { report: { kept: 3 } } as unknown as LoadResult });
    expect(await loading).toBe(false);
    expect(data.loaded).toBeNull();
    expect(data.opened).toBeNull();
    expect(data.source).toBeNull();
  });
});

describe('the panel budget', () => {
  it('every bin carries the budget as maxValues, and a panel-too-large refusal asks for the grids that fit', async () => {
    const worker = fakeWorker();
    const binning = new BinningState(worker.client, { mb: 0.2, why: 'test' });
    const settings = { res: 9, unit: 'day' as const, timeZone: null, categories: null };
    const applying = binning.apply(settings);
    // A refusal may name only the resolutions the Binning step offers.
    expect(worker.last()).toMatchObject({ type: 'bin', settings: { ...settings, maxValues: 50_000, coarserAdvice: [5, 6, 7, 8, 9, 10] } });
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'InputError', code: 'panel-too-large', message: 'too large' } });
    expect(await applying).toBe(false);
    expect(worker.last()).toMatchObject({ type: 'panel-choices', settings: { maxValues: 50_000 }, resolutions: [5, 6, 7, 8, 9, 10] });
    const choices = {
      wanted: { res: 9, unit: 'day', periods: 100, cells: 1000, bytes: 408_800 },
      maxValues: 50_000,
      choices: [{ res: 7, unit: 'day', periods: 100, cells: 40, bytes: 17_120 }],
    };
    worker.reply({ type: 'done', id: worker.last().id, request: 'panel-choices', result: choices } as never);
    await settle();
    expect(binning.refusal).toEqual(choices);
    expect(binning.settings).toEqual(settings); // the budget is not part of the experiment's settings
  });
});

describe('a streamed file decoded again for a category filter', () => {
  const all = { res: 8, unit: 'week' as const, timeZone: null, categories: null };
  const burglary = { ...all, categories: ['BURGLARY'] };
  const binned = { kind: 'incidents', cells: ['88'], geometry: null, report: { binned: 3 } } as unknown as BinResult;

  /** A workbench whose open file (3 rows, 2,000 bytes) was binned with all categories, then asked for BURGLARY: the bin's id. */
  async function rebinning(): Promise<{ bench: Workbench; worker: ReturnType<typeof fakeWorker>; id: number; setting: Promise<void> }> {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    bench.data.opened = { ...opened, sources: [{ ...opened.sources[0], bytes: 2000 }] } as OpenResult;
    const first = bench.setBinning(all);
    worker.reply({ type: 'done', id: worker.last().id, request: 'bin', result: binned });
    await first;
    const setting = bench.setBinning(burglary);
    const id = worker.last().id;
    expect(worker.last()).toMatchObject({ type: 'bin', settings: { categories: ['BURGLARY'] } });
    return { bench, worker, id, setting };
  }

  it("shows the decode as the Binning step's task, with bytes read and rows decoded; Cancel stops it in the worker and the panel shown stays, with its settings", async () => {
    const { bench, worker, id, setting } = await rebinning();
    expect(bench.task).toBeNull(); // a re-bin without a decode is no task: the map is marked 'updating'
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    expect(bench.task).toMatchObject({ stage: 'bin', label: 'Decoding 3 rows again for BURGLARY', bytes: 0, size: 2000, rows: 0 });
    worker.reply({ type: 'progress', id, progress: { stage: 'read', file: 0, files: 1, name: 'a.arrow', bytes: 1000, size: 2000, rows: 2, batches: 1 } });
    expect(bench.task).toMatchObject({ bytes: 1000, size: 2000, rows: 2 });

    const cancelling = bench.cancelTask();
    await settle();
    expect(worker.last()).toMatchObject({ type: 'cancel', target: id });
    worker.reply({ type: 'error', id, error: { name: 'AbortError', code: 'aborted', message: 'Decoding the category filter was cancelled' } });
    worker.reply({ type: 'done', id: worker.last().id, request: 'cancel', result: { cancelled: true } });
    await cancelling;
    await setting;
    expect(bench.task).toBeNull();
    expect(bench.binning.result).toBe(binned); // the panel binned before
    expect(bench.binning.settings).toEqual(all); // and the settings it was binned with
    expect(bench.binning.error).toBeNull();
    expect(bench.data.opened).not.toBeNull(); // the file stays open
    expect(bench.binning.cancelled).toBe('Decoding for the category filter was cancelled: the panel binned before is still shown, with its categories.');
    void bench.setBinning(burglary); // the note goes with the next bin
    expect(bench.binning.cancelled).toBeNull();
  });

  it('a decode that finished before Cancel reached the worker shows its panel and says so', async () => {
    const { bench, worker, id, setting } = await rebinning();
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    const cancelling = bench.cancelTask();
    await settle();
    const after = { ...binned, report: { binned: 1 } } as unknown as BinResult;
    worker.reply({ type: 'done', id, request: 'bin', result: after });
    worker.reply({ type: 'done', id: worker.last().id, request: 'cancel', result: { cancelled: false } });
    await cancelling;
    await setting;
    expect(bench.binning.result).toBe(after);
    expect(bench.binning.settings).toEqual(burglary);
    expect(bench.binning.cancelled).toBe('The category filter had been decoded before Cancel reached it: its panel is shown.');
  });

  const read = (rows: number) => ({ stage: 'read', file: 0, files: 1, name: 'a.arrow', bytes: rows * 500, size: 2000, rows, batches: rows }) as const;
  const cancelTargets = (worker: ReturnType<typeof fakeWorker>) => worker.sent.flatMap((r) => (r.type === 'cancel' ? [r.target] : []));
  /** Answers every cancel request sent so far. */
  const answerCancels = (worker: ReturnType<typeof fakeWorker>) => {
    for (const r of worker.sent) if (r.type === 'cancel') worker.reply({ type: 'done', id: r.id, request: 'cancel', result: { cancelled: true } });
  };
  const aborted = { name: 'AbortError', code: 'aborted', message: 'Decoding the category filter was cancelled' } as const;

  it('a newer bin with the same categories (the resolution slider) keeps the decode in flight shown, and its Cancel stops both', async () => {
    const { bench, worker, id, setting } = await rebinning();
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    const newer = bench.setBinning({ ...burglary, res: 9 });
    const newerId = worker.last().id;
    expect(cancelTargets(worker)).toEqual([]); // the newer bin waits for this decode and uses it
    worker.reply({ type: 'progress', id, progress: read(2) });
    expect(bench.task).toMatchObject({ stage: 'bin', label: 'Decoding 3 rows again for BURGLARY', bytes: 1000, rows: 2 });
    expect(bench.binningWait).toMatch(/decode/);

    const cancelling = bench.cancelTask();
    await settle();
    expect(cancelTargets(worker)).toEqual([id, newerId]);
    worker.reply({ type: 'error', id, error: aborted });
    worker.reply({ type: 'error', id: newerId, error: { ...aborted, message: 'Cancelled before it started' } });
    answerCancels(worker);
    await Promise.all([cancelling, setting, newer]);
    expect(bench.task).toBeNull();
    expect(bench.binning.busy).toBe(false);
    expect(bench.binning.result).toBe(binned);
    expect(bench.binning.settings).toEqual(all);
    expect(bench.binning.cancelled).toMatch(/^Decoding for the category filter was cancelled: the panel binned before is still shown/);
  });

  it('a newer bin with other categories cancels the decode in flight; if that decode had finished, a later Cancel shows its panel, which the worker holds', async () => {
    const { bench, worker, id, setting } = await rebinning();
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    const theft = { ...all, categories: ['THEFT'] };
    const newer = bench.setBinning(theft);
    const newerId = worker.last().id;
    await settle();
    expect(cancelTargets(worker)).toEqual([id]);
    expect(bench.binning.decoding).toBeNull(); // the old decode's progress is not the newer bin's
    worker.reply({ type: 'progress', id, progress: read(2) });
    expect(bench.task).toBeNull();
    // The BURGLARY bin was done before the cancel reached the worker; then THEFT's decode starts, and is cancelled.
    const burglaryPanel = { ...binned, report: { binned: 1 } } as unknown as BinResult;
    worker.reply({ type: 'done', id, request: 'bin', result: burglaryPanel });
    answerCancels(worker);
    await setting;
    expect(bench.binning.result).toBe(binned);
    worker.reply({ type: 'progress', id: newerId, progress: { stage: 'load', message: 'Decoding 3 rows again for THEFT' } });
    expect(bench.task).toMatchObject({ label: 'Decoding 3 rows again for THEFT' });
    const cancelling = bench.cancelTask();
    await settle();
    worker.reply({ type: 'error', id: newerId, error: aborted });
    answerCancels(worker);
    await Promise.all([cancelling, newer]);
    expect(bench.binning.result).toBe(burglaryPanel);
    expect(bench.binning.settings).toEqual(burglary);
  });

  it('a Cancel answered after a newer bin started leaves no stale note; a failed bin forgets the settings a cancel goes back to', async () => {
    const { bench, worker, id, setting } = await rebinning();
    worker.reply({ type: 'progress', id, progress: { stage: 'load', message: 'Decoding 3 rows again for BURGLARY' } });
    const cancelling = bench.cancelTask();
    await settle();
    const newer = bench.setBinning({ ...all, res: 7 });
    worker.reply({ type: 'error', id, error: aborted });
    answerCancels(worker);
    await Promise.all([cancelling, setting]);
    expect(bench.binning.cancelled).toBeNull();
    worker.reply({ type: 'error', id: worker.last().id, error: { name: 'HexcastError', code: 'panel-too-large', message: 'too big' } });
    await newer;
    expect(bench.binning.result).toBeNull();

    const theft = { ...all, categories: ['THEFT'] };
    const again = bench.setBinning(theft);
    const againId = worker.last().id;
    worker.reply({ type: 'progress', id: againId, progress: { stage: 'load', message: 'Decoding 3 rows again for THEFT' } });
    const cancelAgain = bench.cancelTask();
    await settle();
    worker.reply({ type: 'error', id: againId, error: aborted });
    answerCancels(worker);
    await Promise.all([cancelAgain, again]);
    expect(bench.binning.settings).toEqual(theft); // not the settings of a panel no longer shown
    expect(bench.binning.cancelled).toBe('Decoding for the category filter was cancelled: nothing is binned yet; choose the categories again.');
  });
});
