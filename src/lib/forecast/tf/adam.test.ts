import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamFor } from './adam';
import { ensureBackend } from './backend';

beforeAll(async () => {
  await ensureBackend();
});

describe('adamFor(variables, learningRate)', () => {
  it('moves each weight by the learning rate on the first step (m̂/√v̂ = g/|g| = ±1)', () => {
    const w = tf.tidy(() => tf.variable(tf.tensor1d([1, -2])));
    const adam = adamFor([w], 0.1);
    const g = tf.tensor1d([4, 0.5]);
    adam.apply([g]);
    const values = Array.from(w.dataSync());
    expect(values[0]).toBeCloseTo(0.9, 5);
    expect(values[1]).toBeCloseTo(-2.1, 5);
    tf.dispose([w, g]);
    adam.dispose();
  });

  it('uses a learning rate changed between steps, and frees its moments on dispose', () => {
    const before = tf.memory().numTensors;
    const w = tf.tidy(() => tf.variable(tf.scalar(0)));
    const adam = adamFor([w], 1);
    adam.learningRate = 0.5;
    const g = tf.scalar(-3);
    adam.apply([g]);
    expect(w.dataSync()[0]).toBeCloseTo(0.5, 5);
    adam.dispose();
    tf.dispose([w, g]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
