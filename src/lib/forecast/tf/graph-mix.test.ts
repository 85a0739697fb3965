import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBackend } from './backend';
import { adjacencyTensors, normalisedAdjacency } from './graph-mix';

// A path 0 – 1 – 2: degrees with self-loops 2, 3, 2.
const path = { offsets: Int32Array.of(0, 1, 3, 4), index: Int32Array.of(1, 0, 2, 1) };
/** Dense Â of the path, entry (i, j) = 1/√(d_i d_j) on edges and the diagonal. */
const dense = [
  [1 / 2, 1 / Math.sqrt(6), 0],
  [1 / Math.sqrt(6), 1 / 3, 1 / Math.sqrt(6)],
  [0, 1 / Math.sqrt(6), 1 / 2],
];

beforeAll(async () => {
  await ensureBackend();
});

describe('normalisedAdjacency(lists)', () => {
  it('lists each cell itself first, then its neighbours, with s = 1/√(1 + degree)', () => {
    const a = normalisedAdjacency({ offsets: Int32Array.of(0, 1, 2), index: Int32Array.of(1, 0) });
    expect(Array.from(a.index)).toEqual([0, 1, 1, 0]);
    expect(Array.from(a.segment)).toEqual([0, 0, 1, 1]);
    expect(Array.from(a.scale)).toEqual([Math.fround(Math.SQRT1_2), Math.fround(Math.SQRT1_2)]);
  });
});

describe('adjacencyTensors(adjacency).mix(x)', () => {
  it('equals the dense Â·x on a path of 3 cells', () => {
    const before = tf.memory().numTensors;
    const { mix, tensors } = adjacencyTensors(normalisedAdjacency(path));
    const x = [
      [1, 10],
      [2, 20],
      [4, 40],
    ];
    const out = tf.tidy(() => mix(tf.tensor2d(x)).arraySync());
    dense.forEach((row, i) => {
      for (let j = 0; j < 2; j++)
        expect(out[i][j]).toBeCloseTo(
          row.reduce((sum, a, k) => sum + a * x[k][j], 0),
          5,
        );
    });
    tf.dispose(tensors);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('has the gradient of x ↦ Âx: d/dx Σ r ⊙ Âx = Âᵀr = Âr', () => {
    const { mix, tensors } = adjacencyTensors(normalisedAdjacency(path));
    const r = [[1], [-2], [3]];
    const grad = tf.tidy(
      () =>
        tf
          .grad((x: tf.Tensor) => tf.sum(mix(x as tf.Tensor2D).mul(tf.tensor2d(r))))(tf.zeros([3, 1]))
          .arraySync() as number[][],
    );
    dense.forEach((row, i) =>
      expect(grad[i][0]).toBeCloseTo(
        row.reduce((sum, a, k) => sum + a * r[k][0], 0),
        5,
      ),
    );
    tf.dispose(tensors);
  });
});
