import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { ensureBackend } from './backend';
import { glmNetwork } from './glm-network';
import { fitGlmIrls, solveSpd } from './irls';
import type { TrainData } from './train';
import type { FitProgress } from '../forecaster';

beforeAll(async () => {
  await ensureBackend();
});

describe('solveSpd(A, b, n)', () => {
  it('solves [[4, 2], [2, 3]]·x = [2, 1] → x = [0.5, 0]', () => {
    expect(Array.from(solveSpd(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2))).toEqual([0.5, 0]);
  });

  it('adds jitter to a singular (positive semi-definite) system instead of failing', () => {
    const x = solveSpd(Float64Array.of(1, 1, 1, 1), Float64Array.of(2, 2), 2);
    expect(x[0] + x[1]).toBeCloseTo(2, 3);
  });
});

/** N targets with two standard-normal features and y ~ Poisson(exp(0.3 + 0.7·x1 − 0.4·x2)). */
function poissonData(N: number, seed: number): { data: TrainData; x: Float32Array; y: Float32Array } {
  const rng = random(seed);
  const x = Float32Array.from({ length: 2 * N }, () => rng.normal());
  const y = Float32Array.from({ length: N }, (_, i) => rng.poisson(Math.exp(0.3 + 0.7 * x[2 * i] - 0.4 * x[2 * i + 1])));
  const rows = (units: Int32Array): Float32Array => {
    const out = new Float32Array(units.length * 2);
    units.forEach((u, i) => out.set(x.subarray(2 * u, 2 * u + 2), 2 * i));
    return out;
  };
  const data: TrainData = {
    train: Int32Array.from({ length: N - 500 }, (_, i) => i),
    validation: Int32Array.from({ length: 500 }, (_, i) => N - 500 + i),
    unitSize: 1,
    batch: (units) => ({ n: units.length, tab: rows(units) }),
    targets: (units) => Float32Array.from(units, (u) => y[u]),
  };
  return { data, x, y };
}

describe('fitGlmIrls(glm, data, settings, options, started)', () => {
  it('recovers the coefficients of simulated Poisson data and solves the score equations', async () => {
    const before = tf.memory().numTensors;
    const { data, x, y } = poissonData(6000, 5);
    const glm = glmNetwork({ features: 2, window: 0, channels: 0, cells: 1, hidden: 0, outputBias: 0 });
    const result = await fitGlmIrls(glm, data, { iterations: 25, l2: 0 }, { seed: 1, validation: 0 }, performance.now());
    const w = Array.from(glm.linear.w.dataSync());
    const b = glm.linear.b.dataSync()[0];
    expect(w[0]).toBeCloseTo(0.7, 1);
    expect(w[1]).toBeCloseTo(-0.4, 1);
    expect(b).toBeCloseTo(0.3, 1);
    // At the maximum-likelihood fit Σ (λ − y)·x = 0 for every column (and the intercept).
    const score = [0, 0, 0];
    for (const u of data.train) {
      const r = Math.exp(b + w[0] * x[2 * u] + w[1] * x[2 * u + 1]) - y[u];
      score[0] += r * x[2 * u];
      score[1] += r * x[2 * u + 1];
      score[2] += r;
    }
    for (const s of score) expect(Math.abs(s) / data.train.length).toBeLessThan(2e-3);
    expect(result.epochs.length).toBeGreaterThan(2);
    expect(result.epochs.length).toBeLessThan(15);
    expect(result.epochs.at(-1)!.valLoss).toBeGreaterThan(0);
    glm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports every Newton iteration with its deviance, for a live curve; a continued fit numbers on from `first`', async () => {
    const { data } = poissonData(3000, 7);
    const glm = glmNetwork({ features: 2, window: 0, channels: 0, cells: 1, hidden: 0, outputBias: 0 });
    const seen: FitProgress[] = [];
    const onProgress = (p: FitProgress): number => seen.push(p);
    const first = await fitGlmIrls(glm, data, { iterations: 25, l2: 0 }, { seed: 1, validation: 0, onProgress }, 0);
    // One progress point per iteration kept, carrying that iteration's number and penalised training deviance.
    expect(seen.map((p) => p.step)).toEqual(first.epochs.map((e) => e.epoch));
    expect(seen.map((p) => p.loss)).toEqual(first.epochs.map((e) => e.loss));
    expect(seen.every((p) => p.stage === 'iteration' && p.steps === 25 && p.valLoss! > 0)).toBe(true);
    // Newton steps only descend: the deviance never rises from one iteration to the next.
    for (let i = 1; i < seen.length; i++) expect(seen[i].loss!).toBeLessThanOrEqual(seen[i - 1].loss!);
    const n = first.epochs.length;
    seen.length = 0;
    await fitGlmIrls(glm, { ...data, validation: new Int32Array(0) }, { iterations: 3, l2: 0.01 }, { seed: 1, validation: 0, onProgress }, 0, 'iteration', n);
    expect(seen[0]).toMatchObject({ stage: 'iteration', step: n + 1, steps: n + 3 });
    glm.dispose();
  });

  it('stops with an AbortError and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const { data } = poissonData(1000, 6);
    const glm = glmNetwork({ features: 2, window: 0, channels: 0, cells: 1, hidden: 0, outputBias: 0 });
    const controller = new AbortController();
    controller.abort();
    await expect(fitGlmIrls(glm, data, { iterations: 25, l2: 0 }, { seed: 1, validation: 0, signal: controller.signal }, 0)).rejects.toMatchObject({
      name: 'AbortError',
    });
    glm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
