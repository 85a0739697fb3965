import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractPanel, describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { parentOf } from '../../grid/h3';
import { neighbours } from '../../grid/neighbours';
import { builtLayout } from '../builder/built-layout';
import { parseFeatures } from '../builder/feature-tokens';
import type { Forecaster } from '../forecaster';
import { historyOf } from '../history';
import { createModel, parseModelSpec } from '../model-definition';
import { ensureBackend } from './backend';
import { BUILD } from './build-definition';
import { LEARNED_TF } from './definitions';
import { featureContext, featureLayout, priorStrength, tabularRow } from './features';
import { inverseDiagonalRoot } from './irls';
import { seriesOf } from './series';

const panel = contractPanel();
const context = { res: panel.res, bucket: panel.bucket };
const lists = neighbours(panel.cells, 3);
const DEFS = [...LEARNED_TF, BUILD];
const make = (spec: string): Forecaster => createModel(parseModelSpec(spec), DEFS, context);

/** Built models the contract runs on: every feature token and every architecture, kept quick. */
const BUILT = [
  'build',
  'build:name=every-feature:features=lag1-4+seasonal+mean8+ewma0.3+ring1-3+rate-offset+area+dow+woy+month+parent7w4',
  'build:arch=mlp:layers=3:units=8:activation=tanh:dropout=0.2:epochs=3:optimizer=sgd:learningRate=0.01:seed=5',
  'build:arch=gru:units=8:window=6:epochs=2:samplesPerEpoch=256',
  'build:arch=graph:units=8:graphLayers=1:window=4:epochs=2:warmStart=false',
];

beforeAll(async () => {
  await ensureBackend();
});

