import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test/fixtures/fake-worker';
import type { RunResult } from '../../lib/worker/protocol';
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
    bench.experiment.setProtocol('folds', 26);
    expect(bench.stale).toBe(false);
  });
});
