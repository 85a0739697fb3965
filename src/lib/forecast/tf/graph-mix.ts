import * as tf from '@tensorflow/tfjs';

/**
 * A fixed, symmetric normalised adjacency Â = D^−½ (A + I) D^−½ (Kipf & Welling 2017) in
 * factored form: Â·X = s ⊙ Σ_{j ∈ N(c) ∪ {c}} (s ⊙ X)_j with s = diag(D^−½). Entry k of the
 * edge list says that cell `segment[k]` sums row `index[k]`; segments ascend, each cell lists
 * itself first. Applying Â costs one pass over C·(1 + degree) rows: no dense C × C matrix.
 */
export interface Adjacency {
  readonly cells: number;
  readonly index: Int32Array;
  readonly segment: Int32Array;
  /** s_c = 1/√(1 + degree of c). */
  readonly scale: Float32Array;
}

/**
 * Builds Â from symmetric neighbour lists (CSR: neighbours of c are
 * `lists.index[lists.offsets[c] .. lists.offsets[c + 1])`).
 * @example normalisedAdjacency({ offsets: Int32Array.of(0, 1, 2), index: Int32Array.of(1, 0) })
 *   // two linked cells → index [0, 1, 1, 0], segment [0, 0, 1, 1], scale [1/√2, 1/√2]
 */
export function normalisedAdjacency(lists: { readonly offsets: Int32Array; readonly index: Int32Array }): Adjacency {
  const C = lists.offsets.length - 1;
  const edges = C + lists.offsets[C];
  const index = new Int32Array(edges);
  const segment = new Int32Array(edges);
  const scale = new Float32Array(C);
  let k = 0;
  for (let c = 0; c < C; c++) {
    scale[c] = 1 / Math.sqrt(1 + lists.offsets[c + 1] - lists.offsets[c]);
    index[k] = c;
    segment[k++] = c;
    for (let j = lists.offsets[c]; j < lists.offsets[c + 1]; j++) {
      index[k] = lists.index[j];
      segment[k++] = c;
    }
  }
  return { cells: C, index, segment, scale };
}

/**
 * The adjacency as tensors, and `mix(x)` = Â·x for x of shape [cells, channels].
 * The sum over neighbours is a SparseSegmentSum (a fast kernel on WASM, where GatherV2 cost
 * ~50 ns an element). Neither has a gradient the WASM backend can run, but Â is symmetric,
 * so the gradient of x ↦ Âx is dy ↦ Âᵀdy = Âdy: `mix` carries that as a custom gradient.
 * Dispose the returned tensors when done.
 * @example const { mix, tensors } = adjacencyTensors(normalisedAdjacency(lists)); mix(x) // Â·x, [cells, channels]
 */
export function adjacencyTensors(adjacency: Adjacency): { mix: (x: tf.Tensor2D) => tf.Tensor2D; tensors: tf.Tensor[] } {
  const index = tf.tensor1d(adjacency.index, 'int32');
  const segment = tf.tensor1d(adjacency.segment, 'int32');
  const scale = tf.tensor2d(adjacency.scale, [adjacency.cells, 1]);
  const apply = (x: tf.Tensor): tf.Tensor2D => tf.sparse.sparseSegmentSum(x.mul(scale) as tf.Tensor2D, index, segment).mul(scale);
  const mix = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: apply(inputs[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => apply(dy as tf.Tensor),
  })) as (x: tf.Tensor2D) => tf.Tensor2D;
  return { mix, tensors: [index, segment, scale] };
}
