import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import type { Panel } from '../grid/panel';
import { extendPanel } from '../grid/extend-panel';
import { diskOf } from '../grid/h3';
import { regionFromCells } from '../grid/study-region';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { backtest } from './backtest';
import { protocolOf } from './protocol';
import type { ReportData } from './report';

const DAY = 86_400_000;
// 5 days × 3 cells of equal area 1 (cells need not be real H3 indexes: no model here reads neighbours).
//        a  b  c
// p0:    1  0  0
// p1:    2  1  0
// p2:    3  0  1
// p3:    6  3  0   ← test period of fold 0 (cutoff 3)
// p4:    0  2  4   ← test period of fold 1 (cutoff 4)
const panel: Panel = {
  res: 8,
  bucket: { unit: 'day', timeZone: 'UTC', clock: 'wall' },
  cells: ['a', 'b', 'c'],
  area: Float64Array.of(1, 1, 1),
  periods: Float64Array.from({ length: 5 }, (_, p) => p * DAY),
  end: 5 * DAY,
  counts: Float32Array.of(1, 0, 0, 2, 1, 0, 3, 0, 1, 6, 3, 0, 0, 2, 4),
};
const data: ReportData = { kind: 'panel', files: [], sha256: '0', rows: { read: 0, kept: 0, dropped: {} } };
const environment = { hexcast: 'test', runtime: 'test', libraries: {} };

describe('backtest on a hand-worked panel', () => {
  const run = () =>
    backtest({
      panel,
      protocol: protocolOf({ horizon: 1, folds: 2, step: 1, validation: 0, coverage: [1 / 3], seed: 5 }),
      models: [
        { id: 'naive', params: {} },
        { id: 'historic-average', params: {} },
      ],
      definitions: BASELINES,
      data,
      environment,
    });

  it('scores naive: MAE 7/3 then 11/3; MASE 2.8 then 2.75 (scales 5/6 and 4/3); PAI 2 then 0', async () => {
    const { report } = await run();
    expect(report.cutoffs.map((c) => c.cutoff)).toEqual([3, 4]);
    const naive = report.folds.filter((f) => f.model === 'naive');
    expect(naive.map((f) => f.metrics.mae)).toEqual([7 / 3, 11 / 3].map((v) => expect.closeTo(v, 12)));
    expect(naive.map((f) => f.metrics.mase)).toEqual([2.8, 2.75].map((v) => expect.closeTo(v, 12)));
    expect(naive.map((f) => (f.metrics.pai as Record<string, number>)[String(1 / 3)])).toEqual([2, 0]);
    expect(naive.map((f) => (f.metrics.pei as Record<string, number>)[String(1 / 3)])).toEqual([1, 0]);
    expect(naive.map((f) => (f.metrics.hitRate as Record<string, number>)[String(1 / 3)])).toEqual([2 / 3, 0]);
  });

  it('picks historic average as the best MAE baseline (mean 14.75/6) and compares naive with it', async () => {
    const { report } = await run();
    expect(report.bestBaseline.mae).toBe('historic-average');
    const [naive, average] = report.models;
    expect(average.metrics.mae.mean).toBeCloseTo(14.75 / 6, 12);
    expect(naive.metrics.mae.mean).toBeCloseTo(3, 12);
    // Per-fold differences: 7/3 − 7/3 = 0 and 11/3 − 7.75/3 = 3.25/3.
    expect(naive.comparisons.mae.difference.mean).toBeCloseTo(3.25 / 6, 12);
    expect(naive.comparisons.mae.skill).toBeCloseTo(1 - 3 / (14.75 / 6), 12);
    expect(average.comparisons.mae.verdict).toBe('is-baseline');
    // Identical hotspot choices on both folds: a tie, which goes to the model listed first.
    expect(report.bestBaseline.pai[String(1 / 3)]).toBe('naive');
    expect(average.comparisons.pai[String(1 / 3)].difference.mean).toBe(0);
    // Two folds are too few for an interval, so no verdict either way.
    expect(average.comparisons.pai[String(1 / 3)].verdict).toBe('undefined');
    expect(naive.comparisons.mae.verdict).toBe('undefined');
  });

  it('records the panel, region, spans and models in the report', async () => {
    const { report } = await run();
    expect(report.panel).toMatchObject({ resolution: 8, bucket: 'day', cells: 3, periods: 5, incidents: 23, firstPeriod: '1970-01-01T00:00:00' });
    expect(report.panel.studyRegion).toEqual({ source: 'history', cells: 3, area_m2: 3 });
    expect(report.cutoffs[0]).toEqual({
      fold: 0,
      cutoff: 3,
      trainStart: '1970-01-01T00:00:00',
      testStart: '1970-01-04T00:00:00',
      testEnd: '1970-01-05T00:00:00',
      universeCells: 3,
    });
    expect(report.models.map((m) => [m.name, m.spec, m.kind])).toEqual([
      ['naive', 'naive', 'baseline'],
      ['historic-average', 'historic-average', 'baseline'],
    ]);
    expect(report.summary.headline).toMatch(/^Too few folds for intervals/);
  });

  it('gives the same numbers bit for bit on a second run', async () => {
    const strip = ({ createdAt, timings, models, ...rest }: Awaited<ReturnType<typeof run>>['report']) => ({
      ...rest,
      models: models.map(({ timing, ...m }) => m),
    });
    const a = await run();
    const b = await run();
    expect(JSON.stringify(strip(b.report))).toBe(JSON.stringify(strip(a.report)));
  });
});

