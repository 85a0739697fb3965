import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractPanel } from '../../../../test/contract/forecaster-contract';
import { historyOf } from '../history';
import { resolveParams, type ParamValue } from '../model-definition';
import { neighbours } from '../../grid/neighbours';
import { ensureBackend } from './backend';
import { BUILD } from './build-definition';
import { LEARNED_TF } from './definitions';
import { isFreezable, type FittedState } from './fitted-state';
import { frozenDefinition } from './frozen-definition';
import { readSavedModel, savedModelBytes } from './saved-model';

/** Few epochs: the round trip checks that the saved weights forecast the same, not accuracy. */
const QUICK: Record<string, Record<string, ParamValue>> = {
  'poisson-glm': {},
  mlp: { epochs: 3 },
  gru: { epochs: 1, hidden: 8, samplesPerEpoch: 256 },
  graph: { epochs: 2 },
  // A built model with the features that need more than the panel's own series: ring 3, a coarser parent, EWMA, calendar.
  build: { arch: 'mlp', features: 'lag1-2+ewma0.3+ring1-3+parent7w4+dow+rate-offset', epochs: 2 },
};
const DEFINITIONS = [...LEARNED_TF, BUILD];
const panel = contractPanel();
const context = { res: panel.res, bucket: panel.bucket };
const lists = neighbours(panel.cells, 2);
const source = { file: 'model.json', sha256: 'ab12' };

/** Fits a model on periods [0, 60) and returns its forecasts from 60 and its state as a saved file's bytes. */
async function fitAndSave(id: string): Promise<{ forecast: Float32Array; bytes: Uint8Array; state: FittedState }> {
  const definition = DEFINITIONS.find((d) => d.id === id)!;
  const params = resolveParams(definition, QUICK[id]);
  const model = definition.create(params, context);
  await model.fit(historyOf(panel, lists, 60), { seed: 3, validation: 8 });
  const forecast = model.predict(3);
  if (!isFreezable(model)) throw new Error('not freezable');
  const state = { ...model.fittedState()!, model: { id, params, name: model.name }, res: panel.res, bucket: panel.bucket };
  model.dispose?.();
  return { forecast, bytes: await savedModelBytes(state, { hexcast: 'test' }), state };
}

beforeAll(async () => {
  await ensureBackend();
});

