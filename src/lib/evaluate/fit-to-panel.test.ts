import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import { WEEKLY_RES8 } from '../forecast/baselines/tiny-history';
import { parseModelSpec } from '../forecast/model-definition';
import { LEARNED_TF } from '../forecast/tf/definitions';
import { fitToPanel } from './fit-to-panel';
import { protocolOf } from './protocol';

const baselines = BASELINES.map((d) => ({ id: d.id, params: {} }));
const learned = LEARNED_TF.map((d) => ({ id: d.id, params: {} }));
const specs = (...texts: string[]) => texts.map(parseModelSpec);

describe('fitToPanel: the auto rule on worked examples (weekly panels, horizon 1, validation 8)', () => {
  it('30 weeks, every baseline: seasonal-naive(m=52) is left out; folds = min(26, 29 − 13 + 1) = 17 for kde’s 13-week window', () => {
    const fit = fitToPanel(30, protocolOf({}), baselines, BASELINES, WEEKLY_RES8);
    expect(fit.protocol.folds).toBe(17);
    expect(fit.leftOut).toEqual([
      {
        model: 'seasonal-naive(m=52)',
        reason:
          'seasonal-naive(m=52) needs 52 training periods, but the panel has only 29 before its last cutoff (30 periods, horizon 1) (a season is never shortened)',
      },
    ]);
    expect(fit.models.map((m) => m.id)).toEqual(['naive', 'historic-average', 'shrunk-average', 'window-average', 'ewma', 'kde', 'prospective']);
    // First cutoff 29 − 16 = 13 holds kde's 13 weeks: no window is shortened, and no baseline is charged the 8 validation periods.
    expect(fit.choices).toEqual([
      { setting: 'folds', value: 17, reason: 'auto: 26 would leave too few training periods; the first fold keeps 13 for kde(window=13, rings=1)' },
    ]);
    expect(fit.models.every((m) => Object.keys(m.params).length === 0)).toBe(true);
  });

  it('30 weeks, the learned models: each needs 4 + 8 + 8 validation = 20 at its shortest, so folds = 29 − 20 + 1 = 10 and the GRU’s 26-week and the graph’s 8-week windows shrink to 4', () => {
    const fit = fitToPanel(30, protocolOf({}), learned, LEARNED_TF, WEEKLY_RES8);
    expect(fit.leftOut).toEqual([]);
    expect(fit.protocol.folds).toBe(10);
    expect(fit.models).toEqual([
      { id: 'poisson-glm', params: {} },
      { id: 'mlp', params: {} },
      { id: 'gru', params: { window: 4 } },
      { id: 'graph', params: { window: 4 } },
    ]);
    expect(fit.choices.map((c) => [c.setting, c.value])).toEqual([
      ['folds', 10],
      ['gru: window', 4],
      ['graph: window', 4],
    ]);
    expect(fit.choices[1].reason).toBe("auto: 26 by bucket, shortened to fit the first fold's 20 training periods");
  });

  it('52 weeks, the GRU: it counts for ⌈51/2⌉ = 26 periods, so 26 folds fit and its window shrinks to 26 − 16 = 10', () => {
    const fit = fitToPanel(52, protocolOf({}), specs('gru'), LEARNED_TF, WEEKLY_RES8);
    expect(fit.protocol.folds).toBe(26);
    expect(fit.models).toEqual([{ id: 'gru', params: { window: 10 } }]);
  });

  it('300 weeks: every default fits, so nothing changes (26 folds, windows by bucket, nobody left out)', () => {
    const fit = fitToPanel(300, protocolOf({}), baselines, BASELINES, WEEKLY_RES8);
    expect(fit.protocol.folds).toBe(26);
    expect(fit.models).toEqual(baselines);
    expect(fit.leftOut).toEqual([]);
    expect(fit.choices).toEqual([{ setting: 'folds', value: 26, reason: 'auto: the default 26 fit' }]);
  });

  it('an explicit fold count shortens auto windows but keeps today’s error for a model it squeezes out', () => {
    const fit = fitToPanel(30, protocolOf({ folds: 26 }), specs('naive', 'kde'), BASELINES, WEEKLY_RES8);
    expect(fit.protocol.folds).toBe(26);
    expect(fit.models).toEqual([
      { id: 'naive', params: {} },
      { id: 'kde', params: { window: 4 } },
    ]);
    expect(() => fitToPanel(30, protocolOf({ folds: 26 }), specs('poisson-glm'), LEARNED_TF, WEEKLY_RES8)).toThrow(
      "Model 'poisson-glm' needs 12 training periods plus 8 for validation, but the first fold has only 4 (cutoff at period 4 of 30); use fewer folds, a shorter horizon or a longer window",
    );
    expect(() => fitToPanel(30, protocolOf({ folds: 40 }), specs('naive'), BASELINES, WEEKLY_RES8)).toThrow(
      'The panel has 30 periods; 40 folds of horizon 1 stepping by 1 need at least 41',
    );
  });

  it('an explicit period count that cannot fit is an error naming it, not a silent leave-out', () => {
    expect(() => fitToPanel(30, protocolOf({}), specs('naive', 'seasonal-naive:m=52'), BASELINES, WEEKLY_RES8)).toThrow(
      "Model 'seasonal-naive(m=52)' needs 52 training periods, but the panel has only 29 before its last cutoff (30 periods, horizon 1); lower m or set it to 0 (auto)",
    );
  });

  it('fails with every reason when no model can run', () => {
    expect(() => fitToPanel(10, protocolOf({}), specs('seasonal-naive', 'poisson-glm'), [...BASELINES, ...LEARNED_TF], WEEKLY_RES8)).toThrow(
      'No model can run on this panel of 10 periods: seasonal-naive(m=52) needs 52 training periods, but the panel has only 9 before its last cutoff (10 periods, horizon 1) (a season is never shortened); ' +
        'poisson-glm needs 12 training periods plus 8 for validation, but the panel has only 9 before its last cutoff (10 periods, horizon 1)',
    );
  });
});