describe('build: the model builder’s definition', () => {
  it("'build' (a GLM on the default features) forecasts what the built-in poisson-glm does, to the bit", async () => {
    const history = historyOf(panel, lists, 60);
    const built = make('build');
    const builtin = make('poisson-glm');
    await built.fit(history, { seed: 3, validation: 8 });
    await builtin.fit(history, { seed: 3, validation: 8 });
    const a = built.predict(4);
    const b = builtin.predict(4);
    expect(a.length).toBe(4 * panel.cells.length);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(built.trainingLog!()!.epochs).toEqual(builtin.trainingLog!()!.epochs);
    built.dispose!();
    builtin.dispose!();
  });

  it("writes the default features with the built-in layout's names and Float32 values", () => {
    const history = historyOf(panel, lists, 60);
    const series = seriesOf(history, 0);
    const prior = priorStrength(series, 52);
    const base = featureLayout('week', 4, 52);
    const mine = builtLayout(parseFeatures('default'), history, 4, 52);
    expect(mine.names).toEqual(base.names);
    const F = base.names.length;
    const [x, y] = [new Float32Array(F), new Float32Array(F)];
    for (const t of [1, 4, 30, 59]) {
      for (let c = 0; c < panel.cells.length; c++) {
        tabularRow(featureContext(series, history.bucket, base, prior), t, c, x, 0);
        tabularRow(featureContext(series, history.bucket, mine, prior), t, c, y, 0);
        expect(Array.from(y)).toEqual(Array.from(x));
      }
    }
  });

  it('computes ewma, the ring-3 mean and the parent count from the periods before t', () => {
    const history = historyOf(panel, lists, 60);
    const series = seriesOf(history, 0);
    const layout = builtLayout(parseFeatures('ewma0.5+ring3+parent7w3'), history, 4, 52);
    expect(layout.names).toEqual(['ewma0.5', 'ring3-lag1', 'ring3-mean4', 'parent7-sum3']);
    const ctx = featureContext(series, history.bucket, layout, 1);
    const out = new Float32Array(4);
    const C = panel.cells.length;
    const y = (p: number, c: number): number => panel.counts[p * C + c];
    tabularRow(ctx, 2, 0, out, 0);
    // ewma at t = 2 weighs period 1 by 1 and period 0 by 0.5, normalised by the weights present
    expect(out[0]).toBe(Math.fround(Math.log1p((y(1, 0) + 0.5 * y(0, 0)) / 1.5)));
    // parent at t = 10: every panel cell with the same resolution-7 parent, periods 7, 8, 9
    tabularRow(ctx, 10, 0, out, 0);
    const parent = parentOf({ cell: panel.cells[0], res: 7 });
    let sum = 0;
    panel.cells.forEach((cell, c) => {
      if (parentOf({ cell, res: 7 }) === parent) sum += y(7, c) + y(8, c) + y(9, c);
    });
    expect(out[3]).toBe(Math.fround(Math.log1p(sum)));
    // ring 3: the mean over the cells exactly three steps away, of period 9 (lag 1) and of periods 6–9 (mean4)
    const ringOf = (c: number): number[] => {
      const found: number[] = [];
      for (let j = lists.offsets[c]; j < lists.offsets[c + 1]; j++) if (lists.ring[j] === 3) found.push(lists.index[j]);
      return found;
    };
    const edge = panel.cells.findIndex((_, c) => ringOf(c).length > 0);
    const far = ringOf(edge);
    tabularRow(ctx, 10, edge, out, 0);
    const mean = (f: (n: number) => number): number => far.reduce((s, n) => s + f(n), 0) / far.length;
    expect(out[1]).toBe(Math.fround(Math.log1p(mean((n) => y(9, n)))));
    expect(out[2]).toBeCloseTo(Math.log1p(mean((n) => (y(6, n) + y(7, n) + y(8, n) + y(9, n)) / 4)), 6);
    // the centre cell's ring 3 lies outside the two-ring panel: 0
    const centre = panel.cells.findIndex((_, c) => ringOf(c).length === 0);
    tabularRow(ctx, 10, centre, out, 0);
    expect([out[1], out[2]]).toEqual([0, 0]);
  });

  it('names a model by its spec unless given a name, and reads three rings when asked', () => {
    expect(make('build').name).toBe('build');
    expect(make('build:arch=mlp:layers=3').name).toBe('build:arch=mlp:layers=3');
    expect(make('build:name=my-glm:features=lag1+ring3').name).toBe('my-glm');
    expect(make('build:features=lag1+ring3').neighbourRings).toBe(3);
    expect(make('build:features=lag1').neighbourRings).toBe(2);
  });

  it('rejects bad features with the parameter and the token named', () => {
    expect(() => make('build:features=lag1+weekday')).toThrow(/Model 'build', parameter 'features': feature 'weekday' is not known/);
    expect(() => make('build:features=parent8w4')).toThrow(/parent8w4 needs a resolution coarser than the panel's 8/);
    expect(() => make('build:arch=rnn')).toThrow(/parameter 'arch' must be one of glm, mlp, gru, graph/);
  });

  it('reports GLM coefficients with standard errors, one per feature and the intercept', async () => {
    const model = make('build:features=lag1-2+rate');
    await model.fit(historyOf(panel, lists, 60), { seed: 3, validation: 8 });
    const inspection = model.trainingLog!()!.inspection!;
    model.dispose!();
    expect(inspection.kind).toBe('coefficients');
    expect(inspection.rows.map((r) => r.feature)).toEqual(['lag1', 'lag2', 'cell-rate', '(intercept)']);
    for (const row of inspection.rows) {
      expect(Number.isFinite(row.value)).toBe(true);
      expect(row.se).toBeGreaterThan(0);
      expect(row.se).toBeLessThan(1);
    }
    // the cell's long-run rate drives a panel whose cells differ threefold: the largest coefficient, many SEs from 0
    const rate = inspection.rows[2];
    expect(rate.value / rate.se!).toBeGreaterThan(5);
  });

  it('reports a network’s permutation importance on the validation span, the same for the same seed', async () => {
    const run = async (): Promise<readonly { feature: string; value: number }[]> => {
      const model = make('build:arch=mlp:features=lag1+rate:units=8:epochs=3');
      await model.fit(historyOf(panel, lists, 60), { seed: 3, validation: 8 });
      const inspection = model.trainingLog!()!.inspection!;
      model.dispose!();
      expect(inspection.kind).toBe('importance');
      return inspection.rows;
    };
    const first = await run();
    expect(first.map((r) => r.feature)).toEqual(['lag1', 'cell-rate']);
    expect(first[1].value).toBeGreaterThan(first[0].value);
    expect(await run()).toEqual(first);
  });

  it('leaves tf.memory().numTensors unchanged for every architecture', async () => {
    const before = tf.memory().numTensors;
    for (const spec of BUILT) {
      const model = make(spec);
      await model.fit(historyOf(panel, lists, 60), { seed: 2, validation: 8 });
      model.predict(2);
      model.dispose!();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('inverseDiagonalRoot(H, n)', () => {
  it('gives √diag(H⁻¹): [[4,0],[0,25]] → [0.5, 0.2]; [[2,1],[1,2]] → √(2/3) twice', () => {
    expect(Array.from(inverseDiagonalRoot(Float64Array.of(4, 0, 0, 25), 2))).toEqual([0.5, 0.2]);
    const [a, b] = inverseDiagonalRoot(Float64Array.of(2, 1, 1, 2), 2);
    expect(a).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(b).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });
});

for (const spec of BUILT) describeForecasterContract(spec, () => make(spec), { timeout: 60_000 });