describe('saved models: save, load, forecast', () => {
  it.each(['poisson-glm', 'mlp', 'gru', 'graph', 'build'])(
    '%s forecasts Float32-identically after a round trip through its file, leaking no tensor',
    async (id) => {
      const before = tf.memory().numTensors;
      const { forecast, bytes } = await fitAndSave(id);
      const definition = frozenDefinition(readSavedModel(bytes, 'model.json'), source, DEFINITIONS);
      const frozen = definition.create({}, context);
      await frozen.fit(historyOf(panel, lists, 60), { seed: 99, validation: 8 });
      expect(Array.from(frozen.predict(3))).toEqual(Array.from(forecast));
      expect(frozen.trainingLog!()!.notes![0]).toMatch(
        /^frozen: weights, scalers and prior fitted once on 2018-01-01 … 2019-02-18 \(60 periods, 19 cells\); not refitted$/,
      );
      frozen.dispose!();
      expect(tf.memory().numTensors).toBe(before);
    },
    120_000,
  );

  it('forecasts a later span without refitting: the same weights condition on the newer history', async () => {
    const { bytes, state } = await fitAndSave('poisson-glm');
    const definition = frozenDefinition(readSavedModel(bytes, 'glm.json'), { file: 'glm.json', sha256: 'ab12' }, LEARNED_TF);
    expect(definition.id).toBe('frozen-poisson-glm');
    expect(definition.origin).toEqual({
      kind: 'frozen',
      file: 'glm.json',
      sha256: 'ab12',
      model: 'poisson-glm',
      trainedOn: { first: '2018-01-01T00:00:00', last: '2019-02-18T00:00:00', periods: 60, cells: 19 },
    });
    const frozen = definition.create({}, context);
    expect(frozen.name).toBe('frozen-poisson-glm(until 2019-02-25)');
    expect(frozen.minHistory).toBe(1);
    await frozen.fit(historyOf(panel, lists, 70), { seed: 1, validation: 8 });
    const out = frozen.predict(2);
    expect(out.length).toBe(2 * 19);
    expect(out.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    // Refused inside its own training span: that would test it on what it learned from.
    await expect(frozen.fit(historyOf(panel, lists, 50), { seed: 1, validation: 8 })).rejects.toMatchObject({
      code: 'saved-model-mismatch',
      message: expect.stringContaining('was trained on periods up to 2019-02-25; a fold with its cutoff at 2018-12-17 would test it on its own training data'),
    });
    frozen.dispose!();
    expect(state.weights.map((w) => w.shape)).toEqual([[state.layout.names.length, 1], [1]]);
  }, 60_000);

  it('a built model keeps its calendar when thawed on a longer history (trained under a year: no yearly terms; tested past a year)', async () => {
    const params = resolveParams(BUILD, { features: 'lag1-2+cal' });
    const model = BUILD.create(params, context);
    await model.fit(historyOf(panel, lists, 40), { seed: 3, validation: 8 });
    if (!isFreezable(model)) throw new Error('not freezable');
    const state = { ...model.fittedState()!, model: { id: 'build', params, name: model.name }, res: panel.res, bucket: panel.bucket };
    model.dispose?.();
    expect(state.layout.names).toEqual(['lag1', 'lag2']); // 32 weeks of targets: no yearly harmonics
    const bytes = await savedModelBytes(state, { hexcast: 'test' });
    const frozen = frozenDefinition(readSavedModel(bytes, 'b.json'), source, DEFINITIONS).create({}, context);
    await frozen.fit(historyOf(panel, lists, 75), { seed: 1, validation: 8 }); // 75 weeks: a fresh layout would add year-sin1, year-cos1
    const out = frozen.predict(1);
    expect(out.length).toBe(19);
    expect(out.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    frozen.dispose!();
  }, 60_000);

  it('refuses another resolution or bucket, another feature set, and files that are not saved models', async () => {
    const { bytes } = await fitAndSave('poisson-glm');
    const definition = frozenDefinition(readSavedModel(bytes, 'glm.json'), source, LEARNED_TF);
    expect(() => definition.create({}, { res: 7, bucket: panel.bucket })).toThrow(
      expect.objectContaining({
        code: 'saved-model-mismatch',
        message: expect.stringContaining('fitted on H3 resolution 8 with week buckets; this panel has resolution 7'),
      }),
    );
    expect(() => definition.create({}, { res: 8, bucket: { ...panel.bucket, unit: 'day' } })).toThrow(
      expect.objectContaining({ code: 'saved-model-mismatch' }),
    );
    const json = JSON.parse(new TextDecoder().decode(bytes));
    const edited = (change: (j: typeof json) => void): Uint8Array => {
      const copy = structuredClone(json);
      change(copy);
      return new TextEncoder().encode(JSON.stringify(copy));
    };
    const cases: [string, Uint8Array, string, string][] = [
      [
        'another feature set',
        edited((j) => (j.layout.lags = [1, 2])),
        'saved-model-mismatch',
        "saved model 'x.json' was built on the features lag1, lag2, lag3, mean4",
      ],
      ['another format', edited((j) => (j.format = 'keras')), 'saved-model-invalid', `its format is "keras", not 'hexcast-saved-model'`],
      ['another version', edited((j) => (j.version = 2)), 'saved-model-invalid', 'it is version 2; this Hexcast reads version 1'],
      ['cut weights', edited((j) => (j.weightData = j.weightData.slice(0, 8))), 'saved-model-invalid', 'its weight data has 6 bytes; its manifest describes'],
      ['not JSON', new TextEncoder().encode('PAR1'), 'saved-model-invalid', 'not a JSON file'],
      [
        'fields missing or damaged',
        edited((j) => {
          delete j.features;
          j.prior = null;
          j.weightSpecs[0].shape = ['x'];
        }),
        'saved-model-invalid',
        'fields missing or malformed: features, prior, weightSpecs',
      ],
    ];
    for (const [what, file, code, words] of cases) {
      let thrown: unknown;
      try {
        readSavedModel(file, 'x.json');
      } catch (error) {
        thrown = error;
      }
      expect({ what, thrown }).toEqual({ what, thrown: expect.objectContaining({ code, file: 'x.json', message: expect.stringContaining(words) }) });
    }
  }, 60_000);
});
