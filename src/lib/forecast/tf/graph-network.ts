import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../base/random';
import { adjacencyTensors, type Adjacency } from './graph-mix';
import { constantVariable, disposeAll, glorotVariable, type Batch, type Network, type NetworkDims } from './network';

/**
 * A spatio-temporal graph network in the manner of T-GCN / STGCN (Zhao et al. 2019; Yu et al.
 * 2018), sized for a browser: `layers` (1 or 2) graph convolutions H ← relu(Â·H·W + b) mix every
 * cell with its ring-1 neighbours in each of the last `window` periods (weights shared over
 * periods), then a temporal layer (a convolution whose kernel spans the whole window:
 * relu(vec(H_{t−window..t−1})·W_t + b_t)) gives one state per cell, and
 * log λ = b + f·w + state·v with the tabular features f as a linear skip.
 * Â = D^−½(A + I)D^−½ is applied as a sparse sum over each cell and its neighbours (`graph-mix`).
 * Targets of a batch are ordered cell-major: row c·B + b is cell c in the batch's period b.
 * @example graphNetwork(dims, random(1), adjacency, 2).variables.length // → 9
 */
export function graphNetwork(dims: NetworkDims, rng: Random, adjacency: Adjacency, layers: 1 | 2): Network {
  const { features: F, channels: S, hidden: H, window: L, cells: C } = dims;
  const W1 = glorotVariable(rng, [S, H]);
  const b1 = constantVariable([H]);
  const W2 = glorotVariable(rng, [H, H]);
  const b2 = constantVariable([H]);
  const Wt = glorotVariable(rng, [L * H, H]);
  const bt = constantVariable([H]);
  const w = constantVariable([F, 1]);
  const v = glorotVariable(rng, [H, 1]);
  const b = constantVariable([1], dims.outputBias);
  const variables = layers === 2 ? [W1, b1, W2, b2, Wt, bt, w, v, b] : [W1, b1, Wt, bt, w, v, b];
  if (layers === 1) disposeAll([W2, b2]);
  const { mix, tensors } = adjacencyTensors(adjacency);
  return {
    variables,
    penalised: layers === 2 ? [W1, W2, Wt, v] : [W1, Wt, v],
    linear: { w, b },
    deepOutput: v,
    logRate(batch: Batch): tf.Tensor1D {
      const { n, nodes } = batch;
      if (!nodes) throw new Error('graphNetwork needs node inputs (batch.nodes)');
      const B = n / C;
      // Cells first ([C, B·L·channels]): the periods of the batch and of the window ride along
      // as columns, so one sparse sum mixes them all, and reshapes never move data.
      const x = mix(tf.tensor2d(nodes, [C, B * L * S]));
      let h = tf.fused.matMul({ a: x.reshape([C * B * L, S]), b: W1, bias: b1, activation: 'relu' });
      if (layers === 2) {
        const mixed = mix(h.reshape([C, B * L * H]));
        h = tf.fused.matMul({ a: mixed.reshape([C * B * L, H]), b: W2, bias: b2, activation: 'relu' });
      }
      const state = tf.fused.matMul({ a: h.reshape([C * B, L * H]), b: Wt, bias: bt, activation: 'relu' });
      const f = tf.tensor2d(batch.tab, [n, F]);
      return tf.fused.matMul({ a: f, b: w, bias: b }).add(state.matMul(v)).reshape([n]);
    },
    dispose: () => disposeAll([...variables, ...tensors]),
  };
}
