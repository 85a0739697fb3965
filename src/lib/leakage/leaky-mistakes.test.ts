import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import { windowAverage } from '../forecast/baselines/window-average';
import { baselineForecaster } from '../forecast/baselines/baseline-forecaster';
import { flatForecast } from '../forecast/baselines/flat-forecast';
import type { Panel } from '../grid/panel';
import { studyRegion, regionFromCells } from '../grid/study-region';
import { createModel } from '../forecast/model-definition';
import { protocolOf } from '../evaluate/protocol';
import { runForecasts } from '../evaluate/run-forecasts';
import { scoreForecasts } from '../evaluate/score-forecasts';
import { inflationRow } from './inflation';
import { lagRegression, lagRegressionFittedOnAllData } from './lag-regression';
import { seriesOfScores } from './metric-series';
import { randomSplitForecasts, randomSplitPeriods } from './random-split-training';
import { regionFromAllData } from './region-from-all-data';
import { scoreOnlyCellsWithIncidents } from './score-only-cells-with-incidents';
import { tuningOnTestFolds } from './tuning-on-test';
import { cellsWithAnyIncident } from './universe-from-all-data';

const DAY = 86_400_000;
/** A panel of equal-area cells (not real H3 indexes: no model here reads neighbours), period-major rows. */
function panelOf(cells: string[], rows: number[][]): Panel {
  return {
    res: 8,
    bucket: { unit: 'day', timeZone: 'UTC', clock: 'wall' },
    cells,
    area: new Float64Array(cells.length).fill(1),
    periods: Float64Array.from(rows, (_, p) => p * DAY),
    end: rows.length * DAY,
    counts: Float32Array.from(rows.flat()),
  };
}

// 5 days × 4 cells:  a  b  c  d
const worked = panelOf(
  ['a', 'b', 'c', 'd'],
  [
    [2, 1, 0, 0],
    [2, 1, 0, 0],
    [2, 1, 0, 0],
    [2, 0, 3, 0], // test period of fold 0 (cutoff 3): c appears
    [0, 2, 0, 4], // test period of fold 1 (cutoff 4): d appears
  ],
);
const protocol = protocolOf({ horizon: 1, folds: 2, step: 1, validation: 0, coverage: [0.5], seed: 5 });
const historicAverage = () => createModel({ id: 'historic-average', params: {} }, BASELINES, { res: 8, bucket: worked.bucket });
/** A test model that forecasts the mean count over all its cells, for every cell: it pools over its universe. */
const pooledMean = () =>
  baselineForecaster({
    name: 'pooled-mean',
    minHistory: 1,
    fit: (h) => {
      const mean = h.counts.reduce((s, x) => s + x, 0) / h.counts.length;
      return new Float32Array(h.cells.length).fill(mean);
    },
    predict: flatForecast,
  });

describe('inflationRow', () => {
  it('counts a lower MAE and a higher PAI as inflation (positive), fold by fold', () => {
    const mae = inflationRow('m', { metric: 'mae', values: Float64Array.of(1, 2) }, { metric: 'mae', values: Float64Array.of(0.5, 1.5) }, 1);
    expect(mae.inflation.mean).toBe(0.5);
    const pai = inflationRow(
      'm',
      { metric: 'pai', coverage: 0.05, values: Float64Array.of(2, 3) },
      { metric: 'pai', coverage: 0.05, values: Float64Array.of(3, 3) },
      1,
    );
    expect([pai.inflation.mean, pai.coverage, pai.honest.mean, pai.leaky.mean]).toEqual([0.5, 0.05, 2.5, 3]);
    expect(Number.isNaN(pai.inflation.lo)).toBe(true); // 2 folds: no interval (at least 5, as in the report)
  });
});

describe('regionFromAllData (leaky) against the honest region', () => {
  it('takes c and d, first seen in the test periods, into the region: 4 cells instead of 2', () => {
    expect(studyRegion(worked, 3).cells).toBe(2);
    const leaky = regionFromAllData(worked);
    expect([leaky.cells, leaky.area, Array.from(leaky.mask)]).toEqual([4, 4, [1, 1, 1, 1]]);
  });

  it('inflates historic-average’s hit rate at 50 % from 0 to 1/6 in fold 1 (a tie of b and c at 0.75 shares the second flagged cell)', async () => {
    const set = await runForecasts(worked, protocol, [historicAverage]);
    const honest = seriesOfScores(scoreForecasts(worked, set, studyRegion(worked, 3)), 0).find((s) => s.metric === 'hitRate')!;
    const leaky = seriesOfScores(scoreForecasts(worked, set, regionFromAllData(worked)), 0).find((s) => s.metric === 'hitRate')!;
    // Fold 0: forecasts a 2, b 1; honest flags a (1 of 2 cells), leaky flags a and b (2 of 4): 2 of 5 incidents either way.
    // Fold 1: forecasts a 2, b 0.75, c 0.75; honest flags a: 0 of 6; leaky flags a and half of {b, c}: (2 + 0)/2 = 1 of 6.
    expect(Array.from(honest.values)).toEqual([0.4, 0]);
    expect(Array.from(leaky.values)).toEqual([0.4, expect.closeTo(1 / 6, 12)]);
    expect(inflationRow('historic-average', honest, leaky, 1).inflation.mean).toBeCloseTo(1 / 12, 12);
  });
});

