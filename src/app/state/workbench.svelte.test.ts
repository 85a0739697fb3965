import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import type { BinResult, OpenResult, PanelLoadResult, PanelSummary, RunResult } from '../../lib/worker/protocol';
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
    const opened = { kind: 'panel', sources: [{ name: 'duck.arrow', sha256: sha }], sha256: sha, suggestion: { mapping: null }, preview: { columns: [], rows: [] } } as unknown as OpenResult;
    worker.reply({ type: 'done', id: worker.last().id, request: 'open', result: opened });
    await settle();
    const summary = (unit: 'hour' | 'day', unitFrom: PanelSummary['unitFrom']) =>
      ({ summary: { res: 9, unit, timeZone: 'America/Chicago', metadata: false, unitFrom, zoneFrom: 'override' }, report: {}, ms: 1 }) as unknown as PanelLoadResult;
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
});
