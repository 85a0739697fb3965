import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import type { FakeWorker } from '../../../test/fixtures/fake-worker';
import { emptyDropCounts } from '../../lib/io/incidents';
import type { BinResult, LoadResult, OpenResult, PanelLoadResult, PanelSummary, Request, RunResult } from '../../lib/worker/protocol';
import { decodeExperiment } from '../experiment-url';
import { encodeExperiment } from '../experiment-url';
import { Workbench } from './workbench.svelte';

describe('Workbench', () => {
  it('knows which steps are reachable and when the result shown no longer matches the settings', () => {
    const bench = new Workbench(fakeWorker().client);
    expect([...bench.reachable]).toEqual(['data']);
    expect(bench.current).toBeNull();
    bench.data.source = { kind: 'sample', id: 'chicago-3-types-2014-2018' };
    bench.binning.result = { cells: [] } as never;
    expect([...bench.reachable]).toEqual(['data', 'binning', 'experiment', 'run']);
    bench.run.result = { models: [] } as unknown as RunResult;
    bench.ranWith = encodeExperiment(bench.current!);
    expect(bench.reachable.has('results')).toBe(true);
    expect(bench.stale).toBe(false);
    bench.experiment.setProtocol('folds', 3);
    expect(bench.stale).toBe(true);
    bench.experiment.setProtocol('folds', 'auto');
    expect(bench.stale).toBe(false);
  });

  it('restores a link made with a panel file: reads it with the link’s zone, then with its bucket when the periods alone give another', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const sha = 'c'.repeat(64);
    await bench.restore(decodeExperiment(`#v=1&file=duck.arrow%40${sha}&res=9&bucket=hour&tz=America%2FChicago&model=naive`)!);
    expect(bench.data.expected).toEqual([{ name: 'duck.arrow', sha256: sha }]);

    const opening = bench.openFiles([new File([new Uint8Array([1])], 'duck.arrow')]);
    await settle();
    const opened = {
      kind: 'panel',
      sources: [{ name: 'duck.arrow', sha256: sha }],
      sha256: sha,
      suggestion: { mapping: null },
      preview: { columns: [], rows: [] },
    } as unknown as OpenResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened });
    await settle();
    const summary = (unit: 'hour' | 'day', unitFrom: PanelSummary['unitFrom']) =>
      ({
        summary: { res: 9, unit, timeZone: 'America/Chicago', metadata: false, unitFrom, zoneFrom: 'override' },
        report: {},
        ms: 1,
      }) as unknown as PanelLoadResult;
    expect(worker.last()).toMatchObject({ type: 'load-panel', options: { timeZone: 'America/Chicago' } });
    worker.reply({ type: 'done', id: worker.last().id, request: 'load-panel', result: summary('day', 'periods') });
    await settle();
    expect(worker.last()).toMatchObject({ type: 'load-panel', options: { timeZone: 'America/Chicago', unit: 'hour' } });
    worker.reply({ type: 'done', id: worker.last().id, request: 'load-panel', result: summary('hour', 'override') });
    await settle();
    expect(worker.last().type).toBe('bin');
    worker.reply({ type: 'done', id: worker.last().id, request: 'bin', result: { kind: 'panel', cells: [], geometry: null } as unknown as BinResult });
    await opening;
    expect(bench.step).toBe('run');
    expect(bench.notice).toBe('Files verified. Press Run to reproduce the linked experiment.');
    expect(bench.current?.binning).toEqual({ res: 9, unit: 'hour', timeZone: 'America/Chicago', categories: null });
    expect(bench.current?.mapping).toBeNull();
  });

  describe('when the worker dies', () => {
    const SHA = 'd'.repeat(64);
    const mapping = { time: { column: 't' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' } };
    const opened = {
      kind: 'incidents',
      sources: [{ name: 'a.arrow', sha256: SHA }],
      sha256: SHA,
      suggestion: { mapping: null },
      preview: { columns: [], rows: [] },
    } as unknown as OpenResult;
    const loaded = { report: { read: 3, kept: 3, dropped: emptyDropCounts() }, summary: {}, ms: 1 } as unknown as LoadResult;
    const binned = { kind: 'incidents', res: 8, cells: ['88'], geometry: null } as unknown as BinResult;

    /** Settles until the app has sent a request of `type` (it reads the File first), and returns it. */
    async function sentNext(worker: FakeWorker, type: Request['type']): Promise<Request> {
      for (let i = 0; i < 20 && worker.last()?.type !== type; i++) await settle();
      expect(worker.last().type).toBe(type);
      return worker.last();
    }

    /** Opens a.arrow with the mapping and bins it, answering as the worker would. */
    async function openAndBin(worker: FakeWorker, bench: Workbench): Promise<void> {
      worker.reply({ type: 'done', id: (await sentNext(worker, 'open')).id, request: 'open', result: opened });
      worker.reply({ type: 'done', id: (await sentNext(worker, 'load')).id, request: 'load', result: loaded });
      worker.reply({ type: 'done', id: (await sentNext(worker, 'bin')).id, request: 'bin', result: binned });
      await sentNext(worker, 'resolution-cells'); // left unanswered: pending when the worker dies
      expect(bench.binning.result).toBe(binned);
    }

    it('says so on screen, restarts it and sends it the open file, mapping and binning again', async () => {
      const worker = fakeWorker();
      const bench = new Workbench(worker.client);
      const file = new File([new Uint8Array([7, 8, 9])], 'a.arrow');
      const opening = bench.openFiles([file], mapping);
      await openAndBin(worker, bench);
      await opening;
      bench.run.result = { models: [] } as unknown as RunResult;
      bench.step = 'results';
      const before = worker.sent.length;

      worker.die('error', 'Out of memory');
      expect(bench.workerError).toBe('The worker stopped: Out of memory. Hexcast restarted it; your loaded file is kept.');
      expect(worker.counts).toEqual({ spawned: 2, terminated: 1 });
      expect(bench.run.result).toBeNull(); // the run's forecasts lived in the old worker
      expect(bench.step).toBe('run');

      const reopen = await sentNext(worker, 'open');
      expect(worker.sent.indexOf(reopen)).toBe(before);
      expect(reopen).toMatchObject({ files: [{ name: 'a.arrow' }] });
      expect((reopen as Extract<Request, { type: 'open' }>).files[0]).toEqual({ name: 'a.arrow', file }); // the File itself, streamed by the worker
      expect(bench.binning.result).toBeNull();
      await openAndBin(worker, bench);
      expect(worker.sent.slice(before).map((r) => r.type)).toEqual(['open', 'load', 'bin', 'resolution-cells']);
      expect(worker.sent.find((r, i) => i > before && r.type === 'load')).toMatchObject({ mapping });
      expect(bench.data.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: SHA }] });
    });

    it('asks for the file again when it stops the restarted worker too', async () => {
      const worker = fakeWorker();
      const bench = new Workbench(worker.client);
      const opening = bench.openFiles([new File([new Uint8Array([1])], 'a.arrow')], mapping);
      await openAndBin(worker, bench);
      await opening;

      worker.die('error', 'Out of memory');
      await sentNext(worker, 'open');
      worker.die('messageerror');
      expect(bench.workerError).toBe('The worker stopped: it sent an answer that could not be read. Hexcast restarted it; your file must be reloaded.');
      expect(worker.counts).toEqual({ spawned: 3, terminated: 2 });
      expect(bench.data.source).toBeNull();
      expect(bench.binning.result).toBeNull();
      expect(bench.step).toBe('data');
      for (let i = 0; i < 5; i++) await settle();
      expect(worker.last().type).toBe('open'); // nothing more was sent to the third worker
      expect(worker.sent.filter((r) => r.type === 'open')).toHaveLength(2);
    });
  });
});

