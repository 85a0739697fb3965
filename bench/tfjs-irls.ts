/**
 * The GLM's Newton fit as it was before it moved to plain TypeScript (src/lib/forecast/glm):
 * XᵀΛX and Xᵀ(λ − y) by tfjs matMul in float32. Kept here, outside the app, as the plain
 * implementation `bench/glm-fit.ts` times and compares the new fit against in the same run.
 */
import * as tf from '@tensorflow/tfjs';
import { throwIfAborted, type FitOptions, type TrainingEpoch } from '../src/lib/forecast/forecaster';
import type { Network } from '../src/lib/forecast/tf/network';
import { inverseDiagonalRoot, solveSpd } from '../src/lib/forecast/glm/solve-spd';
import { validationDeviance, validationSet, type TrainData, type TrainResult } from '../src/lib/forecast/tf/train';

/** Settings of a Newton (IRLS) fit of the Poisson GLM. */
export interface IrlsSettings {
  /** Most Newton iterations (it usually converges in 5–8). */
  readonly iterations: number;
  /** Ridge penalty on the weights (not the intercept), per target: adds l2·|w|² to the mean loss. */
  readonly l2: number;
  /** Also return the standard errors from the inverse of the final penalised Hessian. */
  readonly standardErrors?: boolean;
}

/** What a Newton fit did, and (when asked) the standard errors of (w, b). */
export interface IrlsResult extends TrainResult {
  /** √diag((XᵀΛX + R)⁻¹) at the final weights, for w then b (scaled-feature units); with `standardErrors`. */
  readonly standardErrors?: Float64Array;
}

/** Rows (targets) the Newton fit reads at most; beyond, an even subsample (deterministic). */
const MAX_ROWS = 400_000;
/** Converged when a full Newton step would save less than this fraction of the deviance. */
const TOLERANCE = 1e-5;

/**
 * Fits the GLM part of `glm` (log λ = b + f·w) by Newton's method on the Poisson
 * log-likelihood, i.e. iteratively reweighted least squares (McCullagh & Nelder 1989, §2.5):
 * with X = [f, 1] and β = (w, b), each iteration solves (XᵀΛX + R) δ = Xᵀ(λ − y) + Rβ, where
 * Λ = diag(λ) and R = 2N·l2 on the weights (plus 1e−6·N so that collinear or constant columns,
 * such as a full set of weekday dummies, stay solvable), and steps β ← β − s·δ with s halved
 * until the penalised deviance does not rise. The products XᵀΛX and Xᵀ(λ − y) run in tfjs;
 * the (F + 1)² system is solved by Cholesky in float64. Stops when the Newton decrement falls
 * below 1e−5 of the deviance. It reaches the maximum-likelihood fit that mini-batch Adam only
 * approaches, deterministically and in a fraction of the time. Starts from the GLM's current
 * weights; reports the training and validation deviance after every iteration (as step
 * `first + iteration`, so a continued fit extends the same curve); keeps the final weights.
 * @example await fitGlmIrls(glm, data, { iterations: 25, l2: 0 }, { seed: 1, validation: 8 }, 0)
 *   // → { epochs: [5 iterations], chosenEpoch: 5 }; glm.linear now holds the fitted w and b
 */
