import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../base/random';

/**
 * The inputs of one mini-batch, as typed arrays; a network turns them into tensors inside the
 * caller's `tf.tidy`. Targets are (period, cell) pairs; `n` of them. In a graph batch (B
 * periods of all C cells) they are ordered cell-major: row c·B + b is cell c in period b.
 */
export interface Batch {
  readonly n: number;
  /** Scaled tabular features, row-major `n × features`. */
  readonly tab: Float32Array;
  /** Scaled sequence channels, time-major `window × n × channels` (sequence models). */
  readonly seq?: Float32Array;
  /** Scaled sequence channels per node, `cells × periods × window × channels` (graph models; n = cells × periods). */
  readonly nodes?: Float32Array;
  /** A fixed term per target added to log λ with coefficient 1 (a built model's `rate-offset`). */
  readonly offset?: Float32Array;
}

/** Sizes a network is built for. */
export interface NetworkDims {
  readonly features: number;
  readonly window: number;
  readonly channels: number;
  readonly cells: number;
  readonly hidden: number;
  /** Log of the mean training count: the output bias starts here, so the first forecasts are sane. */
  readonly outputBias: number;
}

/**
 * A network: its trainable variables and the forward pass to log-rates (one per target).
 * Every network here has the form log λ = b + f·w + deep(inputs)·v: a Poisson GLM on the
 * tabular features f plus (except for the GLM itself) a non-linear path whose output weights
 * are v, so it can be warm-started from a fitted GLM (`warmStart`).
 */
export interface Network {
  readonly variables: readonly tf.Variable[];
  /** The variables under the L2 penalty (the non-linear path's weights; not biases, not the GLM part). */
  readonly penalised: readonly tf.Variable[];
  /** The GLM part: weights w [features, 1] and intercept b [1]. */
  readonly linear: { readonly w: tf.Variable; readonly b: tf.Variable };
  /** Output weights v of the non-linear path (absent in the GLM). */
  readonly deepOutput?: tf.Variable;
  /**
   * log λ for each target of the batch, shape [n], without the batch's offset (`offsetRate` adds
   * it). `training` turns on dropout where a network has it. Call inside `tf.tidy` or a gradient function.
   */
  logRate(batch: Batch, training?: boolean): tf.Tensor1D;
  /** Frees every tensor the network holds. */
  dispose(): void;
}

/**
 * A trainable variable with Glorot-uniform values U(−a, a), a = gain·√(6 / (fanIn + fanOut))
 * (Glorot & Bengio 2010), drawn from `rng` so that a seed fixes the initialisation on every backend.
 * @example glorotVariable(random(1), [4, 2]).shape // → [4, 2]
 */
export function glorotVariable(rng: Random, shape: [number, number], gain = 1): tf.Variable {
  const [fanIn, fanOut] = shape;
  const a = gain * Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng.next() - 1) * a;
  return variableFrom(values, shape);
}

/**
 * A trainable variable filled with `value` (biases, a zero-initialised linear part).
 * @example constantVariable([1], Math.log(2)).dataSync() // → [0.693…]
 */
export function constantVariable(shape: number[], value = 0): tf.Variable {
  return variableFrom(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value), shape);
}

/**
 * A trainable variable holding a copy of `values`.
 * @example variableFrom(Float32Array.of(1, 2), [2, 1]).shape // → [2, 1]
 */
export function variableFrom(values: Float32Array, shape: number[]): tf.Variable {
  const initial = tf.tensor(values, shape, 'float32');
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}

/**
 * Copies of the variables' current values (for restoring the early-stopping epoch).
 * @example snapshot([w]) // → [Float32Array of w's values]
 */
export function snapshot(variables: readonly tf.Variable[]): Float32Array[] {
  return variables.map((v) => (v.dataSync() as Float32Array).slice());
}

/**
 * Writes values taken by `snapshot` back into the variables.
 * @example const saved = snapshot(vars); …train…; restore(vars, saved) // vars hold the saved values again
 */
export function restore(variables: readonly tf.Variable[], values: readonly Float32Array[]): void {
  variables.forEach((v, i) => {
    const t = tf.tensor(values[i], v.shape, 'float32');
    v.assign(t);
    t.dispose();
  });
}

/**
 * Disposes a list of tensors (a network's `dispose`).
 * @example disposeAll(network.variables) // tf.memory().numTensors drops by their count
 */
export function disposeAll(tensors: readonly tf.Tensor[]): void {
  for (const t of tensors) t.dispose();
}

/**
 * Combined actuarial neural network start (CANN; Wüthrich & Merz 2019): copies a fitted GLM's
 * w and b into `network` and zeroes its non-linear output weights v, so the network starts
 * exactly at the GLM's forecasts and training only adds what the non-linear path can explain
 * (the fit pipeline then keeps w and b fixed).
 * @example warmStart(mlp, fittedGlm) // mlp forecasts exactly what fittedGlm does until it trains
 */
export function warmStart(network: Network, glm: Network): void {
  network.linear.w.assign(glm.linear.w);
  network.linear.b.assign(glm.linear.b);
  if (network.deepOutput) {
    const zeros = tf.zerosLike(network.deepOutput);
    network.deepOutput.assign(zeros);
    zeros.dispose();
  }
}

/**
 * log λ of a batch with its offset: `network.logRate(batch) + batch.offset` (no offset: unchanged).
 * Call inside `tf.tidy` or a gradient function.
 * @example offsetRate(glm, { n: 1, tab, offset: Float32Array.of(0.5) }) // → the GLM's log λ + 0.5
 */
export function offsetRate(network: Network, batch: Batch, training = false): tf.Tensor1D {
  const eta = network.logRate(batch, training);
  return batch.offset ? eta.add(tf.tensor1d(batch.offset)) : eta;
}
