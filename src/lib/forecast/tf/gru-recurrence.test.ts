import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { ensureBackend } from './backend';
import { gruNetwork } from './gru-network';
import type { NetworkDims } from './network';
import { fitSmallGru } from '../../../../test/fixtures/small-gru-fit';

beforeAll(async () => {
  await ensureBackend();
});

const dims: NetworkDims = { features: 3, window: 5, channels: 3, cells: 10, hidden: 8, outputBias: 0.1 };
const n = 37;
const rng = random(3);
const seq = Float32Array.from({ length: dims.window * n * dims.channels }, () => 2 * rng.next() - 1);
const tab = Float32Array.from({ length: n * dims.features }, () => 2 * rng.next() - 1);
const y = Float32Array.from({ length: n }, () => rng.int(4));

/** The gradients of the mean Poisson loss of one batch for every variable, and the log-rates, by one path. */
function gradients(autodiff: boolean): { grads: Float32Array[]; eta: Float32Array } {
  const network = gruNetwork(dims, random(7), { autodiff });
  // v starts Glorot-uniform, so the gradient reaches every recurrent weight.
  let eta = new Float32Array(0);
  const { value, grads } = tf.variableGrads(() => {
    const logRate = network.logRate({ n, tab, seq }, true);
    eta = (logRate.dataSync() as Float32Array).slice();
    return tf.mean(tf.exp(logRate).sub(tf.tensor1d(y).mul(logRate))) as tf.Scalar;
  }, network.variables as tf.Variable[]);
  const out = network.variables.map((v) => (grads[v.name].dataSync() as Float32Array).slice());
  value.dispose();
  tf.dispose(grads);
  network.dispose();
  return { grads: out, eta };
}

describe('gruLastWithGradients (hand-written backpropagation through time)', () => {
  it('gives the forward values of tfjs’s own ops bit for bit, and their automatic gradients to float32 rounding, freeing every tensor', () => {
    const before = tf.memory().numTensors;
    const auto = gradients(true);
    const hand = gradients(false);
    expect(tf.memory().numTensors).toBe(before);
    expect(Buffer.from(hand.eta.buffer).equals(Buffer.from(auto.eta.buffer))).toBe(true);
    // W_z, W_r, W_n (4 × 8 with the bias row), U_z, U_r, U_n (8 × 8), w, v, b
    expect(hand.grads.map((g) => g.length)).toEqual([32, 32, 32, 64, 64, 64, 3, 8, 1]);
    hand.grads.forEach((g, k) => {
      const scale = Math.max(...auto.grads[k].map(Math.abs));
      expect(scale).toBeGreaterThan(1e-4); // every weight gets a gradient: the comparison can fail
      for (let i = 0; i < g.length; i++) expect(Math.abs(g[i] - auto.grads[k][i])).toBeLessThanOrEqual(1e-5 * scale);
    });
  });

  it('leaves no tensor behind when its forward pass runs inside tf.tidy with no gradient following (training mode, as Network.logRate documents)', () => {
    const before = tf.memory().numTensors;
    const network = gruNetwork(dims, random(7));
    const eta = tf.tidy(() => (network.logRate({ n, tab, seq }, true).dataSync() as Float32Array).slice());
    // Before the steps' tensors went through customGrad's save, 6 per step and the transposed inputs stayed: 6·5 + 1 = 31.
    expect(tf.memory().numTensors).toBe(before + network.variables.length);
    // The same values as the automatic path's forward pass (dropout is off in the GRU's recurrence).
    const auto = gruNetwork(dims, random(7), { autodiff: true });
    const expected = tf.tidy(() => (auto.logRate({ n, tab, seq }, true).dataSync() as Float32Array).slice());
    expect(Buffer.from(eta.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    network.dispose();
    auto.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a GRU to forecasts within 1e-4 (relative) of automatic differentiation’s, with the same epochs kept', async () => {
    const before = tf.memory().numTensors;
    const fit = async (autodiff: boolean): Promise<{ forecast: Float32Array; chosen?: number; epochs: number; cells: number }> => {
      const { forecast, log, cells } = await fitSmallGru({ autodiff });
      return { forecast, chosen: log.chosenEpoch, epochs: log.epochs.length, cells };
    };
    const auto = await fit(true);
    const hand = await fit(false);
    expect(hand.epochs).toBe(auto.epochs);
    expect(hand.chosen).toBe(auto.chosen);
    expect(hand.forecast.length).toBe(2 * hand.cells);
    let worst = 0;
    for (let i = 0; i < hand.forecast.length; i++) worst = Math.max(worst, Math.abs(hand.forecast[i] - auto.forecast[i]) / auto.forecast[i]);
    expect(worst).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
