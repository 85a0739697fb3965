import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../base/random';
import { gruLast, gruLastWithGradients } from './gru-recurrence';
import { constantVariable, disposeAll, glorotVariable, variableFrom, type Batch, type Network, type NetworkDims } from './network';

/**
 * A gated recurrent unit (Cho et al. 2014, "reset after" form as in cuDNN and Keras) run over
 * each target's last `window` periods of sequence channels, with weights shared by all cells:
 *
 *   z = σ(x·W_z + h·U_z + b_z), r = σ(x·W_r + h·U_r + b_r),
 *   n = tanh(x·W_n + b_n + r ⊙ (h·U_n)), h ← (1 − z) ⊙ n + z ⊙ h,
 *
 * then log λ = b + f·w + h_last·v, where f are the tabular features (a linear skip, like the
 * covariates of DeepAR: the calendar of the target period and the long windows never fit in
 * the sequence). Inputs are separate per-step tensors: slicing one [n, window, channels]
 * tensor per step (Unpack, Split) cost more than the recurrence itself on the WASM backend.
 * Training (`logRate(batch, true)`) backpropagates through the steps by hand
 * (`gruLastWithGradients`, about twice as fast on WASM); `options.autodiff` keeps tfjs's
 * automatic differentiation instead (the reference the tests compare it with).
 * @example gruNetwork(dims, random(1)).variables.length // → 9
 */
export function gruNetwork(dims: NetworkDims, rng: Random, options: { readonly autodiff?: boolean } = {}): Network {
  const { features: F, channels: S, hidden: H, window: L } = dims;
  // Input weights carry the gate biases as a last row, fed by a constant-1 input channel:
  // a plain matMul per gate and step (a fused bias doubles the kernels in the backward pass).
  const Wz = withBiasRow(rng, S, H);
  const Wr = withBiasRow(rng, S, H);
  const Wn = withBiasRow(rng, S, H);
  const Uz = glorotVariable(rng, [H, H]);
  const Ur = glorotVariable(rng, [H, H]);
  const Un = glorotVariable(rng, [H, H]);
  const w = constantVariable([F, 1]);
  const v = glorotVariable(rng, [H, 1]);
  const b = constantVariable([1], dims.outputBias);
  const variables = [Wz, Wr, Wn, Uz, Ur, Un, w, v, b];
  return {
    variables,
    penalised: [Wz, Wr, Wn, Uz, Ur, Un, v],
    linear: { w, b },
    deepOutput: v,
    logRate(batch: Batch, training = false): tf.Tensor1D {
      const { n, seq } = batch;
      if (!seq) throw new Error('gruNetwork needs sequence inputs (batch.seq)');
      const xs: tf.Tensor2D[] = [];
      for (let l = 0; l < L; l++) {
        const step = new Float32Array(n * (S + 1)); // fresh: the CPU backend keeps the array it is given
        for (let i = 0; i < n; i++) {
          step.set(seq.subarray((l * n + i) * S, (l * n + i + 1) * S), i * (S + 1));
          step[i * (S + 1) + S] = 1;
        }
        xs.push(tf.tensor2d(step, [n, S + 1]));
      }
      const weights = { Wz, Wr, Wn, Uz, Ur, Un };
      const h = training && !options.autodiff ? gruLastWithGradients(xs, transposedSteps(seq, n, L, S), weights, n, H) : gruLast(xs, weights, n, H);
      const f = tf.tensor2d(batch.tab, [n, F]);
      return f.matMul(w).add(h.matMul(v)).add(b).reshape([n]);
    },
    dispose: () => disposeAll(variables),
  };
}

/** A Glorot-uniform [inputs + 1, units] weight whose last row (the bias) starts at 0. */
function withBiasRow(rng: Random, inputs: number, units: number): tf.Variable {
  const a = Math.sqrt(6 / (inputs + units));
  const values = new Float32Array((inputs + 1) * units);
  for (let i = 0; i < inputs * units; i++) values[i] = (2 * rng.next() - 1) * a;
  return variableFrom(values, [inputs + 1, units]);
}

/** The steps' inputs with the constant-1 channel, transposed: [channels + 1, steps × n], column l·n + i = step l of target i. */
function transposedSteps(seq: Float32Array, n: number, L: number, S: number): Float32Array {
  const out = new Float32Array((S + 1) * L * n);
  const columns = L * n;
  for (let k = 0; k < columns; k++) {
    for (let j = 0; j < S; j++) out[j * columns + k] = seq[k * S + j];
    out[S * columns + k] = 1;
  }
  return out;
}
