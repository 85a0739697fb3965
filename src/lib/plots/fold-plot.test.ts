import { describe, expect, it } from 'vitest';
import type { Report } from '../evaluate/report';
import { foldPlot } from './fold-plot';

/** A report of two models over three monthly folds (test spans March, April, May 2017), as far as foldPlot reads it. */
const report = {
  panel: { bucket: 'month', clock: 'wall' },
  cutoffs: ['2017-03-01T00:00:00', '2017-04-01T00:00:00', '2017-05-01T00:00:00'].map((testStart, fold) => ({ fold, testStart })),
  models: [
    { name: 'naive', kind: 'baseline' },
    { name: 'mlp', kind: 'learned' },
  ],
  folds: [0, 1, 2].flatMap((fold) => [
    { fold, model: 'naive', metrics: { mae: 1 + fold, pai: { '0.05': 2 + fold } } },
    { fold, model: 'mlp', metrics: { mae: 2 - fold / 2, pai: { '0.05': 3 } } },
  ]),
} as unknown as Report;

describe('foldPlot', () => {
  it('foldPlot(monthly report, mae) ticks each month, not weekly, and plots one point per fold and model', () => {
    const plot = foldPlot(report, 'mae', undefined, { width: 760 });
    expect(plot.xTicks.map((t) => t.label)).toEqual(['Mar 2017', 'Apr', 'May']);
    expect(plot.xTicks.map((t) => t.value)).toEqual([Date.UTC(2017, 2, 1), Date.UTC(2017, 3, 1), Date.UTC(2017, 4, 1)]);
    expect(plot.series.map((s) => s.points.map((p) => p.value))).toEqual([
      [1, 2, 3],
      [2, 1.5, 1],
    ]);
    expect(plot.yLabel).toBe('MAE (lower is better)');
  });

  it('foldPlot(report, pai) needs a coverage level and reads the values at it', () => {
    expect(() => foldPlot(report, 'pai')).toThrow('foldPlot: pai is a hotspot metric and needs a coverage level');
    expect(foldPlot(report, 'pai', 0.05).series[0].points.map((p) => p.value)).toEqual([2, 3, 4]);
  });
});
