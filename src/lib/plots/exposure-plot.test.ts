import { describe, expect, it } from 'vitest';
import type { ReportExposure } from '../evaluate/exposure/report-exposure';
import { exposurePlot } from './exposure-plot';

const at = (ratios: number[], interval = true) => ({
  share: ratios.map(() => ({ mean: 0.5, lo: 0.4, hi: 0.6, n: 8 })),
  ratio: ratios.map((r) => ({ mean: r, lo: interval ? r - 0.5 : NaN, hi: interval ? r + 0.5 : NaN, n: 8 })),
  ratioToIncidents: ratios.map((r) => ({ mean: r, lo: NaN, hi: NaN, n: 8 })),
  persistence: 0.5,
  gini: 0.5,
  distinctCells: 3,
  distinctWhole: 3,
});
const exposure = {
  groups: ['Black', 'White'],
  coverage: [0.05],
  selections: [
    { name: 'kde', kind: 'model', coverage: { '0.05': at([3, 0.2]) } },
    { name: 'hindsight oracle', kind: 'hindsight', coverage: { '0.05': at([2, NaN]) } },
    { name: 'random selection', kind: 'random', coverage: { '0.05': at([1, 1], false) } },
  ],
} as unknown as ReportExposure;

describe('exposurePlot(exposure, 0.05)', () => {
  const plot = exposurePlot(exposure, 0.05);

  // Labels 24 + 6.5·5 → 57 px; x runs over 544 − 57 = 487 px from 0 to the largest upper bound, 3.5.
  const x = (ratio: number): number => 57 + (487 * ratio) / 3.5;

  it('puts x from 0 to the largest upper bound (3.5) across 487 px, the reference at ratio 1; a band of 12·3 + 12 px per group', () => {
    expect(plot.frame).toEqual({ left: 57, top: 10, right: 544, bottom: 10 + 2 * 48 });
    expect(plot.xTicks.map((t) => t.value)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    expect(plot.reference).toBeCloseTo(x(1), 9);
  });

  it('draws one mark per finite ratio (the oracle has none for White), shaped by kind, whiskers only with an interval', () => {
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    expect(plot.marks.map((m) => [m.selection, m.group, m.shape, round(m.x), m.y, m.lo !== undefined])).toEqual([
      ['kde', 'Black', 'circle', round(x(3)), 22, true],
      ['hindsight oracle', 'Black', 'diamond', round(x(2)), 34, true],
      ['random selection', 'Black', 'square', round(x(1)), 46, false],
      ['kde', 'White', 'circle', round(x(0.2)), 70, true],
      ['random selection', 'White', 'square', round(x(1)), 94, false],
    ]);
    expect(plot.groups).toEqual([
      { name: 'Black', y: 34 },
      { name: 'White', y: 82 },
    ]);
    expect(plot.legend.map((l) => l.shape)).toEqual(['circle', 'diamond', 'square']);
  });
});
