import * as tf from '@tensorflow/tfjs';

/** Adam's state for a list of variables; `dispose` frees the moment estimates. */
export interface Adam {
  /** Step size for the next updates (the caller may lower it, e.g. on a plateau). */
  learningRate: number;
  /** Applies one update with these gradients (same order as the variables). */
  apply(gradients: readonly tf.Tensor[]): void;
  dispose(): void;
}

/**
 * Adam (Kingma & Ba 2015) with bias correction, β₁ = 0.9, β₂ = 0.999, ε = 1e−7:
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m/(√v + ε).
 * Written out (instead of `tf.train.adam`) so that the step size can change between epochs
 * and every tensor it holds is visibly ours to free.
 * @example const adam = adamFor([w], 0.01); adam.apply([grad]); adam.dispose();
 */
export function adamFor(variables: readonly tf.Variable[], learningRate: number): Adam {
  const beta1 = 0.9;
  const beta2 = 0.999;
  const epsilon = 1e-7;
  // tidy frees the zero tensors; the variables (which tidy never frees) keep their data.
  const m = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
  const s = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
  let t = 0;
  const adam: Adam = {
    learningRate,
    apply(gradients: readonly tf.Tensor[]): void {
      t++;
      const rate = (adam.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      tf.tidy(() => {
        variables.forEach((variable, i) => {
          const g = gradients[i];
          m[i].assign(m[i].mul(beta1).add(g.mul(1 - beta1)));
          s[i].assign(s[i].mul(beta2).add(g.square().mul(1 - beta2)));
          variable.assign(variable.sub(m[i].div(s[i].sqrt().add(epsilon)).mul(rate)));
        });
      });
    },
    dispose(): void {
      for (const v of [...m, ...s]) v.dispose();
    },
  };
  return adam;
}
