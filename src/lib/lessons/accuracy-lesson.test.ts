import { describe, expect, it } from 'vitest';
import { accuracyLesson } from './accuracy-lesson';
import type { LessonContext } from './lesson-context';
import { syntheticPanel } from '../simulate/synthetic-panel';

const context = (panel: LessonContext['panel']): LessonContext => ({ panel, region: null, signal: new AbortController().signal, progress: () => {} });

describe('accuracyLesson', () => {
  it('on a sparse world "flag nothing" is right on 1 − base rate of the cell-periods, yet catches nothing; the model’s AUC beats 0.5', async () => {
    const out = await accuracyLesson({ source: 'sparse', seed: 2 }, context(null));
    expect(out.source).toBe('patch');
    expect(out.cells).toBe(331);
    expect(out.rows.map((r) => r.id)).toEqual(['nothing', 'naive', 'model']);
    const [nothing, , model] = out.rows;
    // Flagging nothing classifies every empty cell-period right: accuracy = 1 − base rate exactly.
    expect(nothing.accuracy[0]).toBeCloseTo(1 - out.baseRate, 12);
    expect(out.baseRate).toBeLessThan(0.1);
    expect(nothing.hitRate[0]).toBe(0);
    expect(nothing.auc).toBe(0.5);
    expect(model.auc).toBeGreaterThan(0.55);
    // Flagging 5 % costs accuracy on sparse data (most flags are false alarms) while the hit rate rises.
    expect(out.coverage[5]).toBe(0.05);
    expect(model.accuracy[5]).toBeLessThan(nothing.accuracy[0]);
    expect(model.hitRate[5]).toBeGreaterThan(0.05);
  });

  it('scores the binned panel itself with the backtest’s study region: a cell never seen before the first cutoff is left out', async () => {
    // 7 cells; the outer ring (6 cells) has incidents, the centre none in the first 60 periods (the first cutoff is 80 − 26 = 54).
    const { panel } = syntheticPanel({ rings: 1, periods: 80, seed: 4, rate: ({ ring, period }) => (ring === 0 ? (period < 60 ? 0 : 2) : 1) });
    const out = await accuracyLesson({ source: 'data', seed: 1 }, context(panel));
    expect(out.source).toBe('data');
    expect(out.cells).toBe(6);
    expect(out.folds).toBe(26);
  });
});