describe('cellsWithAnyIncident (leaky universe) against the model universe', () => {
  it('marks every cell with an incident anywhere, plus the declared ones', () => {
    expect(Array.from(cellsWithAnyIncident(worked))).toEqual([1, 1, 1, 1]);
    const empty = panelOf(['a', 'b'], [[1, 0]]);
    expect(Array.from(cellsWithAnyIncident(empty, Uint8Array.of(0, 1)))).toEqual([1, 1]);
  });

  it('lets a pooled mean spread over c and d before they appear: MAE 1.25 either way in fold 0, 43/24 → 1.5 in fold 1', async () => {
    const honest = await runForecasts(worked, protocol, [pooledMean]);
    const leaky = await runForecasts(worked, protocol, [pooledMean], { declared: cellsWithAnyIncident(worked) });
    // Honest fold 0: universe {a, b}, mean 9/6 = 1.5 on a and b, 0 on c, d: |1.5−2| + |1.5−0| + 3 + 0 = 5 → 5/4.
    // Leaky fold 0: universe {a, b, c, d}, mean 9/12 = 0.75 everywhere: 1.25 + 0.75 + 2.25 + 0.75 = 5 → 5/4.
    // Fold 1: honest universe {a, b, c}, mean 14/12 on a, b, c: 7/6 + 5/6 + 7/6 + 4 = 43/6 → 43/24;
    //         leaky mean 14/16 = 0.875 everywhere: 0.875 + 1.125 + 0.875 + 3.125 = 6 → 1.5.
    const mae = (set: Awaited<ReturnType<typeof runForecasts>>) => Array.from(scoreForecasts(worked, set, studyRegion(worked, 3)).models[0].count.mae);
    expect(mae(honest)).toEqual([1.25, 43 / 24].map((v) => expect.closeTo(v, 6)));
    expect(mae(leaky)).toEqual([1.25, 1.5].map((v) => expect.closeTo(v, 6)));
  });
});

describe('scoreOnlyCellsWithIncidents (leaky scoring)', () => {
  it('scores MAE over the cell-periods with incidents only, and flags c·A among them only', async () => {
    const set = await runForecasts(worked, protocol, [historicAverage]);
    const region = studyRegion(worked, 3);
    const scores = scoreForecasts(worked, set, region);
    const leaky = scoreOnlyCellsWithIncidents(worked, set, region, scores.naiveScale, 0);
    const get = (metric: string) => Array.from(leaky.find((s) => s.metric === metric)!.values);
    // Fold 0: incidents in a (2, forecast 2) and c (3, forecast 0): MAE (0 + 3)/2 = 1.5.
    // Fold 1: incidents in b (2, forecast 0.75) and d (4, forecast 0): MAE (1.25 + 4)/2 = 2.625.
    expect(get('mae')).toEqual([1.5, 2.625]);
    // Honest, over all four cells: fold 0 (0 + 1 + 3 + 0)/4 = 1; fold 1 (2 + 1.25 + 0.75 + 4)/4 = 2.
    expect(Array.from(scores.models[0].count.mae)).toEqual([1, 2]);
    // Fold 1 hotspots: the region {a, b} has area 2, so c·A = 1; among region cells with an incident (b only)
    // b is flagged: 2 of 6 incidents (honest: a is flagged, 0 of 6). PAI = (1/3)/0.5.
    expect(get('hitRate')).toEqual([0.4, expect.closeTo(1 / 3, 12)]);
    expect(get('pai')).toEqual([0.8, expect.closeTo(2 / 3, 12)]);
  });
});

