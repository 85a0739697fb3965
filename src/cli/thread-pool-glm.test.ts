import { afterAll, describe, expect, it } from 'vitest';
import { backtest } from '../lib/evaluate/backtest';
import { protocolOf } from '../lib/evaluate/protocol';
import type { ForecastPool } from '../lib/evaluate/forecast-job';
import type { RunProgress } from '../lib/evaluate/run-forecasts';
import { reportJson } from '../lib/evaluate/report-json';
import { modelRegistry } from '../lib/forecast/models';
import { ensureBackend } from '../lib/forecast/tf';
import { syntheticPanel } from '../lib/simulate/synthetic-panel';
import { oneAndSpread, parityInput, reportNumbers } from '../../test/thread-parity';
import { foldLane } from './fold-lane';
import { Progress } from './progress';
import { threadPool } from './thread-pool';

const { panel } = syntheticPanel({ rings: 3, periods: 80, seed: 21, rate: ({ ring, period }) => (4 / (1 + ring)) * (1 + 0.3 * Math.sin(period / 6)) });
// Two lanes as `hexcast backtest --threads 2` runs them: this thread and one more.
const pool = threadPool(2, panel, 0, foldLane(panel));
afterAll(() => pool.close());

/** The run both tests make: the GLM refitted at each of 4 folds, a task a fold. */
async function glmInput(): Promise<ReturnType<typeof parityInput>> {
  await ensureBackend();
  const registry = await modelRegistry(['poisson-glm']);
  return parityInput(
    panel,
    protocolOf({ horizon: 1, folds: 4, refitEvery: 1, validation: 8, coverage: [0.1] }),
    [{ id: 'poisson-glm', params: {} }],
    registry.definitions,
  );
}

describe('threadPool with the Poisson GLM (per-period shared columns in the Newton fit)', () => {
  it('gives the same report and forecast bytes with two threads as with one', async () => {
    const input = await glmInput();
    const { one, two, spread } = await oneAndSpread(input, pool);
    expect(spread).toBeGreaterThan(1);
    expect(Buffer.from(two.forecasts.models[0].values.buffer).equals(Buffer.from(one.forecasts.models[0].values.buffer))).toBe(true);
    expect(reportNumbers(reportJson(two.report))).toEqual(reportNumbers(reportJson(one.report)));
  }, 120_000);

  it('forwards the thread’s folds and Newton iterations to the run’s progress, as the main thread’s lane reports its own', async () => {
    const input = await glmInput();
    const reports: RunProgress[] = [];
    let spread = 0;
    await backtest({
      ...input,
      pool: { ...pool, run: (job, tasks, onDone, signal, onProgress) => ((spread = tasks.length), pool.run(job, tasks, onDone, signal, onProgress)) },
      onProgress: (p) => reports.push(p),
    });
    expect(spread).toBe(4); // a task a fold, two lanes: some folds fit in the thread
    // Every fold's Newton fit is seen as it happens (iterations with their deviance), whichever lane fitted it.
    for (let fold = 0; fold < 4; fold++) {
      const iterations = reports.filter((p) => p.fold === fold && p.fit?.stage === 'iteration' && p.fit.loss !== undefined);
      expect(iterations.length).toBeGreaterThan(1);
    }
    expect(reports.at(-1)!.foldsDone).toBe(4);
    // The CLI's bar (`Progress.run`) on these reports never goes back, though the lanes' folds interleave.
    const out = { text: '', isTTY: true, columns: 100, write: (chunk: string) => ((out.text += chunk), true) };
    const progress = new Progress(out as unknown as NodeJS.WriteStream);
    for (const p of reports) progress.run(p);
    const percents = [...out.text.matchAll(/ +(\d+)% /g)].map((m) => Number(m[1]));
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  }, 120_000);

  it('forwards nothing more once a run has failed, though the other lane’s task still runs', async () => {
    const input = await glmInput();
    // This thread's lane fails its first task as soon as the thread has reported (its fold's Newton fit under way); later runs go through.
    let threadReported!: () => void;
    const reported = new Promise<void>((resolve) => (threadReported = resolve));
    let calls = 0;
    const real = foldLane(panel);
    const failing = threadPool(2, panel, 0, async (...args) => {
      if (calls++ > 0) return real(...args);
      await reported;
      throw new Error('this lane failed');
    });
    let settled = false;
    let late = 0;
    let total = 0;
    const counting: ForecastPool = {
      ...failing,
      run: (job, tasks, onDone, signal, onProgress) =>
        failing.run(job, tasks, onDone, signal, (model, fold, fit) => {
          total++;
          if (settled) late++;
          threadReported();
          onProgress?.(model, fold, fit);
        }),
    };
    try {
      await expect(backtest({ ...input, pool: counting })).rejects.toThrow('this lane failed');
      settled = true;
      // A second run on the same thread: it answers after the failed run's task has ended (and sent all it had).
      const again = await backtest({ ...input, pool: failing });
      expect(again.forecasts.models[0].values.length).toBeGreaterThan(0);
    } finally {
      await failing.close();
    }
    expect(total).toBeGreaterThan(0);
    expect(late).toBe(0);
  }, 120_000);
});
