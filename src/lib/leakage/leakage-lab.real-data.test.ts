/**
 * The leakage lab on Portland's burglary and vehicle-theft file (res 8, weekly, the default
 * protocol: 26 folds): the inflation each mistake causes, as measured. The run is deterministic
 * (seeded), so the values are asserted to 4 decimals; the signs are what a reader should expect.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolOf } from '../evaluate/protocol';
import type { ColumnMapping } from '../io/column-mapping';
import { readArrow } from '../io/read-arrow';
import { preparePanel } from '../pipeline/prepare-panel';
import { resolveModels } from '../pipeline/run';
import { LEAKAGE_MODELS, runLeakageLab, type LeakageLab } from './leakage-lab';
import type { MistakeId } from './mistake-catalogue';

const FILE = new URL('../../../../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url);
const mapping: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};

let lab: LeakageLab | undefined;
async function portlandLab(): Promise<LeakageLab> {
  if (lab) return lab;
  const { panel, data } = preparePanel([readArrow(readFileSync(FILE), 'portland.arrow')], 'sha', { mapping, bin: { res: 8, unit: 'week' } });
  const models = await resolveModels(LEAKAGE_MODELS);
  const outcome = await runLeakageLab({
    panel,
    protocol: protocolOf({}),
    models: models.specs,
    definitions: models.definitions,
    data,
    environment: { hexcast: 'test', runtime: 'test', libraries: {} },
  });
  lab = outcome.lab;
  return lab;
}

/** [honest mean, leaky mean, inflation mean, lo, hi] of one row, rounded to 4 decimals. */
async function row(id: MistakeId, model: string, metric: string, coverage?: number): Promise<number[]> {
  const mistake = (await portlandLab()).mistakes.find((m) => m.id === id)!;
  const r = mistake.rows.find((x) => x.model === model && x.metric === metric && x.coverage === coverage)!;
  return [r.honest.mean, r.leaky.mean, r.inflation.mean, r.inflation.lo, r.inflation.hi].map((v) => Math.round(v * 1e4) / 1e4);
}

describe('the leakage lab on Portland (res 8, weekly, 26 folds)', () => {
  it('runs all six mistakes on 481 cells × 273 weeks, none skipped', async () => {
    const result = await portlandLab();
    expect([result.panel.cells, result.panel.periods, result.protocol.folds]).toEqual([481, 273, 26]);
    expect(result.mistakes.map((m) => [m.id, m.skipped, m.rows.length > 0])).toEqual(
      ['random-split', 'features-on-all-data', 'tuning-on-test', 'zeros-dropped', 'region-from-all-data', 'future-geography'].map((id) => [
        id,
        undefined,
        true,
      ]),
    );
  }, 120_000);

  it('measured: dropping the zeros more than doubles PAI at 5 % (3.13 → 7.64) and makes MAE look 4× worse', async () => {
    expect(await row('zeros-dropped', 'historic-average', 'pai', 0.05)).toEqual(MEASURED.zerosPai);
    expect(await row('zeros-dropped', 'historic-average', 'mae')).toEqual(MEASURED.zerosMae);
  }, 120_000);

  it('measured: a cell-mean feature and scaler fitted on all data flatter the lag regression on every metric shown', async () => {
    expect(await row('features-on-all-data', 'lag-regression', 'poissonDeviance')).toEqual(MEASURED.featuresDeviance);
    expect(await row('features-on-all-data', 'lag-regression', 'pai', 0.05)).toEqual(MEASURED.featuresPai);
  }, 120_000);

  it('measured: the region drawn with test data raises PAI at 5 %; the future-geography leak lowers the pooled models’ deviance', async () => {
    expect(await row('region-from-all-data', 'historic-average', 'pai', 0.05)).toEqual(MEASURED.regionPai);
    expect(await row('future-geography', 'shrunk-average', 'poissonDeviance')).toEqual(MEASURED.geographyDeviance);
    expect(await row('future-geography', 'historic-average', 'poissonDeviance')).toEqual([0.578, 0.578, 0, 0, 0]); // fits nothing shared: no leak
  }, 120_000);

  it('measured: picking k on the test folds lifts the window average’s PAI at 5 %; the random split helps the averages within noise and hurts naive (its “last week” is a random one)', async () => {
    expect(await row('tuning-on-test', 'window-average (k tuned)', 'pai', 0.05)).toEqual(MEASURED.tuningPai);
    expect(await row('random-split', 'historic-average', 'pai', 0.05)).toEqual(MEASURED.randomPai);
    expect(await row('random-split', 'naive', 'pai', 0.05)).toEqual(MEASURED.randomNaivePai);
  }, 120_000);
});

/** Measured on this file (and asserted above): [honest, leaky, inflation, its 95 % interval lo, hi]. */
const MEASURED = {
  zerosPai: [3.1262, 7.6355, 4.5093, 3.9039, 5.1607],
  zerosMae: [0.2256, 0.983, -0.7574, -0.7759, -0.7391],
  featuresDeviance: [0.5721, 0.5601, 0.012, 0.0106, 0.0137],
  featuresPai: [3.1406, 3.3255, 0.1849, 0.0813, 0.2885],
  regionPai: [3.1262, 3.1591, 0.0329, 0.024, 0.0408],
  geographyDeviance: [0.5784, 0.5719, 0.0065, 0.0013, 0.0118],
  tuningPai: [3.0895, 3.1973, 0.1078, -0.0337, 0.267],
  randomPai: [3.1262, 3.2279, 0.1017, -0.034, 0.2347],
  randomNaivePai: [2.2771, 1.939, -0.3381, -0.6055, -0.0672],
};