export async function fitGlmIrlsTfjs(
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
  const batch = data.batch(units);
  const y = data.targets(units);
  const N = batch.n;
  const ridge = 2 * N * settings.l2;
  const jitter = 1e-6 * N;
  const X = tf.tidy(() => tf.concat([tf.tensor2d(batch.tab, [N, F]), tf.ones([N, 1])], 1)) as tf.Tensor2D;
  // Xᵀ kept once: a matMul with transposeA is 3–5× slower than with a stored transpose on WASM.
  const Xt = X.transpose() as tf.Tensor2D;
  const Y = tf.tensor2d(y, [N, 1]);
  const O = batch.offset ? tf.tensor2d(batch.offset, [N, 1]) : undefined;
  const beta = Float64Array.from([...(w.dataSync() as Float32Array), (b.dataSync() as Float32Array)[0]]);
  const epochs: TrainingEpoch[] = [];
  const penalised = (dev: number, coef: Float64Array): number => {
    let sum = 0;
    for (let j = 0; j < F; j++) sum += coef[j] * coef[j];
    return dev + ((ridge + jitter) * sum) / N;
  };
  try {
    let current = penalised(trainDeviance(X, Y, beta, O), beta);
    for (let iteration = 1; iteration <= settings.iterations; iteration++) {
      throwIfAborted(options.signal);
      const { gradient, hessian } = newtonTerms(X, Xt, Y, beta, O);
      for (let j = 0; j < F; j++) {
        hessian[j * (F + 1) + j] += ridge + jitter;
        gradient[j] += (ridge + jitter) * beta[j];
      }
      const delta = solveSpd(hessian, gradient, F + 1);
      // Newton decrement gᵀδ/N: the deviance the full step is expected to save (Boyd & Vandenberghe §9.5).
      let decrement = 0;
      for (let j = 0; j <= F; j++) decrement += gradient[j] * delta[j];
      decrement /= N;
      if (decrement < TOLERANCE * current) break; // converged: the full step would save next to nothing
      let scale = 1;
      let next = beta;
      let value = current;
      for (let halving = 0; halving < 8; halving++, scale /= 2) {
        next = beta.map((v, j) => v - scale * delta[j]);
        value = penalised(trainDeviance(X, Y, next, O), next);
        if (value <= current) break;
      }
      if (!(value <= current)) break; // no descent step: at the optimum to float32 precision
      beta.set(next);
      current = value;
      assign(glm, beta);
      const valLoss = data.validation.length > 0 ? validationDeviance(glm, validationSet(data, true)) : undefined;
      epochs.push(valLoss === undefined ? { epoch: iteration, loss: current } : { epoch: iteration, loss: current, valLoss });
      options.onProgress?.({
        stage,
        step: first + iteration,
        steps: first + settings.iterations,
        loss: current,
        valLoss,
        elapsedMs: performance.now() - started,
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    assign(glm, beta);
    if (!settings.standardErrors) return { epochs, chosenEpoch: epochs.length };
    const { hessian } = newtonTerms(X, Xt, Y, beta, O);
    for (let j = 0; j < F; j++) hessian[j * (F + 1) + j] += ridge + jitter;
    return { epochs, chosenEpoch: epochs.length, standardErrors: inverseDiagonalRoot(hessian, F + 1) };
  } finally {
    X.dispose();
    Xt.dispose();
    Y.dispose();
    O?.dispose();
  }
}

/** X·β (+ the offset O), clipped to [−30, 15]. */
function linearPredictor(X: tf.Tensor2D, beta: Float64Array, O: tf.Tensor2D | undefined): tf.Tensor2D {
  const xb = X.matMul(tf.tensor2d(Float32Array.from(beta), [beta.length, 1]));
  return (O ? xb.add(O) : xb).clipByValue(-30, 15) as tf.Tensor2D;
}

/** Mean Poisson deviance of X·β (+ O) against Y. */
function trainDeviance(X: tf.Tensor2D, Y: tf.Tensor2D, beta: Float64Array, O?: tf.Tensor2D): number {
  return tf.tidy(() => {
    const eta = linearPredictor(X, beta, O);
    const lambda = tf.exp(eta);
    // y·log(y/λ) with 0·log 0 = 0: y·(log(max(y, tiny)) − η).
    const ylogy = Y.mul(tf.log(tf.maximum(Y, 1e-30)).sub(eta));
    return 2 * (tf.mean(ylogy.sub(Y.sub(lambda))).dataSync() as Float32Array)[0];
  });
}

/** Xᵀ(λ − y) and XᵀΛX at β (with the offset O), in float64 (`Xt` is Xᵀ). */
function newtonTerms(X: tf.Tensor2D, Xt: tf.Tensor2D, Y: tf.Tensor2D, beta: Float64Array, O?: tf.Tensor2D): { gradient: Float64Array; hessian: Float64Array } {
  const [g, h] = tf.tidy(() => {
    const lambda = tf.exp(linearPredictor(X, beta, O));
    const gradient = Xt.matMul(lambda.sub(Y));
    const hessian = Xt.matMul(X.mul(lambda));
    return [gradient.dataSync() as Float32Array, hessian.dataSync() as Float32Array];
  });
  return { gradient: Float64Array.from(g), hessian: Float64Array.from(h) };
}

function assign(glm: Network, beta: Float64Array): void {
  const F = beta.length - 1;
  tf.tidy(() => {
    glm.linear.w.assign(tf.tensor2d(Float32Array.from(beta.subarray(0, F)), [F, 1]));
    glm.linear.b.assign(tf.tensor1d([beta[F]]));
  });
}
