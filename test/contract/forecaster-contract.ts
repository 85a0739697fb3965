/**
 * The contract every forecaster passes (STYLE.md, "Forecasters"): same input → output of
 * shape horizon × cells, finite and non-negative, a name, deterministic for a seed, and no
 * information from after the cutoff. Call `describeForecasterContract` from the model's own
 * test file.
 */
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../../src/lib/evaluate/protocol';
import { runForecasts } from '../../src/lib/evaluate/run-forecasts';
import type { Forecaster } from '../../src/lib/forecast/forecaster';
import { historyOf } from '../../src/lib/forecast/history';
import { areaOf, cellOf, diskOf } from '../../src/lib/grid/h3';
import { neighbours } from '../../src/lib/grid/neighbours';
import { assertPanel, type Panel } from '../../src/lib/grid/panel';
import { syntheticPanel } from '../../src/lib/simulate/synthetic-panel';

/** A small weekly panel (19 cells × 80 weeks) with a seasonal cycle and a hot centre. */
export function contractPanel(seed = 7): Panel {
  return syntheticPanel({
    rings: 2,
    periods: 80,
    seed,
    rate: ({ ring, period }) => (3 - ring) * (1 + 0.5 * Math.sin((2 * Math.PI * period) / 13)),
  }).panel;
}

/** A panel on the periods of `base` with the given cells' counts (each `periods` long), cells sorted. */
function panelOf(base: Panel, series: ReadonlyMap<string, Float32Array>): Panel {
  const cells = [...series.keys()].sort();
  const P = base.periods.length;
  const C = cells.length;
  const counts = new Float32Array(P * C);
  cells.forEach((cell, c) => series.get(cell)!.forEach((y, p) => (counts[p * C + c] = y)));
  return assertPanel({ ...base, cells, area: Float64Array.from(cells, areaOf), counts });
}

/**
 * Two panels that agree on every count before period `t` and on nothing after it. `before` is
 * `contractPanel()` plus its third ring: six cells whose first incidents come at `t` or later,
 * six with a few incidents all along, six that never have one. `after` deletes three of the
 * late cells, adds six new cells (fourth ring) with incidents only from `t` on, gives three of
 * the empty cells incidents from `t` on, deletes the sparse cells' incidents from `t` on and
 * redraws every count of the contract panel's cells from `t` on.
 */
export function panelsDifferingFrom(t: number): { before: Panel; after: Panel } {
  const base = contractPanel();
  const P = base.periods.length;
  const C = base.cells.length;
  const origin = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
  const ring3 = diskOf({ cell: origin, k: 3 })[3];
  const ring4 = diskOf({ cell: origin, k: 4 })[4];
  const series = (f: (p: number) => number): Float32Array => Float32Array.from({ length: P }, (_, p) => f(p));
  const before = new Map<string, Float32Array>();
  const after = new Map<string, Float32Array>();
  base.cells.forEach((cell, c) => {
    before.set(
      cell,
      series((p) => base.counts[p * C + c]),
    );
    after.set(
      cell,
      series((p) => (p < t ? base.counts[p * C + c] : (p * 7919 + c * 104729) % 6)),
    );
  });
  ring3.forEach((cell, i) => {
    if (i < 6) {
      before.set(
        cell,
        series((p) => (p < t ? 0 : 1 + ((p + i) % 3))),
      );
      if (i >= 3)
        after.set(
          cell,
          series((p) => (p < t ? 0 : 2)),
        );
    } else if (i < 12) {
      const sparse = (p: number): number => ((p + i) % 9 === 0 ? 1 : 0);
      before.set(cell, series(sparse));
      after.set(
        cell,
        series((p) => (p < t ? sparse(p) : 0)),
      );
    } else {
      before.set(
        cell,
        series(() => 0),
      );
      after.set(
        cell,
        series((p) => (p >= t && i < 15 ? 4 : 0)),
      );
    }
  });
  ring4.slice(0, 6).forEach((cell, i) =>
    after.set(
      cell,
      series((p) => (p < t ? 0 : 1 + i)),
    ),
  );
  return { before: panelOf(base, before), after: panelOf(base, after) };
}

