import { describe, expect, it } from 'vitest';
import type { WorkerClient } from '../../lib/worker/client';
import type { Progress } from '../../lib/worker/protocol';
import { LatestLessonRun } from './latest-lesson-run.svelte';

/** A worker client whose calls the test answers by hand, in any order. */
function fakeClient() {
  const calls: { id: number; resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void }[] = [];
  const cancelled: number[] = [];
  const client = {
    start(_type: string, _payload: unknown, options: { onProgress?: (p: Progress) => void }) {
      const id = calls.length + 1;
      const result = new Promise((resolve, reject) => calls.push({ id, resolve, reject, onProgress: options.onProgress }));
      return { id, result };
    },
    cancel(id: number) {
      cancelled.push(id);
      return Promise.resolve({ cancelled: true });
    },
  } as unknown as WorkerClient;
  return { client, calls, cancelled };
}

const abort = (): Error => Object.assign(new Error('cancelled'), { name: 'AbortError' });

describe('LatestLessonRun', () => {
  it('keeps only the newest answer: a superseded call is cancelled and its late answer ignored', async () => {
    const { client, calls, cancelled } = fakeClient();
    const run = new LatestLessonRun(client, 'regression');
    const first = run.run({ period: 1, k: 5, seed: 7 });
    const second = run.run({ period: 2, k: 5, seed: 7 });
    expect(cancelled).toEqual([1]);
    calls[1].resolve({ k: 5, answer: 'second' });
    calls[0].resolve({ k: 5, answer: 'first' });
    expect(await second).toEqual({ k: 5, answer: 'second' });
    expect(await first).toBeNull();
    expect(run.output).toEqual({ k: 5, answer: 'second' });
    expect(run.busy).toBe(false);
  });

  it('shows the running call’s progress only, and clears it when the answer comes', async () => {
    const { client, calls } = fakeClient();
    const run = new LatestLessonRun(client, 'leakage');
    const first = run.run({ mistake: 'random-split', metric: 'pai' });
    const late: Progress = { stage: 'lesson', message: 'Old', done: 0, total: 2 };
    void run.run({ mistake: 'random-split', metric: 'mae' });
    calls[0].onProgress?.(late);
    expect(run.progress).toBeNull();
    const step: Progress = { stage: 'lesson', message: 'Backtest', done: 1, total: 2 };
    calls[1].onProgress?.(step);
    expect(run.progress).toEqual(step);
    calls[0].reject(abort());
    expect(await first).toBeNull();
    calls[1].resolve({ bars: [] });
    await Promise.resolve();
    await Promise.resolve();
    expect(run.progress).toBeNull();
    expect(run.output).toEqual({ bars: [] });
  });

  it('reports a failure of the newest call and keeps the last answer; a cancelled call says nothing', async () => {
    const { client, calls } = fakeClient();
    const run = new LatestLessonRun(client, 'regression');
    const ok = run.run({ period: 1, k: 5, seed: 7 });
    calls[0].resolve({ k: 5 });
    await ok;
    const failed = run.run({ period: 2, k: 5, seed: 7 });
    calls[1].reject(new Error('the panel has one period'));
    expect(await failed).toBeNull();
    expect(run.error).toBe('the panel has one period');
    expect(run.output).toEqual({ k: 5 });
    const cancelled = run.run({ period: 3, k: 5, seed: 7 });
    calls[2].reject(abort());
    expect(await cancelled).toBeNull();
    expect(run.error).toBe('the panel has one period');
    expect(run.busy).toBe(false);
  });
});
