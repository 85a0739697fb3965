import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import { regionFromCells } from '../grid/study-region';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { backtest, type BacktestResult } from './backtest';
import { hygieneChecks, type HygieneInput } from './hygiene';
import { mae } from './metrics';
import { protocolOf } from './protocol';
import type { Report } from './report';

// 19 cells (2 rings); the outer ring has no incident in the first 52 weeks (the first cutoff is 48), then a rate of 1.
const { panel } = syntheticPanel({ rings: 2, periods: 60, seed: 4, rate: ({ ring, period }) => (ring === 2 ? (period < 52 ? 0 : 1) : 3 - ring) });
const SHA = 'a'.repeat(64);

async function run(folds = 6, sha = SHA): Promise<BacktestResult> {
  return backtest({
    panel,
    protocol: protocolOf({ horizon: 2, folds, step: 2, validation: 0, coverage: [0.1, 0.3], seed: 2 }),
    models: [
      { id: 'naive', params: {} },
      { id: 'historic-average', params: {} },
    ],
    definitions: BASELINES,
    data: { kind: 'panel', files: [{ name: 'p.arrow', bytes: 1, rows: 1 }], sha256: sha, rows: { read: 1, kept: 1, dropped: {} } },
    environment: { hexcast: 'test', runtime: 'test', libraries: {} },
  });
}

const inputOf = (result: BacktestResult, change: Partial<HygieneInput> = {}): HygieneInput => ({ ...result, panel, ...change });
const failed = (input: HygieneInput) =>
  hygieneChecks(input)
    .filter((c) => !c.ok)
    .map((c) => [c.id, c.reason]);

describe('hygieneChecks', () => {
  it('passes an honest backtest on every item, and backtest puts the list into the report', async () => {
    const result = await run();
    expect(failed(inputOf(result))).toEqual([]);
    expect(result.report.hygiene!.map((c) => [c.id, c.ok])).toEqual([
      ['every-cell-scored', true],
      ['tuning-on-validation', true],
      ['cutoffs-fixed', true],
      ['region-before-cutoff', true],
      ['data-fingerprint', true],
      ['enough-folds', true],
    ]);
    expect(result.report.hygiene![3].reason).toBe('all 7 region cells had an incident before the first cutoff');
    expect(result.report.hygiene![1].reason).toBe('baselines only: nothing is tuned');
  });

  it('fails every-cell-scored when a fold’s MAE was computed on the cells with incidents only', async () => {
    const result = await run();
    const C = panel.cells.length;
    const cutoff = result.forecasts.cutoffs[0];
    const f = result.forecasts.models[0].values.subarray(0, 2 * C);
    const y = panel.counts.subarray(cutoff * C, (cutoff + 2) * C);
    const nonzero = mae(
      f.filter((_, i) => y[i] > 0),
      y.filter((v) => v > 0),
    );
    const folds = result.report.folds.map((row, i) => (i === 0 ? { ...row, metrics: { ...row.metrics, mae: nonzero } } : row));
    const [[id, reason]] = failed(inputOf(result, { report: { ...result.report, folds } }));
    expect(id).toBe('every-cell-scored');
    expect(reason).toMatch(/^naive, fold 0: MAE [\d.]+ in the report, [\d.]+ over every cell and step with the zeros$/);
  });

  it('fails every-cell-scored when the hit rates were scored on a smaller region than the report states', async () => {
    const result = await run();
    const smaller = { ...result.region, mask: Uint8Array.from(result.region.mask, (x, c) => (c === result.region.mask.indexOf(1) ? 0 : x)) };
    expect(failed(inputOf(result, { region: smaller }))[0]).toEqual(['every-cell-scored', "the region scored has 6 cells; the report's study region has 7"]);
  });

  it('fails tuning-on-validation when a learned fit chose its epoch without a validation loss', async () => {
    const result = await run();
    const log = { epochs: [1, 2, 3].map((epoch) => ({ epoch, loss: 1 / epoch })), chosenEpoch: 3, wallMs: 1 };
    const models = result.report.models.map((m, i) => (i === 1 ? { ...m, kind: 'learned' as const, training: [null, log] } : m));
    expect(failed(inputOf(result, { report: { ...result.report, models } }))).toEqual([
      ['tuning-on-validation', 'historic-average chose epoch 3 at fold 1 without a validation loss: not on validation periods'],
    ]);
  });

  it('passes tuning-on-validation for a fit that ran to convergence and chose no epoch (Newton, EM)', async () => {
    const result = await run();
    const log = { epochs: [1, 2, 3].map((epoch) => ({ epoch, loss: 1 / epoch })), wallMs: 1 };
    const models = result.report.models.map((m, i) => (i === 1 ? { ...m, kind: 'learned' as const, training: [null, log] } : m));
    const input = inputOf(result, { report: { ...result.report, models } });
    expect(failed(input)).toEqual([]);
    expect(hygieneChecks(input).find((c) => c.id === 'tuning-on-validation')!.reason).toBe('no learned fit chose an epoch; baselines tune nothing');
  });

  it('fails cutoffs-fixed when a fold was dropped after scoring (cherry-picked cutoffs)', async () => {
    const result = await run();
    const report: Report = { ...result.report, cutoffs: result.report.cutoffs.slice(1) };
    expect(failed(inputOf(result, { report }))).toEqual([
      ['cutoffs-fixed', "the report's cutoffs [50, 52, 54, 56, 58] are not the protocol's [48, 50, 52, 54, 56, 58]: chosen after the fact"],
    ]);
  });

  it('fails region-before-cutoff for a region drawn from all the data, and passes a declared boundary', async () => {
    const result = await run();
    const all = regionFromCells(panel, panel.cells, 'history');
    const [[id, reason]] = failed(
      inputOf(result, {
        region: all,
        report: { ...result.report, panel: { ...result.report.panel, studyRegion: { source: 'history', cells: 19, area_m2: all.area } } },
      }),
    ).filter(([x]) => x === 'region-before-cutoff');
    expect(id).toBe('region-before-cutoff');
    expect(reason).toMatch(/^12 region cells have no incident before the first cutoff: drawn with test-period data \(e\.g\. 8[0-9a-f]{14}\)$/);
    const declared = hygieneChecks(inputOf(result, { region: { ...all, source: 'boundary' } })).find((c) => c.id === 'region-before-cutoff')!;
    expect([declared.ok, declared.reason]).toEqual([true, 'a declared boundary (19 cells)']);
  });

  it('fails data-fingerprint without a SHA-256, and enough-folds with 4 folds', async () => {
    const result = await run(4, 'abc');
    expect(failed(inputOf(result))).toEqual([
      ['data-fingerprint', "the report's data fingerprint is 'abc', not a SHA-256 (64 hex digits)"],
      ['enough-folds', '4 folds: an interval needs at least 5'],
    ]);
  });
});
