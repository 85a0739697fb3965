import { throwIfAborted } from '../forecaster';
import { columnGroups, columnsOf, newtonTerms, type PoissonDesign } from './newton-terms';
import { borrowFloat64, returnFloat64 } from './scratch';
import { inverseDiagonalRoot, solveSpd } from './solve-spd';

export type { PoissonDesign } from './newton-terms';

/** Settings of a Newton fit. */
export interface NewtonSettings {
  /** Most Newton iterations (it usually converges in 5–8). */
  readonly iterations: number;
  /** Ridge penalty on the weights (not the intercept), per row: adds l2·|w|² to the mean loss. */
  readonly l2: number;
  /** Also return the standard errors from the inverse of the final penalised Hessian. */
  readonly standardErrors?: boolean;
}

/** One accepted Newton step: its number (from 1), the penalised mean deviance after it, and the coefficients (w, then b). */
export interface NewtonStep {
  readonly iteration: number;
  readonly loss: number;
  readonly beta: Float64Array;
}

/** What a Newton fit did: the final coefficients, the steps it took, and (when asked) the standard errors. */
export interface NewtonResult {
  readonly beta: Float64Array;
  readonly steps: number;
  /** √diag((XᵀΛX + R)⁻¹) at the final coefficients, for w then b. */
  readonly standardErrors?: Float64Array;
}

/** Converged when a full Newton step would save less than this fraction of the deviance. */
const TOLERANCE = 1e-5;

/**
 * Fits log λ = x·w + b (+ offset) to Poisson counts by Newton's method (iteratively reweighted
 * least squares; McCullagh & Nelder 1989, §2.5), in float64 plain TypeScript: with X = [x, 1]
 * and β = (w, b), each iteration accumulates the gradient Xᵀ(λ − y) and the Hessian XᵀΛX
 * (upper triangle, Λ = diag(λ), in blocks of rows over a column-major float64 copy of X made
 * once per fit; columns shared by runs of `design.groupSize` rows summed per run, `newtonTerms`), adds the
 * ridge R = 2N·l2 on the weights (plus 1e−6·N, so that collinear or constant columns stay
 * solvable), solves (XᵀΛX + R)δ = Xᵀ(λ − y) + Rβ by Cholesky, and steps β ← β − s·δ with s
 * halved (up to 8 times) until the penalised mean deviance
 * 2·mean(y·log(y/λ) − (y − λ)) + (R + 1e−6·N)·|w|²/N does not rise; the linear predictor is
 * clipped to [−30, 15]. It stops when the Newton decrement gᵀδ/N falls below 1e−5 of the
 * deviance (Boyd & Vandenberghe 2004, §9.5), when no halving descends, or after
 * `settings.iterations`. `afterStep` runs after every accepted step (progress, validation,
 * yielding to the event loop); `signal` is checked before every iteration.
 * @example await fitPoissonNewton({ rows: 4, features: 1, tab: Float32Array.of(0, 0, 1, 1), y: Float32Array.of(1, 1, 2, 2) }, new Float64Array(2), { iterations: 25, l2: 0 })
 *   // → beta ≈ [log 2, 0] (w = log 2, b = log 1), up to the tiny ridge
 */
