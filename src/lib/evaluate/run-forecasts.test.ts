import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../forecast/forecaster';
import type { History } from '../forecast/history';
import { CENTRE, EDGE, EDGE_NEIGHBOURS, FAR_SIDE, tinyHistory } from '../forecast/baselines/tiny-history';
import { neighbours } from '../grid/neighbours';
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

describe('runForecasts: the model universe', () => {
  // 7 cells × 12 weeks. CENTRE has an incident every week, EDGE only in week 0, N0 first in
  // week 9, N1 first in week 11; the FAR_SIDE cells never have one (F0 is declared).
  const [N0, N1] = EDGE_NEIGHBOURS;
  const [F0, F1, F2] = FAR_SIDE;
  const first = (p0: number) => Array.from({ length: 12 }, (_, p) => (p >= p0 ? 1 : 0));
  const { panel, cells } = tinyHistory({
    [CENTRE]: first(0),
    [EDGE]: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [N0]: first(9),
    [N1]: first(11),
    [F0]: first(99),
    [F1]: first(99),
    [F2]: first(99),
  });
  const C = cells.length;
  const declared = Uint8Array.from(cells, (cell) => (cell === F0 ? 1 : 0));

  /** Records what it is fitted on and forecasts 10 + the cell's position in its history. */
  function recorder(log: History[], withUpdate: boolean): () => Forecaster {
    return () => {
      let U = 0;
      const model: Forecaster = {
        name: 'recorder',
        minHistory: 1,
        neighbourRings: 2,
        fit(h) {
          log.push(h);
          U = h.cells.length;
        },
        predict: (horizon) => Float32Array.from({ length: horizon * U }, (_, i) => 10 + (i % U)),
      };
      if (withUpdate) model.update = (h) => void log.push({ ...h, cells: ['update', ...h.cells] });
      return model;
    };
  }

  it('fits on the cells seen before the cutoff (the whole past, despite a 4-week window) and the declared ones; the rest forecast 0', async () => {
    const log: History[] = [];
    const set = await runForecasts(panel, protocolOf({ folds: 3, window: 4, validation: 0 }), [recorder(log, false)], { declared });
    expect(set.cutoffs).toEqual([9, 10, 11]);
    const seen = [
      [CENTRE, EDGE, F0],
      [CENTRE, EDGE, N0, F0],
      [CENTRE, EDGE, N0, F0],
    ].map((list) => cells.filter((cell) => list.includes(cell)));
    expect(log.map((h) => h.cells)).toEqual(seen);
    // Fold 1 (weeks 6–9): counts of its training span for its four cells only, in panel order.
    const h1 = log[1];
    expect(h1.periods).toEqual(panel.periods.subarray(6, 10));
    expect(Array.from(h1.counts)).toEqual([6, 7, 8, 9].flatMap((p) => h1.cells.map((cell) => panel.counts[p * C + cells.indexOf(cell)])));
    expect(Array.from(h1.area)).toEqual(h1.cells.map((cell) => panel.area[cells.indexOf(cell)]));
    // Neighbour lists: the panel's, restricted to the universe (= built on the universe alone).
    const own = neighbours(h1.cells, 2);
    expect([h1.neighbours.k, Array.from(h1.neighbours.offsets), Array.from(h1.neighbours.index), Array.from(h1.neighbours.ring)]).toEqual([
      2,
      Array.from(own.offsets),
      Array.from(own.index),
      Array.from(own.ring),
    ]);
    // Forecasts land on the model's cells; every other cell is forecast 0.
    seen.forEach((list, k) => {
      const expected = cells.map((cell) => (list.includes(cell) ? 10 + list.indexOf(cell) : 0));
      expect(Array.from(set.models[0].values.subarray(k * C, (k + 1) * C))).toEqual(expected);
      expect(Array.from(set.universe.subarray(k * C, (k + 1) * C))).toEqual(cells.map((cell) => (list.includes(cell) ? 1 : 0)));
    });
  });

  it('refits, even between scheduled refits, when new cells join the universe; updates only on the same cells', async () => {
    const log: History[] = [];
    const set = await runForecasts(panel, protocolOf({ folds: 3, refitEvery: 3, validation: 0 }), [recorder(log, true)]);
    expect(set.models[0].fittedFolds).toEqual([0, 1]);
    expect(log.map((h) => h.cells.length)).toEqual([2, 3, 4]);
    expect(log[2].cells[0]).toBe('update');
  });

  it('refuses a fold whose universe is empty, naming the cutoff', async () => {
    const empty = tinyHistory({ [CENTRE]: [0, 0, 0, 1], [EDGE]: [0, 0, 0, 0] }).panel;
    await expect(runForecasts(empty, protocolOf({ folds: 1, validation: 0 }), [recorder([], false)])).rejects.toThrow(
      /No cell has an incident before the cutoff of fold 0 \(period 3, 2018-01-22\) and none is declared/,
    );
  });
});
