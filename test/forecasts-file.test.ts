/**
 * The forecasts file must be enough to recompute every metric of the report without
 * Hexcast. This test does that with plain, independent code over the file's rows.
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BASELINES } from '../src/lib/forecast/baselines';
import { backtest } from '../src/lib/evaluate/backtest';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { forecastsFileBytes } from '../src/lib/evaluate/forecasts-file';
import { syntheticPanel } from '../src/lib/simulate/synthetic-panel';

describe('forecasts file', () => {
  it('recomputes MAE, RMSE, deviance, MASE, Brier, log score, hit rate, PAI and PEI (with their tie range) of every fold and model', async () => {
    // Cells 0 and 1 have no incident before period 53: they join the model universe at the cutoff after their first incident.
    const { panel } = syntheticPanel({
      rings: 3,
      periods: 60,
      seed: 21,
      rate: ({ cell, ring, period }) => (cell < 2 && period < 53 ? 0 : (3 / (1 + ring)) * (1 + 0.4 * Math.sin(period / 3))),
    });
    const protocol = protocolOf({ horizon: 2, folds: 6, step: 2, validation: 0, coverage: [0.05, 0.2] });
    const result = await backtest({
      panel,
      protocol,
      models: [
        { id: 'naive', params: {} },
        { id: 'kde', params: { window: 4 } },
        { id: 'historic-average', params: {} },
      ],
      definitions: BASELINES,
      data: { kind: 'panel', files: [], sha256: '', rows: { read: 0, kept: 0, dropped: {} } },
      environment: { hexcast: 'test', runtime: 'test', libraries: {} },
    });
    const table = tableFromIPC(forecastsFileBytes(panel, result.forecasts, result.region, result.scores));
    const meta = JSON.parse(table.schema.metadata.get('hexcast.protocol')!);
    expect(meta.coverage).toEqual([0.05, 0.2]);
    const rows = table.toArray().map((row) => row.toJSON());
    expect(rows).toHaveLength(6 * 2 * panel.cells.length);

    expect(result.report.models.map((m) => m.name)).toEqual(['naive', 'kde(window=4, rings=1)', 'historic-average']);
    // in_universe: the cells with an incident before the cutoff (recounted from the panel), as
    // many as the report's cutoffs say; every model forecast exactly 0 for the others.
    const C = panel.cells.length;
    result.report.cutoffs.forEach(({ fold, cutoff, universeCells }) => {
      const seen = panel.cells.map((_, c) => panel.counts.subarray(0, cutoff * C).some((y, i) => i % C === c && y > 0));
      const mine = rows.filter((r) => r.fold === fold && r.step === 1);
      expect(mine.map((r) => r.in_universe)).toEqual(seen);
      expect(universeCells).toBe(seen.filter(Boolean).length);
      for (const r of rows.filter((row) => row.fold === fold && !row.in_universe)) {
        expect(result.report.models.map((m) => r[m.name])).toEqual(result.report.models.map(() => 0));
      }
    });
    expect(result.report.cutoffs.map((c) => c.universeCells)).toEqual([C - 2, C - 2, C - 2, C - 1, C, C]);

    let checked = 0;
    let tiedSteps = 0;
    for (const model of result.report.models) {
      for (let fold = 0; fold < 6; fold++) {
        const mine = rows.filter((r) => r.fold === fold);
        const f = mine.map((r) => r[model.name] as number);
        const y = mine.map((r) => r.actual as number);
        const n = f.length;
        expect(n).toBe(2 * panel.cells.length);
        const expected = result.report.folds.find((r) => r.fold === fold && r.model === model.name)!.metrics;
        const mae = f.reduce((s, v, i) => s + Math.abs(v - y[i]), 0) / n;
        const rmse = Math.sqrt(f.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / n);
        const deviance = (2 / n) * f.reduce((s, v, i) => s + (y[i] > 0 ? y[i] * Math.log(y[i] / Math.max(v, 1e-6)) : 0) - (y[i] - v), 0);
        const brier = f.reduce((s, v, i) => s + (1 - Math.exp(-v) - (y[i] >= 1 ? 1 : 0)) ** 2, 0) / n;
        const clamp = (p: number): number => Math.min(1 - 1e-6, Math.max(1e-6, p));
        const log = -f.reduce((s, v, i) => s + Math.log(y[i] >= 1 ? clamp(1 - Math.exp(-v)) : 1 - clamp(1 - Math.exp(-v))), 0) / n;
        expect(expected.mae).toBeCloseTo(mae, 9);
        expect(expected.rmse).toBeCloseTo(rmse, 9);
        expect(expected.poissonDeviance).toBeCloseTo(deviance, 9);
        expect(expected.mase).toBeCloseTo(mae / mine[0].naive_scale, 9);
        expect(expected.brier).toBeCloseTo(brier, 9);
        expect(expected.logScore).toBeCloseTo(log, 9);

        for (const c of [0.05, 0.2]) {
          let hit = 0;
          let pai = 0;
          let pei = 0;
          const worst = { pai: 0, pei: 0 };
          const optimistic = { pai: 0, pei: 0 };
          for (const step of [1, 2]) {
            const cells = mine.filter((r) => r.step === step);
            const N = cells.reduce((s, r) => s + r.actual, 0);
            const region = cells.filter((r) => r.in_region);
            const A = region.reduce((s, r) => s + r.area_m2, 0);
            expect(region.length).toBeGreaterThan(0);
            // The rule, written plainly: exactly c·A flagged; cells of equal forecast form one
            // group, the group at the boundary flagged in the share that reaches c·A and counting
            // that share of its incidents. n* = the same area filled by incidents per m², best first.
            const byForecast = new Map<number, { area: number; actual: number }>();
            for (const r of region) {
              const g = byForecast.get(r[model.name]) ?? { area: 0, actual: 0 };
              byForecast.set(r[model.name], { area: g.area + r.area_m2, actual: g.actual + r.actual });
            }
            const fill = (groups: { area: number; actual: number }[]): number => {
              let left = c * A;
              let n = 0;
              for (const g of groups) {
                n += Math.max(0, Math.min(1, left / g.area)) * g.actual;
                left -= g.area;
              }
              return n;
            };
            const captured = fill([...byForecast.entries()].sort((p, q) => q[0] - p[0]).map(([, g]) => g));
            const cellsOf = (rows: typeof region) => rows.map((r) => ({ area: r.area_m2, actual: r.actual }));
            const best = fill(cellsOf(region).sort((p, q) => q.actual / q.area - p.actual / p.area));
            // Tie range: ties ordered by incidents per m², ascending (worst-first) or descending.
            const density = (r: (typeof region)[number]) => r.actual / r.area_m2;
            const worstFirst = fill(cellsOf([...region].sort((p, q) => q[model.name] - p[model.name] || density(p) - density(q))));
            const bestFirst = fill(cellsOf([...region].sort((p, q) => q[model.name] - p[model.name] || density(q) - density(p))));
            worst.pai += worstFirst / N / c / 2;
            worst.pei += worstFirst / best / 2;
            optimistic.pai += bestFirst / N / c / 2;
            optimistic.pei += bestFirst / best / 2;
            if (Math.abs(bestFirst - worstFirst) > 1e-9) tiedSteps++;
            hit += captured / N / 2;
            pai += captured / N / c / 2;
            pei += captured / best / 2;
          }
          const key = String(c);
          expect((expected.hitRate as Record<string, number>)[key]).toBeCloseTo(hit, 9);
          expect((expected.pai as Record<string, number>)[key]).toBeCloseTo(pai, 9);
          expect((expected.pei as Record<string, number>)[key]).toBeCloseTo(pei, 9);
          const range = result.report.folds.find((r) => r.fold === fold && r.model === model.name)!.tieRange;
          expect(range.pai[key].worst).toBeCloseTo(worst.pai, 9);
          expect(range.pai[key].best).toBeCloseTo(optimistic.pai, 9);
          expect(range.pei[key].worst).toBeCloseTo(worst.pei, 9);
          expect(range.pei[key].best).toBeCloseTo(optimistic.pei, 9);
          checked++;
        }
      }
    }
    expect(tiedSteps).toBeGreaterThan(0); // naive's integer forecasts do tie at the boundary
    expect(checked).toBe(3 * 6 * 2); // models × folds × coverage levels
  });
});
