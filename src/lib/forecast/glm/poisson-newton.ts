import { throwIfAborted } from '../forecaster';
import { inverseDiagonalRoot, solveSpd } from './solve-spd';

/** The rows a Poisson GLM is fitted on: N rows of F features (row-major), counts and an optional offset. */
export interface PoissonDesign {
  readonly rows: number;
  readonly features: number;
  /** `tab[i * features + j]`: feature j of row i. */
  readonly tab: Float32Array;
  readonly y: Float32Array;
  /** Added to every row's linear predictor with coefficient 1 (log exposure, a built model's offset). */
  readonly offset?: Float32Array;
}

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
/** Rows per block of the XᵀΛX accumulation: a block of every column stays in cache. */
const BLOCK = 1024;

/**
 * Fits log λ = x·w + b (+ offset) to Poisson counts by Newton's method (iteratively reweighted
 * least squares; McCullagh & Nelder 1989, §2.5), in float64 plain TypeScript: with X = [x, 1]
 * and β = (w, b), each iteration accumulates the gradient Xᵀ(λ − y) and the Hessian XᵀΛX
 * (upper triangle, Λ = diag(λ), in blocks of rows over a column-major copy of X), adds the
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
  const z = new Float64Array(N); // X·β without the offset
  const d = new Float64Array(N); // X·δ
  const lambda = new Float64Array(N);
  const beta = Float64Array.from(start);
  product(design, beta, z);
  const penalty = (coef: Float64Array): number => {
    let sum = 0;
    for (let j = 0; j < F; j++) sum += coef[j] * coef[j];
    return ((ridge + jitter) * sum) / N;
  };
  /** Penalised mean deviance at the linear predictor z − s·d. */
  const loss = (s: number, coef: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const eta = clip(z[i] - s * d[i] + (offset ? offset[i] : 0));
      sum += Math.exp(eta) - y[i] * eta;
    }
    return (2 * (constant + sum)) / N + penalty(coef);
  };
  let current = loss(0, beta);
  let steps = 0;
  // The penalised Hessian at the current β, kept when the loop ends without moving β (the standard errors' matrix).
  let last: Float64Array | undefined;
  for (let iteration = 1; iteration <= settings.iterations; iteration++) {
    throwIfAborted(signal);
    rates(z, offset, lambda);
    const { gradient, hessian } = newtonTerms(design, lambda);
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
    last = undefined;
    beta.set(next);
    current = value;
    steps = iteration;
    await afterStep?.({ iteration, loss: current, beta });
  }
  if (!settings.standardErrors) return { beta, steps };
  if (!last) {
    rates(z, offset, lambda);
    last = newtonTerms(design, lambda).hessian;
    for (let j = 0; j < F; j++) last[j * p + j] += ridge + jitter;
  }
  return { beta, steps, standardErrors: inverseDiagonalRoot(last, p) };
}

/** The linear predictor's clip: λ stays within [e^−30, e^15]. */
function clip(eta: number): number {
  return eta < -30 ? -30 : eta > 15 ? 15 : eta;
}

/** λ = exp(clip(z + offset)). */
function rates(z: Float64Array, offset: Float32Array | undefined, out: Float64Array): void {
  for (let i = 0; i < z.length; i++) out[i] = Math.exp(clip(z[i] + (offset ? offset[i] : 0)));
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

/**
 * The gradient Xᵀ(λ − y) and the Hessian XᵀΛX (p × p, row-major, both triangles) of X = [tab, 1],
 * summed in blocks of rows: each block is copied column by column into float64 (so it stays in
 * cache), each column weighted by λ once, and the upper triangle accumulated four columns at a time.
 */
function newtonTerms({ rows: N, features: F, tab, y }: PoissonDesign, lambda: Float64Array): { gradient: Float64Array; hessian: Float64Array } {
  const p = F + 1;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const block = new Float64Array(p * BLOCK);
  const weighted = new Float64Array(p * BLOCK);
  block.fill(1, F * BLOCK); // the intercept's column
  for (let from = 0; from < N; from += BLOCK) {
    const n = Math.min(BLOCK, N - from);
    for (let i = 0; i < n; i++) {
      const row = (from + i) * F;
      for (let j = 0; j < F; j++) block[j * BLOCK + i] = tab[row + j];
    }
    for (let k = 0; k < p; k++) {
      const at = k * BLOCK;
      let g = 0;
      for (let i = 0; i < n; i++) {
        const x = block[at + i];
        const l = lambda[from + i];
        weighted[at + i] = l * x;
        g += x * (l - y[from + i]);
      }
      gradient[k] += g;
    }
    // Rows j, j + 1 against columns k … k + 3 (k ≥ j): eight sums from six loads per row. The
    // entry (j + 1, j) below the diagonal is summed too and later overwritten by its mirror.
    for (let j = 0; j < p; j += 2) {
      const a0 = j * BLOCK;
      const a1 = j + 1 < p ? a0 + BLOCK : a0;
      let k = j;
      for (; k + 3 < p; k += 4) {
        const b0 = k * BLOCK;
        const b1 = b0 + BLOCK;
        const b2 = b1 + BLOCK;
        const b3 = b2 + BLOCK;
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        for (let i = 0; i < n; i++) {
          const x0 = block[a0 + i];
          const x1 = block[a1 + i];
          const w0 = weighted[b0 + i];
          const w1 = weighted[b1 + i];
          const w2 = weighted[b2 + i];
          const w3 = weighted[b3 + i];
          s00 += x0 * w0;
          s01 += x0 * w1;
          s02 += x0 * w2;
          s03 += x0 * w3;
          s10 += x1 * w0;
          s11 += x1 * w1;
          s12 += x1 * w2;
          s13 += x1 * w3;
        }
        add4(hessian, j * p + k, s00, s01, s02, s03);
        if (j + 1 < p) add4(hessian, (j + 1) * p + k, s10, s11, s12, s13);
      }
      for (; k < p; k++) {
        const b0 = k * BLOCK;
        let s0 = 0;
        let s1 = 0;
        for (let i = 0; i < n; i++) {
          const w = weighted[b0 + i];
          s0 += block[a0 + i] * w;
          s1 += block[a1 + i] * w;
        }
        hessian[j * p + k] += s0;
        if (j + 1 < p) hessian[(j + 1) * p + k] += s1;
      }
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) hessian[j * p + k] = hessian[k * p + j];
  return { gradient, hessian };
}

/** h[at … at + 3] += (a, b, c, d). */
function add4(h: Float64Array, at: number, a: number, b: number, c: number, d: number): void {
  h[at] += a;
  h[at + 1] += b;
  h[at + 2] += c;
  h[at + 3] += d;
}