describe('Workbench.openFiles posts the load as the open is answered', () => {
  const SHA = 'e'.repeat(64);
  const mapping = { time: { column: 't' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' } };
  const opened = {
    kind: 'incidents',
    sources: [{ name: 'a.arrow', sha256: SHA, rows: 3 }],
    sha256: SHA,
    suggestion: { mapping },
    preview: { columns: [], rows: [] },
  } as unknown as OpenResult;
  const loaded = { report: { read: 3, kept: 3, dropped: emptyDropCounts() }, summary: {}, ms: 1 } as unknown as LoadResult;

  async function answerOpen(worker: FakeWorker): Promise<void> {
    for (let i = 0; i < 20 && worker.last()?.type !== 'open'; i++) await settle();
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened });
  }

  it('before the answer is in the page state (so before it is drawn), and only once', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const openedWhenPosted: unknown[] = [];
    const push = worker.sent.push.bind(worker.sent);
    worker.sent.push = (...requests: Request[]) => {
      for (const r of requests) if (r.type === 'load') openedWhenPosted.push(bench.data.opened);
      return push(...requests);
    };
    const opening = bench.openFiles([new File([new Uint8Array([1])], 'a.arrow')]);
    await answerOpen(worker);
    await settle();
    expect(openedWhenPosted).toEqual([null]);
    expect(worker.sent.filter((r) => r.type === 'load')).toEqual([expect.objectContaining({ mapping })]);
    expect(bench.data.progress).toMatchObject({ stage: 'load', label: 'Decoding 3 rows' });
    worker.reply({ type: 'done', id: worker.last().id, request: 'load', result: loaded });
    await settle();
    expect(bench.data.loaded).toBe(loaded);
    expect(worker.last().type).toBe('bin');
    void opening;
  });

  it('cancels an early load that a load with another mapping does not take over', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const opening = bench.data.openFiles([new File([new Uint8Array([1])], 'a.arrow')], () => mapping);
    await answerOpen(worker);
    await opening;
    const early = worker.sent.find((r) => r.type === 'load')!;
    const other = { ...mapping, time: { column: 'u' } };
    void bench.data.load(other);
    await settle();
    expect(worker.sent.filter((r) => r.type === 'cancel')).toEqual([expect.objectContaining({ target: early.id })]);
    expect(worker.sent.filter((r) => r.type === 'load')).toEqual([expect.objectContaining({ mapping }), expect.objectContaining({ mapping: other })]);
  });

  it('not for files that are not the ones a link expects', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    bench.data.expected = [{ name: 'a.arrow', sha256: 'f'.repeat(64) }];
    const opening = bench.openFiles([new File([new Uint8Array([1])], 'a.arrow')]);
    await answerOpen(worker);
    await opening;
    expect(worker.sent.map((r) => r.type)).toEqual(['open']);
    expect(bench.data.openError).toContain('These are not the files the link was made with');
  });
});

