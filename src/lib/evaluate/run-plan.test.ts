import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../forecast/forecaster';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { protocolOf } from './protocol';
import { runForecasts, type RunProgress } from './run-forecasts';
import { foldCosts, remainingMs, runFraction } from './run-plan';

const model = (cost: number | undefined, update: boolean): Forecaster => ({
  name: `m${cost}`,
  minHistory: 1,
  ...(cost !== undefined && { cost }),
  fit() {},
  ...(update && { update() {} }),
  predict: (h) => new Float32Array(h),
});

describe('foldCosts(models, universeSizes, refitEvery)', () => {
  it('charges a refit fold the model cost and an update fold 1 ms, refitting where runForecasts does', () => {
    // Folds 0 and 2 refit (first, every 2nd); fold 3 refits because the universe grew from 5 to 7 cells.
    expect(foldCosts([model(1000, true)], [5, 5, 5, 7], 2)).toEqual([[1000, 1, 1000, 1000]]);
    // Without update every fold refits; a baseline without a declared cost counts 1 ms a fold.
    expect(foldCosts([model(250, false), model(undefined, false)], [5, 5, 5], 3)).toEqual([
      [250, 250, 250],
      [1, 1, 1],
    ]);
  });
});

describe('runFraction(costs, model, fold, within)', () => {
  const costs = [
    [1, 1],
    [100, 100],
  ];
  it.each([
    [0, 0, 0, 0],
    [0, 2, 0, 2 / 202],
    [1, 0, 0.5, (2 + 50) / 202],
    [1, 1, 1, 1],
    [1, 2, 0, 1],
  ])('model %i, fold %i, within %f → %f', (m, fold, within, expected) => {
    expect(runFraction(costs, m, fold, within)).toBeCloseTo(expected, 12);
  });
});

describe('remainingMs(elapsedMs, fraction)', () => {
  it.each([
    [30_000, 0.25, 90_000],
    [10_000, 0.5, 10_000],
    [5_000, 1, 0],
    [500, 0.5, undefined],
    [60_000, 0.005, undefined],
    [60_000, Number.NaN, undefined],
  ])('elapsed %i ms at %f → %s ms', (elapsed, fraction, expected) => {
    expect(remainingMs(elapsed, fraction)).toBe(expected);
  });
});

describe('runForecasts progress fraction', () => {
  it('weights a learned-cost model above baselines: after 8 baseline folds of 8 baseline + 4 costly folds it reads 8/4008', async () => {
    const { panel } = syntheticPanel({ rings: 1, periods: 20, rate: () => 2, seed: 4 });
    const seen: RunProgress[] = [];
    const last = (name: string, cost?: number) => (): Forecaster => ({
      ...model(cost, false),
      name,
      predict: (h) => new Float32Array(h * panel.cells.length),
    });
    await runForecasts(panel, protocolOf({ horizon: 1, folds: 4, step: 1, validation: 0 }), [last('cheap'), last('cheaper'), last('costly', 1000)], {
      onProgress: (p) => seen.push(p),
    });
    const atCostly = seen.find((p) => p.model === 'costly')!;
    expect(atCostly.fraction).toBeCloseTo(8 / 4008, 12);
    expect(seen.at(-1)!.fraction).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
  });
});
