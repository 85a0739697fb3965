import * as tf from '@tensorflow/tfjs';
import type { FitOptions, TrainingEpoch } from '../forecaster';
import { fitPoissonNewton, type NewtonSettings } from '../glm/poisson-newton';
import type { Network } from './network';
import { validationDeviance, validationSet, type TrainData, type TrainResult } from './train';

export { inverseDiagonalRoot, solveSpd } from '../glm/solve-spd';

/** Settings of a Newton (IRLS) fit of the Poisson GLM. */
export type IrlsSettings = NewtonSettings;

/** What a Newton fit did, and (when asked) the standard errors of (w, b). */
export interface IrlsResult extends TrainResult {
  /** √diag((XᵀΛX + R)⁻¹) at the final weights, for w then b (scaled-feature units); with `standardErrors`. */
  readonly standardErrors?: Float64Array;
}

/** Rows (targets) the Newton fit reads at most; beyond, an even subsample (deterministic). */
const MAX_ROWS = 400_000;

/**
 * Fits the GLM part of `glm` (log λ = b + f·w) by Newton's method on the Poisson
 * log-likelihood (`fitPoissonNewton`: float64 plain TypeScript, Cholesky solve, step halving
 * on the penalised deviance), on the training units' rows (an even subsample beyond 400,000
 * targets). It reaches the maximum-likelihood fit that mini-batch Adam only approaches,
 * deterministically and in a fraction of the time. Starts from the GLM's current weights;
 * after every iteration writes them into the network, computes the validation deviance and
 * reports both (as step `first + iteration`, so a continued fit extends the same curve), and
 * yields to the event loop; keeps the final weights.
 * @example await fitGlmIrls(glm, data, { iterations: 25, l2: 0 }, { seed: 1, validation: 8 }, 0)
 *   // → { epochs: [5 iterations], chosenEpoch: 5 }; glm.linear now holds the fitted w and b
 */
export async function fitGlmIrls(
  glm: Network,
  data: TrainData,
  settings: IrlsSettings,
  options: FitOptions,
  started: number,
  stage = 'iteration',
  first = 0,
): Promise<IrlsResult> {
  const { w, b } = glm.linear;
  const F = w.shape[0];
  const stride = Math.max(1, Math.ceil((data.train.length * data.unitSize) / MAX_ROWS));
  const units = stride > 1 ? data.train.filter((_, i) => i % stride === 0) : data.train;
  // The GLM reads only the tabular features (and the offset): a network's sequence windows are not built.
  const batch = data.batch(units, true);
  const validation = data.validation.length > 0 ? validationSet(data, true) : undefined;
  const groupSize = stride === 1 && data.unitSize === 1 ? data.rowGroup : undefined;
  const design = { rows: batch.n, features: F, tab: batch.tab, y: data.targets(units), offset: batch.offset, groupSize };
  const start = Float64Array.from([...(w.dataSync() as Float32Array), (b.dataSync() as Float32Array)[0]]);
  const epochs: TrainingEpoch[] = [];
  const result = await fitPoissonNewton(
    design,
    start,
    settings,
    async ({ iteration, loss, beta }) => {
      assign(glm, beta);
      const valLoss = validation ? validationDeviance(glm, validation) : undefined;
      epochs.push(valLoss === undefined ? { epoch: iteration, loss } : { epoch: iteration, loss, valLoss });
      options.onProgress?.({ stage, step: first + iteration, steps: first + settings.iterations, loss, valLoss, elapsedMs: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    options.signal,
  );
  assign(glm, result.beta);
  return { epochs, chosenEpoch: epochs.length, ...(result.standardErrors && { standardErrors: result.standardErrors }) };
}

function assign(glm: Network, beta: Float64Array): void {
  const F = beta.length - 1;
  tf.tidy(() => {
    glm.linear.w.assign(tf.tensor2d(Float32Array.from(beta.subarray(0, F)), [F, 1]));
    glm.linear.b.assign(tf.tensor1d([beta[F]]));
  });
}
