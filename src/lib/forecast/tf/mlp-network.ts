import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../base/random';
import { constantVariable, disposeAll, glorotVariable, type Batch, type Network, type NetworkDims } from './network';

/**
 * A "wide and deep" multilayer perceptron (Cheng et al. 2016) on the scaled tabular features:
 * log λ = b + x·w + relu(relu(x·W₁ + b₁)·W₂ + b₂)·v, with `hidden` and `hidden / 2` units.
 * The linear part is the Poisson GLM, so the MLP only has to learn what a GLM cannot
 * (interactions, thresholds); it starts at w = 0 and Glorot-uniform hidden weights.
 * @example mlpNetwork(dims, random(1)).variables.length // → 7
 */
export function mlpNetwork(dims: NetworkDims, rng: Random): Network {
  const F = dims.features;
  const H = dims.hidden;
  const H2 = Math.max(1, Math.floor(H / 2));
  const w = constantVariable([F, 1]);
  const b = constantVariable([1], dims.outputBias);
  const W1 = glorotVariable(rng, [F, H]);
  const b1 = constantVariable([H]);
  const W2 = glorotVariable(rng, [H, H2]);
  const b2 = constantVariable([H2]);
  const v = glorotVariable(rng, [H2, 1]);
  const variables = [w, b, W1, b1, W2, b2, v];
  return {
    variables,
    penalised: [W1, W2, v],
    linear: { w, b },
    deepOutput: v,
    logRate(batch: Batch): tf.Tensor1D {
      const x = tf.tensor2d(batch.tab, [batch.n, F]);
      const h1 = tf.fused.matMul({ a: x, b: W1, bias: b1, activation: 'relu' });
      const h2 = tf.fused.matMul({ a: h1, b: W2, bias: b2, activation: 'relu' });
      const wide = tf.fused.matMul({ a: x, b: w, bias: b });
      return wide.add(h2.matMul(v)).reshape([batch.n]);
    },
    dispose: () => disposeAll(variables),
  };
}
