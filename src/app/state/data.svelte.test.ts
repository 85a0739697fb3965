import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { emptyDropCounts } from '../../lib/io/incidents';
import type { LoadResult, OpenResult, PanelLoadResult } from '../../lib/worker/protocol';
import { DataState } from './data.svelte';

const SHA = 'a'.repeat(64);
const opened = (sha256: string) =>
  ({ sources: [{ name: 'a.arrow', sha256 }], sha256, suggestion: { mapping: null }, preview: { columns: [], rows: [] } }) as unknown as OpenResult;
const mapping = { time: { column: 't' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' } };

describe('DataState', () => {
  it('openFiles refuses files whose SHA-256 differs from the ones a link expects, naming both', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    data.expected = [{ name: 'a.arrow', sha256: SHA }];
    const pending = data.openFiles([new File([new Uint8Array([1, 2, 3])], 'a.arrow')]);
    await settle();
    const request = worker.last();
    expect(request).toMatchObject({ type: 'open', files: [{ name: 'a.arrow' }] });
    worker.reply({ type: 'done', id: request.id, request: 'open', result: opened('b'.repeat(64)) });
    expect(await pending).toBe(false);
    expect(data.openError).toBe(
      `These are not the files the link was made with: it expects a.arrow (SHA-256 ${'a'.repeat(12)}…), got a.arrow (${'b'.repeat(12)}…).`,
    );
    expect(data.source).toBeNull();

    const again = data.openFiles([new File([new Uint8Array([1])], 'a.arrow')]);
    await settle();
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened(SHA) });
    expect(await again).toBe(true);
    expect(data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: SHA }] });
    expect(data.expected).toBeNull();
  });

  it('load places an input error next to its control, and a load that keeps no row too', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    const failing = data.load(mapping);
    worker.reply({
      type: 'error',
      id: worker.last().id,
      error: { name: 'InputError', code: 'column-type', message: "column 'lat' is not numeric", column: 'lat' },
    });
    expect(await failing).toBe(false);
    expect(data.loadError).toEqual({ field: 'location', message: "column 'lat' is not numeric" });

    const empty = data.load(mapping);
    const result = { report: { read: 3, kept: 0, dropped: { ...emptyDropCounts(), 'time-unparseable': 3 } }, summary: {}, ms: 1 } as unknown as LoadResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'load', result });
    expect(await empty).toBe(false);
    expect(data.loaded).toBe(result);
    expect(data.loadError?.field).toBe('time');
  });

  it('loadPanel keeps the panel and options read before when an override fails, and says why', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    const first = data.loadPanel({ timeZone: 'America/Chicago' });
    const panel = { summary: { unit: 'day' }, report: {}, ms: 1 } as unknown as PanelLoadResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'load-panel', result: panel });
    expect(await first).toBe(true);
    expect(data.panelOptions).toEqual({ timeZone: 'America/Chicago' });

    const second = data.loadPanel({ timeZone: 'America/Chicago', unit: 'week' });
    worker.reply({
      type: 'error',
      id: worker.last().id,
      error: { name: 'InputError', code: 'panel-bucket-unknown', message: 'period 2014-01-01T06:00:00.000Z is not the start of a week bucket' },
    });
    expect(await second).toBe(false);
    expect(data.panel).toBe(panel);
    expect(data.panelOptions).toEqual({ timeZone: 'America/Chicago' });
    expect(data.panelError).toBe('period 2014-01-01T06:00:00.000Z is not the start of a week bucket');
  });
});

describe('DataState: an open answered before its fingerprint (sha256 null)', () => {
  const pendingOpen = (generation: number) =>
    ({
      kind: 'incidents',
      generation,
      sources: [{ name: 'a.arrow', sha256: null }],
      sha256: null,
      suggestion: { mapping: null },
      preview: { columns: [], rows: [] },
    }) as unknown as OpenResult;

  /** Opens one file, answers the open with `result`, and returns the fingerprint request the page then made. */
  async function openPending(
    worker: ReturnType<typeof fakeWorker>,
    data: DataState,
    result: OpenResult,
  ): Promise<{ opened: Promise<boolean>; fingerprint: number }> {
    const opened = data.openFiles([new File([new Uint8Array([1])], 'a.arrow')]);
    await settle();
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result });
    await settle();
    const asked = worker.last();
    expect(asked).toMatchObject({ type: 'fingerprint', generation: result.generation });
    return { opened, fingerprint: asked.id };
  }

  it('pending → known: the files open at once, their SHA-256 and the link check’s verdict come with the fingerprint', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    data.expected = [{ name: 'a.arrow', sha256: SHA }];
    const { opened, fingerprint } = await openPending(worker, data, pendingOpen(1));
    expect(await opened).toBe(true);
    expect(data.fingerprinting).toBe(true);
    expect(data.checking).toEqual([{ name: 'a.arrow', sha256: SHA }]);
    expect(data.source).toBeNull(); // no experiment without the digest
    expect(data.opened?.sources[0].sha256).toBeNull();
    worker.reply({ type: 'done', id: fingerprint, request: 'fingerprint', result: { sha256: SHA, hashes: [SHA] } });
    expect(await data.verdict()).toBe(true);
    expect(data.fingerprinting).toBe(false);
    expect(data.checking).toBeNull();
    expect(data.opened?.sha256).toBe(SHA);
    expect(data.opened?.sources[0].sha256).toBe(SHA);
    expect(data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: SHA }] });
    expect(data.expected).toBeNull();
  });

  it('a mismatching link: the verdict refuses the files when the fingerprint comes, naming both, forgets them and keeps what the link expects', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    data.expected = [{ name: 'a.arrow', sha256: SHA }];
    const { opened, fingerprint } = await openPending(worker, data, pendingOpen(1));
    expect(await opened).toBe(true);
    const other = 'b'.repeat(64);
    worker.reply({ type: 'done', id: fingerprint, request: 'fingerprint', result: { sha256: other, hashes: [other] } });
    expect(await data.verdict()).toBe(false);
    expect(data.openError).toBe(
      `These are not the files the link was made with: it expects a.arrow (SHA-256 ${'a'.repeat(12)}…), got a.arrow (${'b'.repeat(12)}…).`,
    );
    expect(data.opened).toBeNull();
    expect(data.source).toBeNull();
    expect(data.checking).toBeNull();
    expect(data.expected).toEqual([{ name: 'a.arrow', sha256: SHA }]);
  });

  it('a second open while the first fingerprint is pending: the first one’s late answer is not attached to the new files', async () => {
    const worker = fakeWorker();
    const data = new DataState(worker.client);
    const first = await openPending(worker, data, pendingOpen(1));
    const second = await openPending(worker, data, pendingOpen(2));
    expect(await first.opened).toBe(true);
    // The first files' digest arrives after the second open: ignored.
    worker.reply({ type: 'done', id: first.fingerprint, request: 'fingerprint', result: { sha256: 'c'.repeat(64), hashes: ['c'.repeat(64)] } });
    await settle();
    expect(data.opened?.generation).toBe(2);
    expect(data.opened?.sha256).toBeNull();
    expect(data.source).toBeNull();
    expect(data.fingerprinting).toBe(true);
    worker.reply({ type: 'done', id: second.fingerprint, request: 'fingerprint', result: { sha256: SHA, hashes: [SHA] } });
    expect(await data.verdict()).toBe(true);
    expect(data.opened?.sha256).toBe(SHA);
    expect(data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: SHA }] });
  });
});