/** Runs fit + predict on a panel at a cutoff with the given seed. */
export async function forecastAt(make: () => Forecaster, panel: Panel, cutoff: number, horizon: number, seed = 1): Promise<Float32Array> {
  const model = make();
  try {
    const history = historyOf(panel, neighbours(panel.cells, 2), cutoff);
    await model.fit(history, { seed, validation: 8 });
    return model.predict(horizon);
  } finally {
    model.dispose?.();
  }
}

/**
 * Registers the shared contract tests for a forecaster factory. `make` must return a fresh,
 * unfitted instance each call.
 */
export function describeForecasterContract(label: string, make: () => Forecaster, options: { timeout?: number } = {}): void {
  const timeout = options.timeout ?? 30_000;
  describe(`${label} satisfies the Forecaster contract`, () => {
    const panel = contractPanel();
    const C = panel.cells.length;
    const cutoff = 60;
    const horizon = 3;

    it('has a non-empty name and a minHistory ≥ 1 that fits the test panel', () => {
      const model = make();
      expect(model.name.length).toBeGreaterThan(0);
      expect(Number.isInteger(model.minHistory) && model.minHistory >= 1).toBe(true);
      expect(model.minHistory + 8).toBeLessThanOrEqual(cutoff);
      model.dispose?.();
    });

    it(
      'predicts horizon × cells finite, non-negative values',
      async () => {
        const out = await forecastAt(make, panel, cutoff, horizon);
        expect(out).toBeInstanceOf(Float32Array);
        expect(out.length).toBe(horizon * C);
        for (const v of out) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      },
      timeout,
    );

    it(
      'is deterministic for a given seed',
      async () => {
        const a = await forecastAt(make, panel, cutoff, horizon, 3);
        const b = await forecastAt(make, panel, cutoff, horizon, 3);
        expect(Array.from(b)).toEqual(Array.from(a));
      },
      timeout,
    );

    it(
      'ignores every count after the cutoff',
      async () => {
        const before = await forecastAt(make, panel, cutoff, horizon);
        const altered: Panel = { ...panel, counts: panel.counts.slice() };
        for (let i = cutoff * C; i < altered.counts.length; i++) altered.counts[i] = (i * 7919) % 23;
        const after = await forecastAt(make, altered, cutoff, horizon);
        expect(Array.from(after)).toEqual(Array.from(before));
      },
      timeout,
    );

    it(
      'forecasts from cutoffs ≤ t are bit-identical when incidents at or after t move, appear or vanish, in old or new cells',
      async () => {
        const t = 76;
        const { before, after } = panelsDifferingFrom(t);
        // Cutoffs 74, 76, 78; refitting every 2 folds makes fold 1 an update for models that have one.
        const protocol = protocolOf({ horizon: 2, folds: 3, step: 2, refitEvery: 2, validation: 8, seed: 5 });
        const a = await runForecasts(before, protocol, [make]);
        const b = await runForecasts(after, protocol, [make]);
        const common = before.cells.filter((cell) => after.cells.includes(cell));
        expect(common.length).toBe(before.cells.length - 3);
        a.cutoffs.forEach((cutoff, k) => {
          if (cutoff > t) return;
          for (let s = 0; s < protocol.horizon; s++) {
            const row = (set: typeof a, panel: Panel) => (cell: string) =>
              set.models[0].values[(k * protocol.horizon + s) * panel.cells.length + panel.cells.indexOf(cell)];
            const x = Float32Array.from(common, row(a, before));
            const y = Float32Array.from(common, row(b, after));
            expect({ cutoff, step: s + 1, forecasts: Array.from(y) }).toEqual({ cutoff, step: s + 1, forecasts: Array.from(x) });
          }
        });
      },
      timeout * 2,
    );
  });
}
