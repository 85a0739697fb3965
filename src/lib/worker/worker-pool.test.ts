import { describe, expect, it } from 'vitest';
import { backtest, type BacktestInput } from '../evaluate/backtest';
import { forecastJobTasks } from '../evaluate/forecast-job';
import { protocolOf } from '../evaluate/protocol';
import { reportJson } from '../evaluate/report-json';
import type { RunProgress } from '../evaluate/run-forecasts';
import { BASELINES } from '../forecast/baselines';
import { ALL_MODELS } from '../forecast/models';
import { syntheticPanel } from '../simulate/synthetic-panel';
import type { HelperRequest } from './pool-messages';
import { serveHelper, type HelperScope } from './serve-helper';
import { WorkerPool, sharedPanel, type HelperWorker, type PoolRunOptions } from './worker-pool';

const { panel } = syntheticPanel({ rings: 3, periods: 90, seed: 14, rate: ({ ring, period }) => (3 / (1 + ring)) * (1 + 0.4 * Math.sin(period / 5)) });
const input: BacktestInput = {
  panel,
  // Refit every 3 folds: tasks start at folds 0, 3, 6, 9, where the whole run refits too.
  protocol: protocolOf({ horizon: 2, folds: 12, refitEvery: 3, validation: 0, coverage: [0.05, 0.1] }),
  models: [
    { id: 'naive', params: {} },
    { id: 'historic-average', params: {} },
    { id: 'ewma', params: {} },
    { id: 'kde', params: { window: 8 } },
  ],
  definitions: BASELINES,
  data: { kind: 'incidents', files: [{ name: 'synthetic.arrow', bytes: 1, rows: 1 }], sha256: 'x', rows: { read: 1, kept: 1, dropped: {} } },
  environment: { hexcast: 'test', runtime: 'node', libraries: {} },
};

/** What each fake helper was sent and whether it was terminated. */
interface Seen {
  readonly sent: HelperRequest[];
  terminated: boolean;
}

/**
 * A helper that runs the real `serveHelper` in this thread: messages cross as structured clones
 * on a later macrotask, as between workers. `dieAfter`: fails (as a crashed worker) at that many tasks.
 */
function fakeHelper(seen: Seen[], dieAfter = Infinity): HelperWorker {
  const me: Seen = { sent: [], terminated: false };
  seen.push(me);
  const listeners: ((event: { readonly data: HelperRequest }) => void)[] = [];
  let onAnswer: Parameters<HelperWorker['listen']>[0] = () => {};
  let onFail: Parameters<HelperWorker['listen']>[1] = () => {};
  const scope: HelperScope = {
    postMessage: (answer) => setTimeout(() => !me.terminated && onAnswer(structuredClone(answer))),
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  serveHelper(scope, () => Promise.resolve('cpu'));
  return {
    post(message) {
      me.sent.push(message);
      if (message.type === 'tasks' && me.sent.filter((m) => m.type === 'tasks').length > dieAfter) {
        setTimeout(() => onFail('a test helper died'));
        return;
      }
      const copy = structuredClone(message);
      setTimeout(() => !me.terminated && listeners.forEach((l) => l({ data: copy })));
    },
    listen(answer, fail) {
      onAnswer = answer;
      onFail = fail;
    },
    terminate: () => (me.terminated = true),
  };
}

/** The run options of the app's worker: this thread forecasts its share with the same definitions. */
function options(helpers: number, spread: number[] = [], notes: (string | undefined)[] = []): PoolRunOptions {
  return {
    panel,
    helpers,
    backend: { preference: 'auto' },
    minCost: 0,
    local: (job, tasks, signal) => forecastJobTasks(panel, job, tasks, BASELINES, signal),
    onSpread: (workers, note) => (spread.push(workers), notes.push(note)),
  };
}

/** The report's JSON without what measures this run's clock. */
function numbers(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'createdAt' || key === 'timings' || key === 'timing' || key.endsWith('Ms') ? undefined : value));
}

