/**
 * The contract every forecaster passes (STYLE.md, "Forecasters"): same input → output of
 * shape horizon × cells, finite and non-negative, a name, deterministic for a seed, and no
 * information from after the cutoff. Call `describeForecasterContract` from the model's own
 * test file.
 */
import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../../src/lib/forecast/forecaster';
import { historyOf } from '../../src/lib/forecast/history';
import { neighbours } from '../../src/lib/grid/neighbours';
import type { Panel } from '../../src/lib/grid/panel';
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

    it('predicts horizon × cells finite, non-negative values', async () => {
      const out = await forecastAt(make, panel, cutoff, horizon);
      expect(out).toBeInstanceOf(Float32Array);
      expect(out.length).toBe(horizon * C);
      for (const v of out) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
    }, timeout);

    it('is deterministic for a given seed', async () => {
      const a = await forecastAt(make, panel, cutoff, horizon, 3);
      const b = await forecastAt(make, panel, cutoff, horizon, 3);
      expect(Array.from(b)).toEqual(Array.from(a));
    }, timeout);

    it('ignores every count after the cutoff', async () => {
      const before = await forecastAt(make, panel, cutoff, horizon);
      const altered: Panel = { ...panel, counts: panel.counts.slice() };
      for (let i = cutoff * C; i < altered.counts.length; i++) altered.counts[i] = (i * 7919) % 23;
      const after = await forecastAt(make, altered, cutoff, horizon);
      expect(Array.from(after)).toEqual(Array.from(before));
    }, timeout);
  });
}
