import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractPanel, describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import type { Forecaster } from '../forecaster';
import { historyOf } from '../history';
import { createModel, resolveParams, type ParamValue } from '../model-definition';
import { neighbours } from '../../grid/neighbours';
import { ensureBackend } from './backend';
import { LEARNED_TF } from './definitions';

/** Few epochs: the contract checks shape, determinism and the cutoff, not accuracy. */
const QUICK: Record<string, Record<string, ParamValue>> = {
  'poisson-glm': {},
  mlp: { epochs: 4 },
  gru: { epochs: 2, hidden: 8, samplesPerEpoch: 256 },
  graph: { epochs: 3 },
};

const panel = contractPanel();
const context = { res: panel.res, bucket: panel.bucket };
const lists = neighbours(panel.cells, 2);
const make = (id: string, extra: Record<string, ParamValue> = {}): Forecaster => createModel({ id, params: { ...QUICK[id], ...extra } }, LEARNED_TF, context);

beforeAll(async () => {
  await ensureBackend();
});

describe('LEARNED_TF', () => {
  it('lists the four learned models, simplest first, with valid defaults and unique names', () => {
    expect(LEARNED_TF.map((d) => d.id)).toEqual(['poisson-glm', 'mlp', 'gru', 'graph']);
    const names = LEARNED_TF.map((d) => {
      expect(d.kind).toBe('learned');
      const model = d.create(resolveParams(d, {}), context);
      expect(model.neighbourRings).toBe(2);
      return model.name;
    });
    expect(names).toEqual(['poisson-glm', 'mlp(hidden=32)', 'gru(hidden=16,window=26)', 'graph(hidden=16,layers=2,window=8)']);
  });

  it('picks windows by bucket: a daily GRU reads 28 days, an hourly graph 24 hours', () => {
    const day = { res: 8, bucket: { ...panel.bucket, unit: 'day' as const } };
    const hour = { res: 8, bucket: { ...panel.bucket, unit: 'hour' as const } };
    expect(createModel({ id: 'gru', params: {} }, LEARNED_TF, day).name).toBe('gru(hidden=16,window=28)');
    expect(createModel({ id: 'graph', params: { window: 0 } }, LEARNED_TF, hour).name).toBe('graph(hidden=16,layers=2,window=24)');
    expect(createModel({ id: 'gru', params: { window: 10 } }, LEARNED_TF, day).minHistory).toBe(18);
  });
});

for (const definition of LEARNED_TF) {
  const id = definition.id;
  describeForecasterContract(id, () => make(id), { timeout: 60_000 });

  describe(`${id}: memory, cancellation, training log, update`, () => {
    it('leaves tf.memory().numTensors unchanged after fit, predict and dispose', async () => {
      const before = tf.memory().numTensors;
      const model = make(id);
      await model.fit(historyOf(panel, lists, 60), { seed: 2, validation: 8 });
      model.predict(4);
      model.dispose!();
      expect(tf.memory().numTensors).toBe(before);
    }, 60_000);

    it('rejects an aborted fit with an AbortError and frees every tensor it made', async () => {
      const before = tf.memory().numTensors;
      const model = make(id);
      const controller = new AbortController();
      const fit = model.fit(historyOf(panel, lists, 60), { seed: 2, validation: 8, signal: controller.signal, onProgress: () => controller.abort() });
      await expect(fit).rejects.toMatchObject({ name: 'AbortError' });
      expect(tf.memory().numTensors).toBe(before);
      expect(() => model.predict(1)).toThrow(/must be fitted/);
      model.dispose!();
    }, 60_000);

    it('logs its epochs, the chosen epoch, the backend and its choices', async () => {
      const model = make(id);
      const progress: string[] = [];
      await model.fit(historyOf(panel, lists, 60), { seed: 2, validation: 8, onProgress: (p) => progress.push(p.stage) });
      const log = model.trainingLog!()!;
      model.dispose!();
      expect(log.backend).toBe('wasm');
      expect(log.epochs.length).toBeGreaterThan(0);
      if (id === 'poisson-glm') expect(log.chosenEpoch).toBeUndefined();
      else {
        expect(log.chosenEpoch).toBeGreaterThanOrEqual(1);
        expect(log.chosenEpoch).toBeLessThanOrEqual(log.epochs.length);
      }
      expect(log.wallMs).toBeGreaterThan(0);
      expect(log.notes!.some((n) => n.startsWith('features: lag1, lag2, lag3, mean4'))).toBe(true);
      expect(log.notes!.some((n) => n.includes('recursive'))).toBe(true);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toBe(id === 'poisson-glm' ? 'iteration' : 'epoch');
    }, 60_000);

    it('update(history) conditions on newer periods without refitting', async () => {
      const model = make(id);
      await model.fit(historyOf(panel, lists, 50), { seed: 2, validation: 8 });
      const log = model.trainingLog!();
      const before = model.predict(1);
      model.update!(historyOf(panel, lists, 60));
      const after = model.predict(1);
      expect(model.trainingLog!()).toBe(log);
      expect(Array.from(after)).not.toEqual(Array.from(before));
      // the same model, fitted at 50 again and updated to 60, forecasts the same (update is a pure function of the history)
      const again = make(id);
      await again.fit(historyOf(panel, lists, 50), { seed: 2, validation: 8 });
      again.update!(historyOf(panel, lists, 60));
      expect(Array.from(again.predict(1))).toEqual(Array.from(after));
      expect(() => model.update!({ ...historyOf(panel, lists, 60), cells: panel.cells.slice(1) })).toThrow(/fitted on 19 cells/);
      model.dispose!();
      again.dispose!();
    }, 60_000);
  });
}

describe('fit(history, options) input checks', () => {
  it('says how many periods it needs when the validation span leaves too few', async () => {
    const model = make('gru');
    await expect(model.fit(historyOf(panel, lists, 40), { seed: 1, validation: 20 })).rejects.toThrow(
      /needs more than 26 training periods before the 20 validation periods; the history has 40/,
    );
  });
});
