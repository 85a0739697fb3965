import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import type { ModelSpec } from '../forecast/model-definition';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { forecastFolds } from './forecast-folds';
import { forecastInStep } from './forecast-in-step';
import { jobPlan } from './forecast-job';
import { protocolOf } from './protocol';

// 37 cells × 60 weeks of rare incidents far from the centre: the model universe grows over the
// folds (a ring-3 cell first has an incident well after week 40), so folds see restricted panels.
const { panel } = syntheticPanel({ rings: 3, periods: 60, seed: 21, rate: ({ ring }) => (ring === 0 ? 2 : 0.04 / ring) });
const models: ModelSpec[] = [
  { id: 'naive', params: {} },
  { id: 'historic-average', params: {} },
  { id: 'ewma', params: {} },
  { id: 'kde', params: { window: 8 } },
  { id: 'prospective', params: {} },
];
const job = { protocol: protocolOf({ horizon: 2, folds: 12, refitEvery: 3, validation: 0 }), models };

describe('forecastInStep(plan, models, make)', () => {
  it('forecasts bit for bit what each model forecasts on its own over every fold (forecastFolds), fits and updates alike', async () => {
    const { plan, make } = jobPlan(panel, job, BASELINES);
    const sizes = new Set(plan.universes.map((cells) => cells.length));
    expect(sizes.size).toBeGreaterThan(2); // the universe grows: folds restrict the panel
    const together = await forecastInStep(plan, [0, 1, 2, 3, 4], make);
    for (let m = 0; m < models.length; m++) {
      const alone = await forecastFolds(plan, { model: m, from: 0, to: plan.folds }, make[m]);
      expect(together[m].task).toEqual({ model: m, from: 0, to: 12 });
      expect(Buffer.from(together[m].values.buffer).equals(Buffer.from(alone.values.buffer))).toBe(true);
      expect(together[m].fittedFolds).toEqual(alone.fittedFolds);
    }
  });

  it('restricts the panel once a universe for all the models together, not once a model', async () => {
    const { plan, make } = jobPlan(panel, job, BASELINES);
    let made = 0;
    const counted = { ...plan, restriction: (cells: Int32Array, kept?: boolean) => (made++, plan.restriction(cells, kept)) };
    await forecastInStep(counted, [0, 1, 2, 3, 4], make);
    const restricted = new Set(plan.universes.map((cells) => cells.length).filter((U) => U < panel.cells.length));
    expect(made).toBe(restricted.size);
    made = 0;
    for (let m = 0; m < models.length; m++) await forecastFolds(counted, { model: m, from: 0, to: plan.folds }, make[m]);
    expect(made).toBe(models.length * restricted.size);
  });

  it('reports every model at every fold, fold by fold', async () => {
    const { plan, make } = jobPlan(panel, { ...job, protocol: protocolOf({ horizon: 1, folds: 2, validation: 0 }) }, BASELINES);
    const seen: string[] = [];
    await forecastInStep(plan, [0, 2], make, { onProgress: (m, fold, fit) => fit === undefined && seen.push(`${m}@${fold}`) });
    expect(seen).toEqual(['0@0', '2@0', '0@1', '2@1']);
  });
});