describe('randomSplitForecasts (leaky training)', () => {
  it('draws 80 % of the other periods, later ones included, in time order, the same for the same seed', () => {
    const periods = randomSplitPeriods(11, 5, 1, 0.8, 3);
    expect(periods.length).toBe(8);
    expect(Array.from(periods)).toEqual([...periods].sort((a, b) => a - b));
    expect(periods.includes(5)).toBe(false);
    expect(Array.from(periods).some((p) => p > 5)).toBe(true);
    expect(randomSplitPeriods(11, 5, 1, 0.8, 3)).toEqual(periods);
  });

  it('trains historic-average on the sampled periods, so fold 0 knows b’s later count 2 and c’s 0', async () => {
    const set = await runForecasts(worked, protocol, [historicAverage]);
    const leaky = await randomSplitForecasts(worked, set, [historicAverage]);
    leaky.cutoffs.forEach((cutoff, k) => {
      const train = randomSplitPeriods(5, cutoff, 1, 0.8, protocol.seed + k);
      expect(train.length).toBe(3); // round(0.8 × 4)
      for (let c = 0; c < 4; c++) {
        const seen = Array.from(train).some((p) => worked.counts[p * 4 + c] > 0);
        const mean = Array.from(train).reduce((s, p) => s + worked.counts[p * 4 + c], 0) / 3;
        expect(leaky.models[0].values[k * 4 + c]).toBeCloseTo(seen ? mean : 0, 6);
      }
    });
  });
});

describe('lagRegression and lagRegressionFittedOnAllData (leaky features)', () => {
  // 30 periods × 3 cells with a level change in the last 10: a regression of counts on lags and the cell mean.
  const rows = Array.from({ length: 30 }, (_, p) => [1 + (p % 3), p % 2, p >= 20 ? 6 + (p % 2) : p % 4]);
  const panel = panelOf(['a', 'b', 'c'], rows);
  const p30 = protocolOf({ horizon: 1, folds: 5, step: 2, validation: 0, coverage: [0.5], seed: 1 });

  it('honest forecasts are unchanged when the test periods change; the leaky ones move', async () => {
    const changed = panelOf(
      ['a', 'b', 'c'],
      rows.map((r, p) => (p >= 22 ? [r[0], r[1], 0] : r)),
    );
    const honest = async (pn: Panel) => (await runForecasts(pn, p30, [lagRegression])).models[0].values;
    const leaky = async (pn: Panel) => (await runForecasts(pn, p30, [() => lagRegressionFittedOnAllData(pn)])).models[0].values;
    // The first fold's cutoff is 22: nothing before it changed.
    expect(Array.from((await honest(changed)).subarray(0, 3))).toEqual(Array.from((await honest(panel)).subarray(0, 3)));
    expect(Array.from((await leaky(changed)).subarray(0, 3))).not.toEqual(Array.from((await leaky(panel)).subarray(0, 3)));
  });

  it('fits a level: forecasts are finite, ≥ 0 and named lag-regression', async () => {
    const set = await runForecasts(panel, p30, [lagRegression]);
    expect(set.models[0].name).toBe('lag-regression');
    expect(set.models[0].values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });
});

describe('tuningOnTestFolds (leaky choice) against the choice on validation periods', () => {
  // One cell, 8 periods; window average k = 1 (naive) or 2. Absolute errors by cutoff:
  //   cutoff 4 (y 2): k1 |0−2| = 2, k2 |1−2| = 1;   cutoff 5 (y 0): k1 2, k2 1;
  //   cutoff 6 (y 4): k1 4, k2 3;                     cutoff 7 (y 4): k1 0, k2 2.
  // Honest (validation V = 2): fold 6 looks at cutoffs 4, 5 → k2 (mean 1 < 2), scores 3; fold 7 at 5, 6 → k2 (2 < 3), scores 2.
  // Leaky: on the test cutoffs 6, 7 k1 averages 2, k2 2.5 → k1 everywhere: 4, 0. MAE 2.5 → 2: inflation 0.5.
  const one = panelOf(['a'], [[0], [0], [2], [0], [2], [0], [4], [4]]);
  const family = { label: 'window-average k', candidates: [1, 2].map((k) => ({ value: k, minHistory: k, make: () => windowAverage({ k }) })) };

  it('picks k = 2 on validation in both folds, k = 1 on the test folds, and MAE looks 0.5 better', async () => {
    const p = protocolOf({ horizon: 1, folds: 2, step: 1, validation: 2, coverage: [1], seed: 1 });
    const series = await tuningOnTestFolds(one, p, [6, 7], regionFromCells(one, ['a']), family);
    const mae = series.find((s) => s.metric === 'mae')!;
    expect(Array.from(mae.honest.values)).toEqual([3, 2]);
    expect(Array.from(mae.leaky.values)).toEqual([4, 0]);
    expect([mae.testChoice, mae.validationChoices]).toEqual([1, [2, 2]]);
    expect(inflationRow('wa', mae.honest, mae.leaky, 1).inflation.mean).toBe(0.5);
  });
});
