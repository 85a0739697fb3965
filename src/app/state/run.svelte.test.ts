import { describe, expect, it } from 'vitest';
import { fakeWorker, settle } from '../../../test/fixtures/fake-worker';
import { protocolOf } from '../../lib/evaluate/protocol';
import type { RunResult } from '../../lib/worker/protocol';
import { RunState } from './run.svelte';

const spec = {
  models: ['naive', 'mlp'],
  protocol: protocolOf({ folds: 4 }),
  backend: 'auto' as const,
  environment: { hexcast: 't', runtime: 't', libraries: {} },
};

describe('RunState', () => {
  it('tracks progress per model, the overall fraction and the current training curve', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    const done = run.start(spec);
    const id = worker.last().id;
    expect(run.status).toBe('running');
    expect(run.models.map((m) => m.detail)).toEqual(['waiting', 'waiting']);
    const progress = (modelIndex: number, fold: number, fit?: object, fraction = 0) =>
      worker.reply({
        type: 'progress',
        id,
        progress: {
          stage: 'forecast',
          run: {
            model: ['naive', 'mlp(hidden=8)'][modelIndex],
            modelIndex,
            models: 2,
            names: ['naive', 'mlp(hidden=8)'],
            fold,
            folds: 4,
            fit: fit as never,
            fraction,
          },
        },
      });
    progress(0, 4, undefined, 0.001);
    progress(1, 1, { stage: 'epoch', step: 1, steps: 3, loss: 2, valLoss: 3, elapsedMs: 5 }, 0.3);
    progress(1, 1, { stage: 'epoch', step: 2, steps: 3, loss: 1.5, elapsedMs: 9 }, 0.32);
    expect(run.models.map((m) => [m.name, m.fold, m.detail])).toEqual([
      ['naive', 4, 'done'],
      ['mlp(hidden=8)', 1, 'fold 2: epoch 2 of 3'],
    ]);
    // The bar follows the worker's cost-weighted fraction (naive's 4 folds are 0.1 % of this run), not folds done (5 of 8).
    expect(run.fraction).toBe(0.32);
    expect(run.remaining(run.startedAt + 3200)).toBeCloseTo((3200 * 0.68) / 0.32, 6);
    expect(run.remaining(run.startedAt + 500)).toBeUndefined(); // under a second: no guess yet
    expect(run.curves['mlp(hidden=8)']).toEqual({
      model: 'mlp(hidden=8)',
      fold: 1,
      stage: 'epoch',
      epochs: [
        { epoch: 1, loss: 2, valLoss: 3 },
        { epoch: 2, loss: 1.5 },
      ],
      earlier: [],
    });
    progress(1, 2, { stage: 'epoch', step: 1, steps: 3, loss: 1.9, elapsedMs: 3 }, 0.6);
    expect(run.curves['mlp(hidden=8)'].epochs).toEqual([{ epoch: 1, loss: 1.9 }]); // a new fold starts a new curve
    // and keeps the finished fold's curve to draw beside it
    expect(run.curves['mlp(hidden=8)'].earlier).toEqual([
      {
        fold: 1,
        epochs: [
          { epoch: 1, loss: 2, valLoss: 3 },
          { epoch: 2, loss: 1.5 },
        ],
      },
    ]);

    const result = { models: ['naive', 'mlp(hidden=8)'] } as unknown as RunResult;
    worker.reply({ type: 'done', id, request: 'run', result });
    expect(await done).toBe(result);
    expect(run.status).toBe('done');
    expect(run.result).toBe(result);
  });

  it("with 'auto' folds and a model left out, the rows follow the worker's plan", async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    void run.start({ ...spec, models: ['naive', 'seasonal-naive', 'kde'], protocol: protocolOf({}) });
    const id = worker.last().id;
    expect(run.models.map((m) => m.folds)).toEqual([0, 0, 0]);
    // seasonal-naive was left out; 'auto' became 17 folds.
    const names = ['naive', 'kde(window=13, rings=1)'];
    worker.reply({
      type: 'progress',
      id,
      progress: { stage: 'forecast', run: { model: 'naive', modelIndex: 0, models: 2, names, fold: 17, folds: 17, fraction: 0.5 } },
    });
    expect(run.models.map((m) => [m.name, m.fold, m.folds, m.detail])).toEqual([
      ['naive', 17, 17, 'done'],
      ['kde(window=13, rings=1)', 0, 17, 'waiting'],
    ]);
    expect(run.fraction).toBe(0.5);
  });

  it('keeps the tfjs backend and its threads the worker reports, through the end of the run', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    const done = run.start(spec);
    const id = worker.last().id;
    expect(run.backend).toBeNull();
    worker.reply({ type: 'progress', id, progress: { stage: 'backend-ready', backend: 'wasm', threads: 1 } });
    expect(run.backend).toEqual({ name: 'wasm', threads: 1 });
    worker.reply({ type: 'done', id, request: 'run', result: { models: [] } as unknown as RunResult });
    await done;
    expect(run.backend).toEqual({ name: 'wasm', threads: 1 });
  });

  it('cancel() sends a cancel for the running request and ends in the cancelled state', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    const done = run.start(spec);
    const id = worker.last().id;
    void run.cancel();
    expect(worker.last()).toMatchObject({ type: 'cancel', target: id });
    worker.reply({ type: 'error', id, error: { name: 'AbortError', code: 'aborted', message: 'The run was cancelled' } });
    expect(await done).toBeNull();
    expect(run.status).toBe('cancelled');
    expect(run.error).toBeNull();
    await settle();
  });

  it('a failed run keeps the message to show', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    const done = run.start(spec);
    worker.reply({
      type: 'error',
      id: worker.last().id,
      error: { name: 'HexcastError', code: 'history-too-short', message: "Model 'mlp' needs 20 training periods" },
    });
    expect(await done).toBeNull();
    expect(run.status).toBe('failed');
    expect(run.error).toBe("Model 'mlp' needs 20 training periods");
  });

  it('says on how many workers a spread run computed, and marks every model done at the end', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    const done = run.start(spec);
    const id = worker.last().id;
    expect(run.computeLabel).toBe('4 folds × 2 models on 1 worker');
    worker.reply({ type: 'progress', id, progress: { stage: 'workers', workers: 2 } });
    expect(run.models.map((m) => m.detail)).toEqual(['spread over 2 workers', 'spread over 2 workers']);
    expect(run.computeLabel).toBe('4 folds × 2 models on 2 workers');
    const names = ['naive', 'mlp(hidden=8)'];
    worker.reply({
      type: 'progress',
      id,
      progress: { stage: 'forecast', run: { model: 'naive', modelIndex: 0, models: 2, names, fold: 0, folds: 4, fraction: 0.5 } },
    });
    expect(run.stage).toBe('Forecasting 4 folds × 2 models on 2 workers');
    expect(run.fraction).toBe(0.5);
    worker.reply({ type: 'done', id, request: 'run', result: { models: names } as unknown as RunResult });
    await done;
    expect(run.models.map((m) => [m.fold, m.detail])).toEqual([
      [4, 'done'],
      [4, 'done'],
    ]);
  });

  it("draws the same curves from a spread run whose folds arrive interleaved, and counts each model's folds done", () => {
    const names = ['naive', 'poisson-glm'];
    const glm = (fold: number, stage: string, step: number, loss: number) => ({ model: 1, fold, fit: { stage, step, steps: 3, loss, elapsedMs: step } });
    // Folds 0, 1 and 2 of the GLM, a warm start then iterations in fold 0, as the single worker reports them.
    const ordered = [
      { model: 0, fold: 0 },
      { model: 0, fold: 4 },
      { model: 1, fold: 0 },
      glm(0, 'warm-start', 1, 9),
      glm(0, 'iteration', 1, 5),
      glm(0, 'iteration', 2, 4),
      { model: 1, fold: 1 },
      glm(1, 'iteration', 1, 6),
      glm(1, 'iteration', 2, 3),
      { model: 1, fold: 2 },
      glm(2, 'iteration', 1, 7),
      glm(2, 'iteration', 2, 2.5),
      { model: 1, fold: 4 },
    ];
    // The same reports from two workers: fold 2 on a helper while folds 0 and 1 run here; each fold's own reports in order.
    const interleaved = [0, 2, 9, 10, 3, 11, 4, 1, 5, 6, 7, 8, 12].map((i) => ordered[i]);
    const replay = (reports: readonly { model: number; fold: number; fit?: object }[], spread: boolean) => {
      const worker = fakeWorker();
      const run = new RunState(worker.client);
      void run.start(spec);
      const id = worker.last().id;
      if (spread) worker.reply({ type: 'progress', id, progress: { stage: 'workers', workers: 2 } });
      const rows: [number, string][] = [];
      for (const { model, fold, fit } of reports) {
        const report = { model: names[model], modelIndex: model, models: 2, names, fold, folds: 4, fit: fit as never, fraction: 0 };
        // The worker counts a spread model's folds done: one here while its fold 2 runs, all at its end.
        worker.reply({ type: 'progress', id, progress: { stage: 'forecast', run: spread ? { ...report, foldsDone: fold === 4 ? 4 : 1 } : report } });
        if (fit && model === 1 && fold === 2) rows.push([run.models[1].fold, run.models[1].detail]);
      }
      for (const m of run.models) rows.push([m.fold, m.detail]);
      return { curves: run.curves, rows };
    };
    const one = replay(ordered, false);
    const two = replay(interleaved, true);
    expect(two.curves).toEqual(one.curves);
    expect(one.curves['poisson-glm']).toEqual({
      model: 'poisson-glm',
      fold: 2,
      stage: 'iteration',
      epochs: [
        { epoch: 1, loss: 7 },
        { epoch: 2, loss: 2.5 },
      ],
      earlier: [
        {
          fold: 0,
          epochs: [
            { epoch: 1, loss: 5 },
            { epoch: 2, loss: 4 },
          ],
        },
        {
          fold: 1,
          epochs: [
            { epoch: 1, loss: 6 },
            { epoch: 2, loss: 3 },
          ],
        },
      ],
    });
    // The spread run's bar counts folds done (the worker's foldsDone), not the fold a report is about; the row says what runs.
    expect(two.rows).toEqual([
      [1, 'fold 3: iteration 1 of 3'],
      [1, 'fold 3: iteration 2 of 3'],
      [4, 'done'],
      [4, 'done'],
    ]);
    expect(one.rows.slice(0, 2)).toEqual([
      [2, 'fold 3: iteration 1 of 3'],
      [2, 'fold 3: iteration 2 of 3'],
    ]);
  });

  it('gives the reason when helpers could not start', async () => {
    const worker = fakeWorker();
    const run = new RunState(worker.client);
    void run.start(spec);
    worker.reply({ type: 'progress', id: worker.last().id, progress: { stage: 'workers', workers: 1, note: 'Worker is not defined' } });
    expect(run.computeLabel).toBe('4 folds × 2 models on 1 worker (fewer helper workers than asked: Worker is not defined)');
  });
});
