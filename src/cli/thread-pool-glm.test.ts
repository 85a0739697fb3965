import { afterAll, describe, expect, it } from 'vitest';
import { protocolOf } from '../lib/evaluate/protocol';
import { reportJson } from '../lib/evaluate/report-json';
import { modelRegistry } from '../lib/forecast/models';
import { ensureBackend } from '../lib/forecast/tf';
import { syntheticPanel } from '../lib/simulate/synthetic-panel';
import { oneAndSpread, parityInput, reportNumbers } from '../../test/thread-parity';
import { foldLane } from './fold-lane';
import { threadPool } from './thread-pool';

const { panel } = syntheticPanel({ rings: 3, periods: 80, seed: 21, rate: ({ ring, period }) => (4 / (1 + ring)) * (1 + 0.3 * Math.sin(period / 6)) });
// Two lanes as `hexcast backtest --threads 2` runs them: this thread and one more.
const pool = threadPool(2, panel, 0, foldLane(panel));
afterAll(() => pool.close());

describe('threadPool with the Poisson GLM (per-period shared columns in the Newton fit)', () => {
  it('gives the same report and forecast bytes with two threads as with one', async () => {
    await ensureBackend();
    const registry = await modelRegistry(['poisson-glm']);
    const input = parityInput(
      panel,
      protocolOf({ horizon: 1, folds: 4, refitEvery: 1, validation: 8, coverage: [0.1] }),
      [{ id: 'poisson-glm', params: {} }],
      registry.definitions,
    );
    const { one, two, spread } = await oneAndSpread(input, pool);
    expect(spread).toBeGreaterThan(1);
    expect(Buffer.from(two.forecasts.models[0].values.buffer).equals(Buffer.from(one.forecasts.models[0].values.buffer))).toBe(true);
    expect(reportNumbers(reportJson(two.report))).toEqual(reportNumbers(reportJson(one.report)));
  }, 120_000);
});
