import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import type { Forecaster } from '../forecast/forecaster';
import type { History } from '../forecast/history';
import type { ModelSpec } from '../forecast/model-definition';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { forecastInStep } from './forecast-in-step';
import { jobPlan } from './forecast-job';
import { foldStepper, foldView } from './fold-stepper';
import { protocolOf } from './protocol';

// 37 cells × 60 weeks, rare incidents away from the centre: the universe grows over the folds, so most folds see restricted panels.
const { panel } = syntheticPanel({ rings: 3, periods: 60, seed: 5, rate: ({ ring }) => (ring === 0 ? 3 : 0.05 / ring) });
const models: ModelSpec[] = [
  { id: 'historic-average', params: {} },
  { id: 'ewma', params: { alpha: 0.3 } },
  { id: 'ewma', params: { alpha: 0.55 } },
  { id: 'shrunk-average', params: {} },
];

describe('foldStepper: running levels (History.running)', () => {
  it('forecasts the kernels that read running sums and levels bit for bit as their own passes do (plan without a runner)', async () => {
    const job = { protocol: protocolOf({ horizon: 2, folds: 15, validation: 0 }), models };
    const { plan, make } = jobPlan(panel, job, BASELINES);
    expect(new Set(plan.universes.map((cells) => cells.length)).size).toBeGreaterThan(2);
    const running = await forecastInStep(plan, [0, 1, 2, 3], make);
    const passes = await forecastInStep({ ...plan, runner: undefined }, [0, 1, 2, 3], make);
    for (let m = 0; m < models.length; m++) {
      expect(running[m].values.some((v) => v > 0)).toBe(true);
      expect(Buffer.from(running[m].values.buffer).equals(Buffer.from(passes[m].values.buffer))).toBe(true);
    }
  });

  it('hands running levels to an expanding window only: a sliding window fits on its counts', async () => {
    const seen: boolean[] = [];
    const spy = (inner: Forecaster): Forecaster => ({
      ...inner,
      fit: (history: History, options) => (seen.push(history.running !== undefined), inner.fit(history, options)),
      predict: (horizon) => inner.predict(horizon),
    });
    for (const window of ['expanding', 20] as const) {
      const { plan, make } = jobPlan(panel, { protocol: protocolOf({ horizon: 1, folds: 3, window, validation: 0 }), models: models.slice(0, 1) }, BASELINES);
      const stepper = foldStepper(plan, { model: 0, from: 0, to: 3 }, () => spy(make[0]()));
      for (let k = 0; k < 3; k++) await stepper.step(k, foldView(plan, k));
    }
    expect(seen).toEqual([true, true, true, false, false, false]);
  });
});
