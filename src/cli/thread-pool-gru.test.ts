import { afterAll, describe, expect, it } from 'vitest';
import { protocolOf } from '../lib/evaluate/protocol';
import { reportJson } from '../lib/evaluate/report-json';
import { modelRegistry } from '../lib/forecast/models';
import { ensureBackend } from '../lib/forecast/tf';
import { syntheticPanel } from '../lib/simulate/synthetic-panel';
import { oneAndSpread, parityInput, reportNumbers } from '../../test/thread-parity';
import { foldLane } from './fold-lane';
import { threadPool } from './thread-pool';

const { panel } = syntheticPanel({ rings: 2, periods: 48, seed: 5, rate: ({ ring, period }) => (5 / (1 + ring)) * (1 + 0.3 * Math.sin(period / 4)) });
// Two lanes as `hexcast backtest --threads 2` runs them: this thread and one more.
const pool = threadPool(2, panel, 0, foldLane(panel));
afterAll(() => pool.close());

describe('threadPool with the GRU (tfjs WASM in each thread, GLM warm start, Adam with a seed)', () => {
  it('gives the same report and forecast bytes with two threads as with one, at a small size', async () => {
    await ensureBackend();
    const registry = await modelRegistry(['gru']);
    // Three folds refitted each: three tasks, spread over the two threads (one thread gets two, planned once).
    const input = parityInput(
      panel,
      protocolOf({ horizon: 1, folds: 3, refitEvery: 1, validation: 6, coverage: [0.1] }),
      [{ id: 'gru', params: { hidden: 4, window: 4, epochs: 2, patience: 1, batchSize: 64, samplesPerEpoch: 128 } }],
      registry.definitions,
    );
    const { one, two, spread } = await oneAndSpread(input, pool);
    expect(spread).toBe(3);
    const values = one.forecasts.models[0].values;
    expect(values.length).toBe(3 * 19); // 3 folds × 1 step × 19 cells (two rings around one)
    expect(new Set(values).size).toBeGreaterThan(10); // a forecast per cell, not one constant
    expect(Buffer.from(two.forecasts.models[0].values.buffer).equals(Buffer.from(one.forecasts.models[0].values.buffer))).toBe(true);
    expect(reportNumbers(reportJson(two.report))).toEqual(reportNumbers(reportJson(one.report)));
  }, 180_000);
});