export async function fitPoissonNewton(
  design: PoissonDesign,
  start: Float64Array,
  settings: NewtonSettings,
  afterStep?: (step: NewtonStep) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<NewtonResult> {
  const N = design.rows;
  const F = design.features;
  const p = F + 1;
  const { y, offset } = design;
  if (design.tab.length !== N * F || y.length !== N || (offset && offset.length !== N)) {
    throw new RangeError(
      `fitPoissonNewton: ${N} rows × ${F} features need ${N * F} values, ${N} counts (and offsets); got ${design.tab.length}, ${y.length}${offset ? `, ${offset.length}` : ''}`,
    );
  }
  const ridge = 2 * N * settings.l2;
  const jitter = 1e-6 * N;
  // Σ (y·log y − y): the part of the deviance that does not depend on β.
  let constant = 0;
  for (let i = 0; i < N; i++) constant += y[i] * Math.log(Math.max(y[i], 1e-30)) - y[i];
  // Work arrays from the scratch pool (a fresh array's page faults cost more than the fit's sums): each is written before it is read.
  const z = borrowFloat64(N); // X·β without the offset
  const d = borrowFloat64(N).fill(0); // X·δ
  let lambda = borrowFloat64(N);
  let trial = borrowFloat64(N); // λ at the trial step of the last `loss` call: the next iteration's rates when that step is taken
  const groups = columnGroups(design);
  const columns = columnsOf(design, groups, borrowFloat64);
  try {
    return await newtonLoop();
  } finally {
    returnFloat64(z, d, lambda, trial, columns.x);
  }
  async function newtonLoop(): Promise<NewtonResult> {
    const beta = Float64Array.from(start);
    product(design, beta, z);
    const penalty = (coef: Float64Array): number => {
      let sum = 0;
      for (let j = 0; j < F; j++) sum += coef[j] * coef[j];
      return ((ridge + jitter) * sum) / N;
    };
    /** Penalised mean deviance at the linear predictor z − s·d (its rates kept in `trial`). */
    const loss = (s: number, coef: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < N; i++) {
        const eta = clip(z[i] - s * d[i] + (offset ? offset[i] : 0));
        const rate = Math.exp(eta);
        trial[i] = rate;
        sum += rate - y[i] * eta;
      }
      return (2 * (constant + sum)) / N + penalty(coef);
    };
    let current = loss(0, beta);
    // z − 0·d + offset is z + offset (d is 0 here), so these are the rates at β.
    [lambda, trial] = [trial, lambda];
    let steps = 0;
    // The penalised Hessian at the current β, kept when the loop ends without moving β (the standard errors' matrix).
    let last: Float64Array | undefined;
    for (let iteration = 1; iteration <= settings.iterations; iteration++) {
      throwIfAborted(signal);
      const { gradient, hessian } = newtonTerms(design, lambda, groups, columns);
      for (let j = 0; j < F; j++) {
        hessian[j * p + j] += ridge + jitter;
        gradient[j] += (ridge + jitter) * beta[j];
      }
      const delta = solveSpd(hessian, gradient, p);
      last = hessian;
      let decrement = 0;
      for (let j = 0; j < p; j++) decrement += gradient[j] * delta[j];
      decrement /= N;
      if (decrement < TOLERANCE * current) break; // converged: the full step would save next to nothing
      product(design, delta, d);
      let scale = 1;
      let next = beta;
      let value = current;
      for (let halving = 0; halving < 8; halving++, scale /= 2) {
        next = beta.map((v, j) => v - scale * delta[j]);
        value = loss(scale, next);
        if (value <= current) break;
      }
      if (!(value <= current)) break; // no descent step: at the optimum to rounding
      for (let i = 0; i < N; i++) z[i] -= scale * d[i];
      // The accepted trial's rates are exp(clip(z + offset)) at the new z, number for number.
      [lambda, trial] = [trial, lambda];
      last = undefined;
      beta.set(next);
      current = value;
      steps = iteration;
      await afterStep?.({ iteration, loss: current, beta });
    }
    if (!settings.standardErrors) return { beta, steps };
    if (!last) {
      last = newtonTerms(design, lambda, groups, columns).hessian;
      for (let j = 0; j < F; j++) last[j * p + j] += ridge + jitter;
    }
    return { beta, steps, standardErrors: inverseDiagonalRoot(last, p) };
  }
}

/** The linear predictor's clip: λ stays within [e^−30, e^15]. */
function clip(eta: number): number {
  return eta < -30 ? -30 : eta > 15 ? 15 : eta;
}

/** out = X·v with X = [tab, 1] (v holds w, then b). */
function product({ rows: N, features: F, tab }: PoissonDesign, v: Float64Array, out: Float64Array): void {
  const b = v[F];
  for (let i = 0; i < N; i++) {
    const row = i * F;
    let sum = b;
    for (let j = 0; j < F; j++) sum += tab[row + j] * v[j];
    out[i] = sum;
  }
}
