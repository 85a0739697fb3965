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
  it('recomputes MAE, RMSE, deviance, MASE, Brier, log score, hit rate, PAI and PEI of every fold and model', async () => {
    // Cells 0 and 1 have no incident before period 53: they join the model universe at the cutoff after their first incident.
    const { panel } = syntheticPanel({ rings: 3, periods: 60, seed: 21, rate: ({ cell, ring, period }) => (cell < 2 && period < 53 ? 0 : (3 / (1 + ring)) * (1 + 0.4 * Math.sin(period / 3))) });
    const protocol = protocolOf({ horizon: 2, folds: 6, step: 2, validation: 0, coverage: [0.05, 0.2] });
    const result = await backtest({
      panel,
      protocol,
      models: [{ id: 'naive', params: {} }, { id: 'kde', params: { window: 4 } }, { id: 'historic-average', params: {} }],
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
          for (const step of [1, 2]) {
            const cells = mine.filter((r) => r.step === step);
            const N = cells.reduce((s, r) => s + r.actual, 0);
            const region = cells.filter((r) => r.in_region);
            const A = region.reduce((s, r) => s + r.area_m2, 0);
            expect(region.length).toBeGreaterThan(0);
            const ranked = [...region].sort((a, b) => b[model.name] - a[model.name] || (a.cell < b.cell ? -1 : 1));
            let a = 0;
            let captured = 0;
            let k = 0;
            while (a < c * A * (1 - 1e-9)) {
              a += ranked[k].area_m2;
              captured += ranked[k].actual;
              k++;
            }
            expect(k).toBeGreaterThan(0);
            const best = region.map((r) => r.actual).sort((x, z) => z - x).slice(0, k).reduce((s, v) => s + v, 0);
            hit += captured / N / 2;
            pai += captured / N / (a / A) / 2;
            pei += captured / best / 2;
          }
          const key = String(c);
          expect((expected.hitRate as Record<string, number>)[key]).toBeCloseTo(hit, 9);
          expect((expected.pai as Record<string, number>)[key]).toBeCloseTo(pai, 9);
          expect((expected.pei as Record<string, number>)[key]).toBeCloseTo(pei, 9);
          checked++;
        }
      }
    }
    expect(checked).toBe(3 * 6 * 2); // models × folds × coverage levels
  });
});
