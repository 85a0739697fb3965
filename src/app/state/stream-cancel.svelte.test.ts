import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import type { LoadResult, OpenResult } from '../../lib/worker/protocol';
import { BinningState } from './binning.svelte';
import { DataState } from './data.svelte';

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
    expect(worker.last()).toMatchObject({ type: 'bin', settings: { ...settings, maxValues: 50_000 } });
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
