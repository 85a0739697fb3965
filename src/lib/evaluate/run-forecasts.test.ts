import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../forecast/forecaster';
import type { History } from '../forecast/history';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { protocolOf } from './protocol';
import { runForecasts } from './run-forecasts';

/** Forecasts each cell's last count; counts fits and updates so the refit schedule is visible. */
function lastValue(log: string[], withUpdate = true): () => Forecaster {
  return () => {
    let last = new Float32Array();
    const take = (h: History): void => {
      const C = h.cells.length;
      last = h.counts.slice(h.counts.length - C);
    };
    const model: Forecaster = {
      name: 'last',
      minHistory: 1,
      fit(h) {
        log.push(`fit ${h.periods.length}`);
        take(h);
      },
      predict(horizon) {
        const out = new Float32Array(horizon * last.length);
        for (let s = 0; s < horizon; s++) out.set(last, s * last.length);
        return out;
      },
      dispose() {
        log.push('dispose');
      },
    };
    if (withUpdate) {
      model.update = (h) => {
        log.push(`update ${h.periods.length}`);
        take(h);
      };
    }
    return model;
  };
}

describe('runForecasts', () => {
  const { panel } = syntheticPanel({ rings: 1, periods: 20, rate: () => 2, seed: 4 });
  const C = panel.cells.length;

  it('forecasts from each cutoff with only the history before it', async () => {
    const log: string[] = [];
    const set = await runForecasts(panel, protocolOf({ horizon: 2, folds: 3, step: 2, validation: 0 }), [lastValue(log)]);
    expect(set.cutoffs).toEqual([14, 16, 18]);
    const values = set.models[0].values;
    for (let k = 0; k < 3; k++) {
      const last = panel.counts.subarray((set.cutoffs[k] - 1) * C, set.cutoffs[k] * C);
      for (let s = 0; s < 2; s++) expect(Array.from(values.subarray((k * 2 + s) * C, (k * 2 + s + 1) * C))).toEqual(Array.from(last));
    }
    expect(log).toEqual(['dispose', 'fit 14', 'dispose', 'fit 16', 'dispose', 'fit 18', 'dispose']);
  });

  it('refits every r folds and only updates in between; a sliding window shortens the history', async () => {
    const log: string[] = [];
    const set = await runForecasts(panel, protocolOf({ folds: 5, refitEvery: 2, window: 6, validation: 0 }), [lastValue(log)]);
    expect(set.models[0].fittedFolds).toEqual([0, 2, 4]);
    expect(log.filter((line) => line !== 'dispose')).toEqual(['fit 6', 'update 6', 'fit 6', 'update 6', 'fit 6']);
    const logNoUpdate: string[] = [];
    await runForecasts(panel, protocolOf({ folds: 3, refitEvery: 2, validation: 0 }), [lastValue(logNoUpdate, false)]);
    expect(logNoUpdate.filter((line) => line.startsWith('fit'))).toHaveLength(3);
  });

  it('stops up front when the panel is too short or two models share a name', async () => {
    await expect(runForecasts(panel, protocolOf({ folds: 30 }), [lastValue([])])).rejects.toThrow(/The panel has 20 periods/);
    await expect(runForecasts(panel, protocolOf({ folds: 2 }), [lastValue([]), lastValue([])])).rejects.toThrow("Two models share the name 'last'");
  });

  it('rejects a forecast that is negative or NaN, naming the model, cell and fold', async () => {
    const bad = (): Forecaster => ({ name: 'bad', minHistory: 1, fit() {}, predict: (h) => new Float32Array(h * C).fill(-1) });
    await expect(runForecasts(panel, protocolOf({ folds: 1, validation: 0 }), [bad])).rejects.toThrow(/Model 'bad' predicted -1 for step 1, cell .* at fold 0/);
  });

  it('aborts between folds with an AbortError and disposes the live model', async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const run = runForecasts(panel, protocolOf({ folds: 5, validation: 0 }), [lastValue(log)], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fold === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.at(-1)).toBe('dispose');
  });
});
