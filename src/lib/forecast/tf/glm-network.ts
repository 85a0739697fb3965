import * as tf from '@tensorflow/tfjs';
import { constantVariable, disposeAll, type Batch, type Network, type NetworkDims } from './network';

/**
 * Poisson regression with a log link (McCullagh & Nelder 1989): log λ = b + x·w over the
 * scaled tabular features. Weights start at 0 and the intercept at the log mean count, so the
 * untrained model forecasts the overall mean everywhere.
 * @example glmNetwork({ features: 3, outputBias: 0, … }).variables.length // → 2 (w, b)
 */
export function glmNetwork(dims: NetworkDims): Network {
  const w = constantVariable([dims.features, 1]);
  const b = constantVariable([1], dims.outputBias);
  const variables = [w, b];
  return {
    variables,
    penalised: [w],
    linear: { w, b },
    logRate(batch: Batch): tf.Tensor1D {
      const x = tf.tensor2d(batch.tab, [batch.n, dims.features]);
      return tf.fused.matMul({ a: x, b: w, bias: b }).reshape([batch.n]);
    },
    dispose: () => disposeAll(variables),
  };
}