describe('Workbench: a link whose files are checked when their fingerprint comes (after the load and bin)', () => {
  const mapping = { time: { column: 't' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' } };
  const SHA = 'e'.repeat(64);
  const pending = {
    kind: 'incidents',
    generation: 1,
    sources: [{ name: 'a.arrow', sha256: null, rows: 3 }],
    sha256: null,
    suggestion: { mapping },
    preview: { columns: [], rows: [] },
  } as unknown as OpenResult;
  const loaded = { report: { read: 3, kept: 3, dropped: emptyDropCounts() }, summary: {}, ms: 1 } as unknown as LoadResult;
  const binned = { kind: 'incidents', cells: ['a'], geometry: null } as unknown as BinResult;

  /** Restores a link naming a.arrow@SHA, opens a file whose fingerprint is pending, answers load and bin; returns the opening and the fingerprint request's id. */
  async function openAndBin(worker: FakeWorker, bench: Workbench): Promise<{ opening: Promise<void>; fingerprint: number }> {
    await bench.restore(decodeExperiment(`#v=1&file=a.arrow%40${SHA}&res=8&bucket=day&model=naive`)!);
    const opening = bench.openFiles([new File([new Uint8Array([1])], 'a.arrow')]);
    await settle();
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: pending });
    await settle();
    const byType = (type: Request['type']) => worker.sent.find((r) => r.type === type)!;
    worker.reply({ type: 'done', id: byType('load').id, request: 'load', result: loaded });
    await settle();
    worker.reply({ type: 'done', id: byType('bin').id, request: 'bin', result: binned });
    await settle();
    return { opening, fingerprint: byType('fingerprint').id };
  }

  it('shows that the check is pending, then "Files verified" when the digest matches; a run waits for it', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const { opening, fingerprint } = await openAndBin(worker, bench);
    expect(bench.notice).toBe('Checking the files against the link (SHA-256)…');
    expect(bench.current).toBeNull(); // no experiment record without the digest
    worker.reply({ type: 'done', id: fingerprint, request: 'fingerprint', result: { sha256: SHA, hashes: [SHA] } });
    await opening;
    expect(bench.notice).toBe('Files verified. Press Run to reproduce the linked experiment.');
    expect(bench.step).toBe('run');
    expect(bench.current?.source).toEqual({ kind: 'files', files: [{ name: 'a.arrow', sha256: SHA }] });
  });

  it('refuses the files when the digest differs: the warning, the data and panel forgotten, back to the Data step, the link still waiting', async () => {
    const worker = fakeWorker();
    const bench = new Workbench(worker.client);
    const { opening, fingerprint } = await openAndBin(worker, bench);
    const other = '0'.repeat(64);
    worker.reply({ type: 'done', id: fingerprint, request: 'fingerprint', result: { sha256: other, hashes: [other] } });
    await opening;
    expect(bench.data.openError).toContain('These are not the files the link was made with');
    expect(bench.data.opened).toBeNull();
    expect(bench.data.loaded).toBeNull();
    expect(bench.binning.result).toBeNull();
    expect(bench.step).toBe('data');
    expect(bench.notice).toContain('This link was made with a.arrow: choose the same file'); // as when refused at once
    expect(bench.data.expected).toEqual([{ name: 'a.arrow', sha256: SHA }]);
    expect(bench.current).toBeNull();
  });
});
