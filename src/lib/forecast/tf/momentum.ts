import * as tf from '@tensorflow/tfjs';
import type { Adam } from './adam';

/**
 * Stochastic gradient descent with classical momentum μ = 0.9 (Polyak 1964; Sutskever et al.
 * 2013): u ← μu + g, θ ← θ − α·u. Same interface as `adamFor`, so training can switch between
 * them; the caller may lower `learningRate` between epochs. `dispose` frees the velocities.
 * @example const sgd = momentumFor([w], 0.01); sgd.apply([grad]); sgd.dispose();
 */
export function momentumFor(variables: readonly tf.Variable[], learningRate: number): Adam {
  const mu = 0.9;
  const velocity = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
  const sgd: Adam = {
    learningRate,
    apply(gradients: readonly tf.Tensor[]): void {
      tf.tidy(() => {
        variables.forEach((variable, i) => {
          velocity[i].assign(velocity[i].mul(mu).add(gradients[i]));
          variable.assign(variable.sub(velocity[i].mul(sgd.learningRate)));
        });
      });
    },
    dispose(): void {
      for (const v of velocity) v.dispose();
    },
  };
  return sgd;
}
