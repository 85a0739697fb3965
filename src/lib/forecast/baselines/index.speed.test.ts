import { describe, expect, it } from 'vitest';
import { neighbours } from '../../grid/neighbours';
import { syntheticPanel } from '../../simulate/synthetic-panel';
import { historyOf } from '../history';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { WEEKLY_RES8 } from './tiny-history';

/**
 * The lead's benchmark target: every baseline on a 1000-cell × 260-week panel, 52 one-step
 * folds with an expanding window, well under 2 s in all. Prints the time per model.
 */
describe('BASELINES speed', () => {
  it('all default baselines on ~1000 cells × 260 periods × 52 folds take < 2 s together', () => {
    // 1 + 3·18·19 = 1027 cells; a hot centre fading outwards, a yearly cycle.
    const { panel } = syntheticPanel({
      rings: 18,
      periods: 260,
      seed: 11,
      rate: ({ ring, period }) => (0.05 + 2 * Math.exp(-ring / 4)) * (1 + 0.3 * Math.sin((2 * Math.PI * period) / 52)),
    });
    const C = panel.cells.length;
    const lists = neighbours(panel.cells, 2);
    const cutoffs = Array.from({ length: 52 }, (_, k) => 260 - 52 + k);
    const timings: Record<string, number> = {};
    const run = (): number => {
      const started = performance.now();
      for (const definition of BASELINES) {
        const model = createModel({ id: definition.id, params: {} }, BASELINES, WEEKLY_RES8);
        const t0 = performance.now();
        let checksum = 0;
        for (const cutoff of cutoffs) {
          model.fit(historyOf(panel, lists, cutoff), { seed: 1, validation: 8 });
          const out = model.predict(1);
          checksum += out[C - 1];
        }
        timings[model.name] = performance.now() - t0;
        expect(Number.isFinite(checksum)).toBe(true);
      }
      return performance.now() - started;
    };
    const cold = run();
    const coldTimings = { ...timings };
    const warm = run();
    const table = Object.keys(timings).map((name) => `${name.padEnd(34)} cold ${coldTimings[name].toFixed(1).padStart(6)} ms   warm ${timings[name].toFixed(1).padStart(6)} ms`);
    console.log(`${C} cells × 260 periods × 52 folds\n${table.join('\n')}\nall: cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms`);
    expect(cold).toBeLessThan(2000);
  });
});
