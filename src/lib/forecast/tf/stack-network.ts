import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../base/random';
import type { Activation } from '../builder/build-params';
import { constantVariable, disposeAll, glorotVariable, type Batch, type Network, type NetworkDims } from './network';

/** The shape of a built MLP's non-linear path. */
export interface StackShape {
  readonly layers: number;
  readonly units: number;
  readonly activation: Activation;
  /** Fraction of each hidden layer's outputs dropped while training (inverted dropout; 0 = none). */
  readonly dropout: number;
}

/**
 * A "wide and deep" perceptron of any depth (Cheng et al. 2016): log λ = b + x·w + deep(x)·v,
 * deep = `layers` fully connected layers of `units` each with `activation`, and dropout
 * (Srivastava et al. 2014) after each while training, its masks drawn from `rng`'s seeds so a
 * fit is repeatable. The wide part is the Poisson GLM (warm-startable, see `warmStart`).
 * @example stackNetwork(dims, random(1), { layers: 3, units: 16, activation: 'tanh', dropout: 0.1 }).variables.length // → 2 + 2·3 + 1 = 9
 */
export function stackNetwork(dims: NetworkDims, rng: Random, shape: StackShape): Network {
  const F = dims.features;
  const w = constantVariable([F, 1]);
  const b = constantVariable([1], dims.outputBias);
  const hidden: { W: tf.Variable; bias: tf.Variable }[] = [];
  let width = F;
  for (let l = 0; l < shape.layers; l++) {
    hidden.push({ W: glorotVariable(rng, [width, shape.units]), bias: constantVariable([shape.units]) });
    width = shape.units;
  }
  const v = glorotVariable(rng, [width, 1]);
  const variables = [w, b, ...hidden.flatMap((h) => [h.W, h.bias]), v];
  return {
    variables,
    penalised: [...hidden.map((h) => h.W), v],
    linear: { w, b },
    deepOutput: v,
    logRate(batch: Batch, training = false): tf.Tensor1D {
      const x = tf.tensor2d(batch.tab, [batch.n, F]);
      let h: tf.Tensor2D = x;
      for (const layer of hidden) {
        const z = tf.fused.matMul({ a: h, b: layer.W, bias: layer.bias });
        h = (
          shape.activation === 'relu' ? tf.relu(z) : shape.activation === 'tanh' ? tf.tanh(z) : shape.activation === 'elu' ? tf.elu(z) : tf.sigmoid(z)
        ) as tf.Tensor2D;
        if (training && shape.dropout > 0) h = tf.dropout(h, shape.dropout, undefined, rng.int(2 ** 31)) as tf.Tensor2D;
      }
      const wide = tf.fused.matMul({ a: x, b: w, bias: b });
      return wide.add(h.matMul(v)).reshape([batch.n]);
    },
    dispose: () => disposeAll(variables),
  };
}
