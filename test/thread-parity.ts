import { backtest, type BacktestInput, type BacktestResult } from '../src/lib/evaluate/backtest';
import type { ForecastPool } from '../src/lib/evaluate/forecast-job';

/**
 * Runs `input` once on one thread and once through `pool`, counting the tasks the pool was given:
 * the two runs the thread-parity tests compare number for number.
 * @example const { one, two, spread } = await oneAndSpread(input, threadPool(2, panel, 0));
 */
export async function oneAndSpread(input: BacktestInput, pool: ForecastPool): Promise<{ one: BacktestResult; two: BacktestResult; spread: number }> {
  const one = await backtest(input);
  let spread = 0;
  const two = await backtest({
    ...input,
    pool: { ...pool, run: (job, tasks, onDone, signal) => ((spread = tasks.length), pool.run(job, tasks, onDone, signal)) },
  });
  return { one, two, spread };
}

/** A report's JSON without what measures the run's clock (timings, the creation time, wall times in fit notes). */
export function reportNumbers(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) =>
    key === 'createdAt' || key === 'timings' || key === 'timing' || key.endsWith('Ms')
      ? undefined
      : typeof value === 'string'
        ? value.replace(/ in \d+ ms\b/, ' in … ms')
        : value,
  );
}

/**
 * A backtest of a synthetic panel as the thread-parity tests run it: `protocol`, `models` and
 * `definitions` as given, and a stand-in data section and environment (no file was read).
 * @example backtest(parityInput(panel, protocolOf({ folds: 4 }), [{ id: 'naive', params: {} }], BASELINES))
 */
export function parityInput(
  panel: BacktestInput['panel'],
  protocol: BacktestInput['protocol'],
  models: BacktestInput['models'],
  definitions: BacktestInput['definitions'],
): BacktestInput {
  return {
    panel,
    protocol,
    models,
    definitions,
    data: { kind: 'incidents', files: [{ name: 'synthetic.arrow', bytes: 1, rows: 1 }], sha256: 'x', rows: { read: 1, kept: 1, dropped: {} } },
    environment: { hexcast: 'test', runtime: 'node', libraries: {} },
  };
}