const sameForecasts = (a: Awaited<ReturnType<typeof backtest>>, b: Awaited<ReturnType<typeof backtest>>): boolean[] =>
  a.forecasts.models.map((m, i) => Buffer.from(m.values.buffer).equals(Buffer.from(b.forecasts.models[i].values.buffer)));

describe('WorkerPool (the app worker and its helper workers)', () => {
  it('gives the same forecasts, bit for bit, and the same report as the single-worker path', async () => {
    const one = await backtest(input);
    const seen: Seen[] = [];
    const spread: number[] = [];
    const pool = new WorkerPool(() => fakeHelper(seen));
    const two = await backtest({ ...input, pool: pool.forRun(options(2, spread)) });
    expect(spread).toEqual([3]); // the worker and two helpers
    expect(sameForecasts(two, one)).toEqual([true, true, true, true]);
    expect(numbers(reportJson(two.report))).toEqual(numbers(reportJson(one.report)));
    // Every helper computed, and got the panel once, before its tasks.
    expect(seen.map((s) => s.sent[0].type)).toEqual(['panel', 'panel']);
    expect(seen.map((s) => s.sent.filter((m) => m.type === 'panel').length)).toEqual([1, 1]);
    expect(seen.every((s) => s.sent.some((m) => m.type === 'tasks'))).toBe(true);
    // A second run on the same panel reuses the helpers: no new panel message.
    const again = await backtest({ ...input, pool: pool.forRun(options(2)) });
    expect(sameForecasts(again, one)).toEqual([true, true, true, true]);
    expect(seen.length).toBe(2);
    expect(seen.map((s) => s.sent.filter((m) => m.type === 'panel').length)).toEqual([1, 1]);
    pool.release();
    expect(seen.map((s) => s.terminated)).toEqual([true, true]);
  });

  it('ends the helpers when the panel changes, and starts new ones for the new panel', async () => {
    const seen: Seen[] = [];
    const pool = new WorkerPool(() => fakeHelper(seen));
    await backtest({ ...input, pool: pool.forRun(options(1)) });
    const other = syntheticPanel({ rings: 2, periods: 40, seed: 3, rate: () => 2 }).panel;
    const run = pool.forRun({ ...options(1), panel: other, local: (job, tasks, signal) => forecastJobTasks(other, job, tasks, BASELINES, signal) });
    expect(seen.map((s) => s.terminated)).toEqual([true]);
    const small = { ...input, panel: other, protocol: protocolOf({ horizon: 1, folds: 6, refitEvery: 2, validation: 0, coverage: [0.1] }) };
    const alone = await backtest(small);
    const spread = await backtest({ ...small, pool: run });
    expect(sameForecasts(spread, alone)).toEqual([true, true, true, true]);
    expect(seen.length).toBe(2);
    pool.release();
  });

  it('finishes with the same numbers on the workers left when a helper dies, or cannot start, and says why', async () => {
    const one = await backtest(input);
    const seen: Seen[] = [];
    const dying = new WorkerPool(() => fakeHelper(seen, 1));
    const told: number[] = [];
    const why: (string | undefined)[] = [];
    const afterDeath = await backtest({ ...input, pool: dying.forRun(options(1, told, why)) });
    expect(sameForecasts(afterDeath, one)).toEqual([true, true, true, true]);
    // Two workers at the start; the helper died, so the run says it finished on one, and why.
    expect(told).toEqual([2, 1]);
    expect(why).toEqual([undefined, 'a test helper died']);
    dying.release();

    const spread: number[] = [];
    const notes: (string | undefined)[] = [];
    const blocked = new WorkerPool(() => {
      throw new Error('this browser cannot start a worker from a worker');
    });
    const alone = await backtest({ ...input, pool: blocked.forRun(options(2, spread, notes)) });
    expect(sameForecasts(alone, one)).toEqual([true, true, true, true]);
    expect(spread).toEqual([1]);
    expect(notes).toEqual(['this browser cannot start a worker from a worker']);
  });

  it('terminates the helpers when the run is cancelled, and fails the run with an AbortError', async () => {
    const seen: Seen[] = [];
    const pool = new WorkerPool(() => fakeHelper(seen));
    const controller = new AbortController();
    const run = backtest({
      ...input,
      signal: controller.signal,
      pool: pool.forRun({ ...options(1), local: async () => (controller.abort(), new Promise(() => {})) }),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.map((s) => s.terminated)).toEqual([true]);
  });

  it('a task that fails fails the run and terminates the helpers (they may still be fitting its other tasks)', async () => {
    const seen: Seen[] = [];
    const pool = new WorkerPool(() => fakeHelper(seen));
    const run = backtest({ ...input, pool: pool.forRun({ ...options(1), local: () => Promise.reject(new Error('this lane failed')) }) });
    await expect(run).rejects.toThrow('this lane failed');
    expect(seen.map((s) => s.terminated)).toEqual([true]);
  });

  it('forwards every fold and fit step to the run: the same reports, per model and fold, as the single-worker path', async () => {
    // SEPP reports its EM iterations with a loss (the curve the app draws); the baselines report folds only.
    const learned: BacktestInput = {
      ...input,
      protocol: protocolOf({ horizon: 2, folds: 6, refitEvery: 2, validation: 0, coverage: [0.1] }),
      models: [{ id: 'sepp', params: { maxIterations: 5 } }, ...input.models.slice(0, 2)],
      definitions: ALL_MODELS,
    };
    const single: RunProgress[] = [];
    const one = await backtest({ ...learned, onProgress: (p) => single.push(p) });
    const pooled: RunProgress[] = [];
    const seen: Seen[] = [];
    const pool = new WorkerPool(() => fakeHelper(seen));
    const run = pool.forRun({ ...options(1), local: (job, tasks, signal, onFold) => forecastJobTasks(panel, job, tasks, ALL_MODELS, signal, onFold) });
    const two = await backtest({ ...learned, pool: run, onProgress: (p) => pooled.push(p) });
    pool.release();
    expect(sameForecasts(two, one)).toEqual([true, true, true]);
    // Each report as (model, fold, fit step), the fit's clock left out: the same multiset.
    const reports = (list: readonly RunProgress[]): string[] =>
      list.map(({ model, fold, fit }) => JSON.stringify([model, fold, fit && { ...fit, elapsedMs: undefined }])).sort();
    expect(reports(pooled)).toEqual(reports(single));
    // SEPP's 3 fits (folds 0, 2, 4) report 5 EM iterations each, with their losses.
    const iterations = pooled.filter((p) => p.fit?.stage === 'em-iteration');
    expect(iterations.map((p) => p.fold).sort()).toEqual([0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4]);
    expect(iterations.every((p) => Number.isFinite(p.fit!.loss))).toBe(true);
    // Each fold's own reports stay in order; every model ends with a report at fold === folds, all folds done.
    for (const fold of [0, 2, 4]) expect(iterations.filter((p) => p.fold === fold).map((p) => p.fit!.step)).toEqual([1, 2, 3, 4, 5]);
    const ends = pooled.filter((p) => p.fold === p.folds);
    expect(ends.map((p) => [p.modelIndex, p.foldsDone]).sort()).toEqual([
      [0, 6],
      [1, 6],
      [2, 6],
    ]);
    // The helper did compute some of it, and the share done never went back, up to the whole.
    expect(seen[0].sent.some((m) => m.type === 'tasks')).toBe(true);
    expect(pooled.every((p, i) => i === 0 || p.fraction >= pooled[i - 1].fraction)).toBe(true);
    expect(pooled.at(-1)!.fraction).toBe(1);
  });

  it('is no pool without a helper (?workers=1)', () => {
    expect(new WorkerPool(() => fakeHelper([])).forRun(options(0))).toBeUndefined();
  });

  it('shares the counts in one SharedArrayBuffer where it can (Node), with the same values', () => {
    const shared = sharedPanel(panel);
    expect(shared.counts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared.counts)).toEqual(Array.from(panel.counts));
    expect(shared.cells).toBe(panel.cells);
  });
});
