import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { ensureBackend } from './backend';
import { mlpNetwork } from './mlp-network';
import { poissonDeviance } from '../../evaluate/metrics/poisson-deviance';
import { logRates, trainNetwork, type TrainData, type TrainSettings } from './train';

beforeAll(async () => {
  await ensureBackend();
});

/** 3000 targets: one feature, y ~ Poisson(exp(0.5·x)); validation on the last 500. */
function data(): TrainData {
  const rng = random(9);
  const x = Float32Array.from({ length: 3000 }, () => rng.normal());
  const y = Float32Array.from(x, (v) => rng.poisson(Math.exp(0.5 * v)));
  return {
    train: Int32Array.from({ length: 2500 }, (_, i) => i),
    validation: Int32Array.from({ length: 500 }, (_, i) => 2500 + i),
    unitSize: 1,
    batch: (units) => ({ n: units.length, tab: Float32Array.from(units, (u) => x[u]) }),
    targets: (units) => Float32Array.from(units, (u) => y[u]),
  };
}

const settings: TrainSettings = { epochs: 12, patience: 2, batchSize: 128, learningRate: 0.05, l2: 0, samplesPerEpoch: 0 };
const dims = { features: 1, window: 0, channels: 0, cells: 1, hidden: 8, outputBias: 0 };

describe('trainNetwork(network, data, settings, options, started)', () => {
  it('keeps (restores) the weights of the epoch with the best validation deviance, and logs every epoch', async () => {
    const before = tf.memory().numTensors;
    const d = data();
    const network = mlpNetwork(dims, random(1));
    const progress: number[] = [];
    const result = await trainNetwork(network, d, settings, { seed: 1, validation: 500, onProgress: (p) => progress.push(p.step!) }, performance.now());
    expect(progress).toEqual(result.epochs.map((e) => e.epoch));
    expect(result.chosenEpoch).toBeLessThan(result.epochs.length); // stopped early: weights were restored
    // the chosen epoch is the best one up to the 0.05 % an improvement must exceed
    const best = result.epochs[result.chosenEpoch - 1].valLoss!;
    for (const e of result.epochs) expect(e.valLoss!).toBeGreaterThan(best * (1 - 5e-4));
    const lambda = logRates(network, d.batch(d.validation)).map(Math.exp);
    expect(poissonDeviance(lambda, d.targets(d.validation))).toBeCloseTo(best, 5);
    // the truth's deviance on these 500 targets is about 1.1; a constant forecast's about 1.35
    expect(best).toBeLessThan(1.25);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the next batch after an abort, with an AbortError, and frees the optimizer', async () => {
    const before = tf.memory().numTensors;
    const network = mlpNetwork(dims, random(1));
    const controller = new AbortController();
    const run = trainNetwork(network, data(), settings, { seed: 1, validation: 500, signal: controller.signal, onProgress: () => controller.abort() }, 0);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is deterministic for a seed', async () => {
    const once = async (): Promise<number[]> => {
      const network = mlpNetwork(dims, random(4));
      const result = await trainNetwork(network, data(), { ...settings, epochs: 2 }, { seed: 4, validation: 500 }, 0);
      network.dispose();
      return result.epochs.map((e) => e.valLoss!);
    };
    expect(await once()).toEqual(await once());
  });
});
