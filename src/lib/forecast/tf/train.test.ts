import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { ensureBackend } from './backend';
import { mlpNetwork } from './mlp-network';
import { poissonDeviance } from '../../evaluate/metrics/poisson-deviance';
import { fitSmallGru } from '../../../../test/fixtures/small-gru-fit';
import { logRates, trainNetwork, validationSet, VALIDATION_CACHE_BYTES, type TrainData, type TrainSettings } from './train';

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

describe('validationSet (validation inputs held for a fit, or built at each read)', () => {
  /** 20,000 validation targets of one feature, counting the batches built. */
  function counted(): { data: TrainData; built: number[] } {
    const built: number[] = [];
    const x = Float32Array.from({ length: 20_000 }, (_, i) => (i % 97) / 97);
    return {
      built,
      data: {
        train: new Int32Array(0),
        validation: Int32Array.from({ length: 20_000 }, (_, i) => i),
        unitSize: 1,
        batch: (units) => (built.push(units[0]), { n: units.length, tab: Float32Array.from(units, (u) => x[u]) }),
        targets: (units) => Float32Array.from(units, (u) => u % 5),
      },
    };
  }

  it('holds the chunks when the first chunk’s bytes × chunks fit the cap, else builds each at every read, with the same values', () => {
    // Chunks of 8192, 8192 and 3616 targets; the first takes 8192 × 4 (feature) + 8192 × 4 (target) = 65,536 bytes; × 3 = 196,608.
    const small = counted();
    const held = validationSet(small.data, false, 196_608);
    const large = counted();
    const built = validationSet(large.data, false, 196_607);
    expect([held.chunks, held.held, built.chunks, built.held]).toEqual([3, true, 3, false]);
    expect(small.built).toEqual([0, 8192, 16_384]); // each chunk once, when the set is made
    expect(large.built).toEqual([0]); // only the first, to measure it
    for (let read = 0; read < 2; read++)
      for (let k = 0; k < 3; k++) {
        const [a, b] = [built.chunk(k), held.chunk(k)];
        expect(a.batch.tab).toEqual(b.batch.tab);
        expect(a.targets).toEqual(b.targets);
      }
    expect(held.chunk(2).targets.length).toBe(3616);
    expect(small.built).toEqual([0, 8192, 16_384]);
    expect(large.built).toEqual([0, 0, 8192, 16_384, 0, 8192, 16_384]);
  });

  it('trains a GRU to the same forecasts, bit for bit, whether its validation inputs are held or built every epoch', async () => {
    const before = tf.memory().numTensors;
    const fit = async (validationCacheBytes: number): Promise<{ forecast: Float32Array; valLoss: number[] }> => {
      const { forecast, log } = await fitSmallGru({ train: { validationCacheBytes } });
      return { forecast, valLoss: log.epochs.map((e) => e.valLoss!) };
    };
    const held = await fit(VALIDATION_CACHE_BYTES);
    const rebuilt = await fit(0);
    expect(held.valLoss.length).toBeGreaterThan(1);
    expect(rebuilt.valLoss).toEqual(held.valLoss);
    expect(Buffer.from(rebuilt.forecast.buffer).equals(Buffer.from(held.forecast.buffer))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
