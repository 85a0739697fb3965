import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { ensureBackend } from './backend';
import type { FeatureContext } from './features';
import { fitRecipe, type Recipe } from './fit-pipeline';
import { glmNetwork } from './glm-network';
import { fitGlmIrls } from './irls';
import { mlpNetwork } from './mlp-network';
import type { TrainData } from './train';

beforeAll(async () => {
  await ensureBackend();
});

/** 4000 targets, two features, y ~ Poisson(exp(0.2 + 0.6·x1 + 0.5·x1·x2)): the interaction is for the network. */
function data(): TrainData {
  const rng = random(3);
  const x = Float32Array.from({ length: 8000 }, () => rng.normal());
  const y = Float32Array.from({ length: 4000 }, (_, i) => rng.poisson(Math.exp(0.2 + 0.6 * x[2 * i] + 0.5 * x[2 * i] * x[2 * i + 1])));
  return {
    train: Int32Array.from({ length: 3500 }, (_, i) => i),
    validation: Int32Array.from({ length: 500 }, (_, i) => 3500 + i),
    unitSize: 1,
    batch: (units) => {
      const tab = new Float32Array(units.length * 2);
      units.forEach((u, i) => tab.set(x.subarray(2 * u, 2 * u + 2), 2 * i));
      return { n: units.length, tab };
    },
    targets: (units) => Float32Array.from(units, (u) => y[u]),
  };
}

const dims = { features: 2, window: 0, channels: 0, cells: 1, hidden: 8, outputBias: 0 };
const ctx = undefined as unknown as FeatureContext; // the MLP does not read it
const recipe = (warmStart: boolean, refit = false): Recipe => ({
  glm: { iterations: 25, l2: 0 },
  warmStart,
  refit,
  network: { train: { epochs: 4, patience: 2, batchSize: 128, learningRate: 0.01, l2: 0, samplesPerEpoch: 0 }, create: (d, rng) => mlpNetwork(d, rng) },
});
const all = Int32Array.from({ length: 4000 }, (_, i) => i);

describe('fitRecipe(recipe, dims, ctx, data, all, options, started)', () => {
  it('with a warm start, holds the fitted GLM fixed as the linear part and trains the rest', async () => {
    const before = tf.memory().numTensors;
    const d = data();
    const glm = glmNetwork(dims);
    await fitGlmIrls(glm, d, { iterations: 25, l2: 0 }, { seed: 1, validation: 0 }, 0);
    const fitted = await fitRecipe(recipe(true), dims, ctx, d, all, { seed: 1, validation: 500 }, 0);
    expect(Array.from(fitted.network.linear.w.dataSync())).toEqual(Array.from(glm.linear.w.dataSync()));
    expect(fitted.network.linear.b.dataSync()[0]).toBe(glm.linear.b.dataSync()[0]);
    expect(Math.abs(fitted.network.deepOutput!.dataSync()[0])).toBeGreaterThan(0);
    expect(fitted.notes.some((n) => n.includes('held fixed'))).toBe(true);
    fitted.network.dispose();
    glm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('without a warm start, trains the linear part from 0 too', async () => {
    const fitted = await fitRecipe(recipe(false), dims, ctx, data(), all, { seed: 1, validation: 500 }, 0);
    expect(Array.from(fitted.network.linear.w.dataSync()).some((v) => v !== 0)).toBe(true);
    expect(fitted.notes.some((n) => n.includes('held fixed'))).toBe(false);
    fitted.network.dispose();
  }, 60_000);

  it('with refit, trains again on all units for the chosen number of epochs and logs both runs', async () => {
    const fitted = await fitRecipe(recipe(true, true), dims, ctx, data(), all, { seed: 1, validation: 500 }, 0);
    const first = fitted.epochs.filter((e) => e.valLoss !== undefined).length;
    expect(fitted.epochs.length).toBe(first + fitted.chosenEpoch!);
    expect(fitted.notes.some((n) => n.startsWith('refit:'))).toBe(true);
    fitted.network.dispose();
  }, 60_000);

  it('a GLM-only recipe returns the GLM, continued on all units with refit', async () => {
    const fitted = await fitRecipe({ glm: { iterations: 25, l2: 0 }, warmStart: false, refit: true }, dims, ctx, data(), all, { seed: 1, validation: 500 }, 0);
    expect(fitted.network.deepOutput).toBeUndefined();
    expect(fitted.chosenEpoch).toBeUndefined(); // Newton runs to convergence: no epoch is chosen, nothing is tuned
    expect(fitted.notes[0]).toMatch(
      /^Poisson GLM fitted by Newton\/IRLS in \d+ iterations on the periods before the validation span, then \d+ more on all training periods$/,
    );
    fitted.network.dispose();
  }, 60_000);

  it('frees the GLM and the network when training is aborted', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = fitRecipe(
      recipe(true),
      dims,
      ctx,
      data(),
      all,
      { seed: 1, validation: 500, signal: controller.signal, onProgress: (p) => p.stage === 'epoch' && controller.abort() },
      0,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('frees everything when a refit is aborted during its warm-start GLM, and a network without warm start never fits a GLM', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let warmStarts = 0;
    const onProgress = (p: { stage: string; step?: number }): void => {
      if (p.stage === 'warm-start' && p.step === 1 && ++warmStarts === 2) controller.abort(); // the refit's GLM
    };
    const run = fitRecipe(recipe(true, true), dims, ctx, data(), all, { seed: 1, validation: 500, signal: controller.signal, onProgress }, 0);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);

    const stages = new Set<string>();
    const fitted = await fitRecipe(recipe(false), dims, ctx, data(), all, { seed: 1, validation: 500, onProgress: (p) => void stages.add(p.stage) }, 0);
    expect([...stages].sort()).toEqual(['epoch']);
    fitted.network.dispose();
  }, 60_000);
});
