import * as tf from '@tensorflow/tfjs';

/**
 * A GRU's recurrent weights: input weights W (with the gate bias as their last row, fed by a
 * constant-1 input channel) and hidden weights U, one pair per gate (update z, reset r, new n).
 */
export interface GruWeights {
  readonly Wz: tf.Tensor;
  readonly Wr: tf.Tensor;
  readonly Wn: tf.Tensor;
  readonly Uz: tf.Tensor;
  readonly Ur: tf.Tensor;
  readonly Un: tf.Tensor;
}

/** One step's output h and the values the backward pass reads. */
interface StepParts {
  readonly h: tf.Tensor2D;
  readonly z: tf.Tensor2D;
  readonly r: tf.Tensor2D;
  readonly c: tf.Tensor2D;
  /** h_prev·U_n. */
  readonly hUn: tf.Tensor2D;
  /** h_prev − c. */
  readonly hc: tf.Tensor2D;
}

/**
 * One GRU step ("reset after" form, as in cuDNN and Keras): z = σ(x·W_z + h·U_z),
 * r = σ(x·W_r + h·U_r), c = tanh(x·W_n + r ⊙ (h·U_n)), h' = c + z ⊙ (h − c). The same kernels on
 * the same operands in every path, so a forward pass gives the same bits whichever path runs it.
 */
function gruStep(x: tf.Tensor2D, h: tf.Tensor2D, w: GruWeights): StepParts {
  const z = tf.sigmoid(x.matMul(w.Wz).add(h.matMul(w.Uz))) as tf.Tensor2D;
  const r = tf.sigmoid(x.matMul(w.Wr).add(h.matMul(w.Ur))) as tf.Tensor2D;
  const hUn = h.matMul(w.Un) as tf.Tensor2D;
  const c = tf.tanh(x.matMul(w.Wn).add(r.mul(hUn))) as tf.Tensor2D;
  const hc = h.sub(c) as tf.Tensor2D;
  return { h: c.add(z.mul(hc)) as tf.Tensor2D, z, r, c, hUn, hc };
}

/**
 * The last hidden state of a GRU run over the steps `xs` (each [n, inputs + 1], the last column
 * 1) from h = 0, with tfjs's own ops (and, under a gradient tape, tfjs's automatic
 * differentiation). Call inside `tf.tidy`.
 * @example gruLast([x0, x1], weights, 2, 16).shape // → [2, 16]
 */
export function gruLast(xs: readonly tf.Tensor2D[], w: GruWeights, n: number, H: number): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([n, H]);
  for (const x of xs) h = gruStep(x, h, w).h;
  return h;
}

/**
 * `gruLast` as one differentiable op with a hand-written backward pass (backpropagation through
 * time), for training: the same forward values, and gradients equal to automatic
 * differentiation's up to float32 rounding. Why: tfjs's WASM backend computes every transposed
 * matMul of the automatic backward pass (dh = dA·Uᵀ, dU = hᵀ·dA, per gate and step) with a
 * scalar loop, and records, clones and replays ~50 kernels a step; here dh goes through XNNPACK
 * matMuls against the transposed U (transposed once per batch), and each weight's gradient is one
 * matMul over all steps at once (Σ_l h_lᵀ·da_l as Hᵀ·dA with the steps stacked). Summing in another order
 * changes the last bits of the gradients, so training can end a few ulps away from the automatic
 * path's weights (gru-recurrence.test.ts bounds both).
 *
 * `transposed` holds the same inputs transposed, [inputs + 1, steps × n] (column l·n + i is step l
 * of target i), for the input weights' gradient. The steps' tensors the backward pass reads go
 * through customGrad's `save`: tfjs keeps them only while a gradient tape records (inside
 * `tf.variableGrads`) and frees them after backpropagation, so a forward pass without a gradient
 * (inside `tf.tidy`) leaves no tensor behind.
 * @example tf.variableGrads(() => gruLastWithGradients(xs, transposed, w, n, 16).sum()) // → gradients of W_z … U_n
 */