describe('backtest with a declared geography', () => {
  it("models a boundary's empty cells at every fold; without the boundary such a cell is forecast 0", async () => {
    const { panel: disk } = syntheticPanel({ rings: 1, periods: 12, rate: () => 2, seed: 9 });
    const outside = diskOf({ cell: disk.cells[0], k: 3 })[3][0]; // a res-8 cell beyond the disk, without incidents
    const empty = extendPanel(disk, [outside]);
    const e = empty.cells.indexOf(outside);
    const run = (declare: boolean) =>
      backtest({
        panel: empty,
        region: declare ? regionFromCells(empty, empty.cells) : undefined,
        protocol: protocolOf({ horizon: 1, folds: 2, validation: 0 }),
        models: [{ id: 'shrunk-average', params: {} }],
        definitions: BASELINES,
        data,
        environment,
      });
    const declared = await run(true);
    const notDeclared = await run(false);
    expect(declared.report.cutoffs.map((c) => c.universeCells)).toEqual([8, 8]);
    expect(notDeclared.report.cutoffs.map((c) => c.universeCells)).toEqual([7, 7]);
    // Shrunk toward the pooled mean, the declared empty cell is forecast above 0; unknown, it is forecast 0.
    expect(declared.forecasts.models[0].values[e]).toBeGreaterThan(0.1);
    expect(notDeclared.forecasts.models[0].values[e]).toBe(0);
  });
});

describe('backtest on a synthetic panel with a clear signal', () => {
  it('finds that a long-run average beats the last value when rates are constant', async () => {
    const { panel: noisy } = syntheticPanel({ rings: 3, periods: 120, rate: ({ ring }) => 4 / (1 + ring), seed: 3 });
    const { report } = await backtest({
      panel: noisy,
      protocol: protocolOf({ horizon: 1, folds: 30, step: 1, validation: 0, coverage: [0.1] }),
      models: [
        { id: 'naive', params: {} },
        { id: 'historic-average', params: {} },
      ],
      definitions: BASELINES,
      data,
      environment,
    });
    const naive = report.models[0];
    expect(report.bestBaseline.poissonDeviance).toBe('historic-average');
    expect(naive.comparisons.poissonDeviance.verdict).toBe('worse');
    expect(naive.comparisons.poissonDeviance.pValue).toBeLessThan(0.01);
    expect(report.summary.models.find((m) => m.name === 'naive')?.text).toBe('naive: worse than the best baseline on every metric.');
  });
});

describe('summarised comparisons', () => {
  it('treat metric values equal to float precision as equal: no verdict from rounding noise', async () => {
    const { differenceOf } = await import('./summarise-scores');
    expect(differenceOf(3.64, 3.6400000000000006)).toBe(0);
    expect(differenceOf(0.1 + 0.2, 0.3)).toBe(0);
    expect(differenceOf(3.64, 3.63)).toBeCloseTo(0.01, 12);
    expect(differenceOf(0, 1e-300)).toBe(0);
  });
});

describe('backtest with few folds', () => {
  it('gives means but no intervals and no verdicts below 5 folds, and intervals from 5 on', async () => {
    const { panel: small } = syntheticPanel({ rings: 2, periods: 40, rate: ({ ring }) => 3 / (1 + ring), seed: 6 });
    const run = (folds: number) =>
      backtest({
        panel: small,
        protocol: protocolOf({ horizon: 1, folds, validation: 0, coverage: [0.1] }),
        models: [
          { id: 'naive', params: {} },
          { id: 'historic-average', params: {} },
        ],
        definitions: BASELINES,
        data,
        environment,
      });
    const few = (await run(4)).report;
    const naive = few.models[0];
    expect(Number.isFinite(naive.metrics.mae.mean)).toBe(true);
    expect([naive.metrics.mae.lo, naive.metrics.mae.hi]).toEqual([Number.NaN, Number.NaN]);
    expect(naive.comparisons.mae.verdict).toBe('undefined');
    expect(few.summary.headline).toMatch(/^Too few folds for intervals/);
    const enough = (await run(5)).report;
    expect(Number.isFinite(enough.models[0].metrics.mae.lo)).toBe(true);
    expect(enough.models[0].comparisons.poissonDeviance.verdict).not.toBe('undefined');
  });
});
