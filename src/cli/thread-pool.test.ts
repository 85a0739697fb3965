import { afterAll, describe, expect, it } from 'vitest';
import { protocolOf } from '../lib/evaluate/protocol';
import { reportJson } from '../lib/evaluate/report-json';
import { BASELINES } from '../lib/forecast/baselines';
import { syntheticPanel } from '../lib/simulate/synthetic-panel';
import { oneAndSpread, parityInput, reportNumbers } from '../../test/thread-parity';
import { threadPool } from './thread-pool';

const { panel } = syntheticPanel({ rings: 3, periods: 90, seed: 14, rate: ({ ring, period }) => (3 / (1 + ring)) * (1 + 0.4 * Math.sin(period / 5)) });
const pool = threadPool(2, panel, 0);
afterAll(() => pool.close());

describe('threadPool (hexcast backtest --threads)', () => {
  it('gives the same report, number for number, as one thread: folds cut at refit folds, models spread over two threads', async () => {
    // Refit every 3 folds: the tasks start at folds 0, 3, 6, 9 (where the whole run refits too); between them models only update.
    const input = parityInput(
      panel,
      protocolOf({ horizon: 2, folds: 12, refitEvery: 3, validation: 0, coverage: [0.05, 0.1] }),
      [
        { id: 'naive', params: {} },
        { id: 'historic-average', params: {} },
        { id: 'ewma', params: {} },
        { id: 'kde', params: { window: 8 } },
      ],
      BASELINES,
    );
    const { one, two, spread } = await oneAndSpread(input, pool);
    expect(spread).toBeGreaterThan(4); // 4 models, cut into tasks for 2 threads
    for (let m = 0; m < 4; m++)
      expect(Buffer.from(two.forecasts.models[m].values.buffer).equals(Buffer.from(one.forecasts.models[m].values.buffer))).toBe(true);
    expect(reportNumbers(reportJson(two.report))).toEqual(reportNumbers(reportJson(one.report)));
  });
});