export function gruLastWithGradients(xs: readonly tf.Tensor2D[], transposed: Float32Array, w: GruWeights, n: number, H: number): tf.Tensor2D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [Wz, Wr, Wn, Uz, Ur, Un] = args as tf.Tensor2D[];
    const save = args[6] as tf.GradSaveFunc;
    const weights = { Wz, Wr, Wn, Uz, Ur, Un };
    const steps: tf.Tensor2D[] = [];
    let h: tf.Tensor2D = tf.zeros([n, H]);
    for (const x of xs) {
      const parts = gruStep(x, h, weights);
      steps.push(h, parts.z, parts.r, parts.c, parts.hUn, parts.hc);
      h = parts.h;
    }
    // The forward pass runs in a tidy of its own: what the backward pass reads is saved (kept by tfjs only under a tape).
    save(steps);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] =>
      tf.tidy(() => {
        const xT = tf.tensor2d(transposed, [transposed.length / (xs.length * n), xs.length * n]);
        return backward(dy as tf.Tensor2D, stepsOf(saved as tf.Tensor2D[]), weights, xT);
      });
    return { value: h, gradFunc };
  });
  return op(w.Wz, w.Wr, w.Wn, w.Uz, w.Ur, w.Un) as tf.Tensor2D;
}

/** A step's values the backward pass reads: its gates and the hidden state it started from. */
type SavedStep = Omit<StepParts, 'h'> & { readonly prev: tf.Tensor2D };

/** The saved tensors, six a step (h_prev, z, r, c, h_prev·U_n, h_prev − c), as steps. */
function stepsOf(saved: readonly tf.Tensor2D[]): SavedStep[] {
  const steps: SavedStep[] = [];
  for (let k = 0; k < saved.length; k += 6) {
    const [prev, z, r, c, hUn, hc] = saved.slice(k, k + 6);
    steps.push({ prev, z, r, c, hUn, hc });
  }
  return steps;
}

/**
 * Backpropagation through the steps: from dL/dh_last, the gradients of W_z, W_r, W_n, U_z, U_r,
 * U_n. Per step, with a_g the gate pre-activations:
 *   dz = dh ⊙ (h_prev − c), da_n = dh ⊙ (1 − z) ⊙ (1 − c²), da_z = dz ⊙ z(1 − z),
 *   da_r = da_n ⊙ (h_prev·U_n) ⊙ r(1 − r), d(h_prev·U_n) = da_n ⊙ r,
 *   dh_prev = dh ⊙ z + da_z·U_zᵀ + da_r·U_rᵀ + d(h_prev·U_n)·U_nᵀ,
 * and over all steps at once (steps stacked by rows) dW_z = Xᵀ·da_z, dW_r = Xᵀ·da_r,
 * dW_n = Xᵀ·da_n, dU_z = H_prevᵀ·da_z, dU_r = H_prevᵀ·da_r, dU_n = H_prevᵀ·d(h_prev·U_n).
 * (Gates are kept apart: tfjs's WASM Concat along columns copies row by row in JavaScript.)
 */
function backward(dy: tf.Tensor2D, steps: readonly SavedStep[], w: GruWeights, xT: tf.Tensor): tf.Tensor[] {
  return tf.tidy(() => {
    const one = tf.scalar(1);
    const [UzT, UrT, UnT] = [w.Uz.transpose(), w.Ur.transpose(), w.Un.transpose()];
    const L = steps.length;
    const dAz: tf.Tensor[] = new Array(L);
    const dAr: tf.Tensor[] = new Array(L);
    const dAn: tf.Tensor[] = new Array(L);
    const dHUn: tf.Tensor[] = new Array(L);
    let dh: tf.Tensor = dy;
    for (let l = L - 1; l >= 0; l--) {
      const { z, r, c, hUn, hc } = steps[l];
      const notZ = one.sub(z);
      dAn[l] = dh.mul(notZ).mul(one.sub(c.square()));
      dAz[l] = dh.mul(hc).mul(z.mul(notZ));
      dAr[l] = dAn[l].mul(hUn).mul(r.mul(one.sub(r)));
      dHUn[l] = dAn[l].mul(r);
      // h_0 is the constant 0: no gradient flows past the first step.
      if (l > 0) dh = dh.mul(z).add(dAz[l].matMul(UzT)).add(dAr[l].matMul(UrT)).add(dHUn[l].matMul(UnT));
    }
    const prevT = tf
      .concat(
        steps.map((s) => s.prev),
        0,
      )
      .transpose();
    const [z, r] = [tf.concat(dAz, 0), tf.concat(dAr, 0)];
    return [xT.matMul(z), xT.matMul(r), xT.matMul(tf.concat(dAn, 0)), prevT.matMul(z), prevT.matMul(r), prevT.matMul(tf.concat(dHUn, 0))];
  });
}
