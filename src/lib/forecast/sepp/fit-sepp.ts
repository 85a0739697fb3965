import { throwIfAborted, type FitProgress } from '../forecaster';
import type { CellEvents } from './cell-events';
import { eStep, type EStepResult } from './e-step';
import { mStep, type MStepOptions } from './m-step';
import { assertSeppParameters, type SeppParameters } from './sepp-parameters';
import { squaremExtrapolate } from './squarem-extrapolate';
import { omegaForMeanLag } from './trigger-kernel';

/** Settings of `fitSepp`. */
export interface SeppFitOptions {
  /** Most iterations (accepted parameter updates, the trace's length). */
  readonly maxIterations: number;
  /** Stop when the objective's relative change |Δ| / |previous| between iterations falls below this. */
  readonly tolerance: number;
  /** κ: pull of each background rate toward the mean count per cell-period, in pseudo-periods. */
  readonly shrinkage: number;
  /** SQUAREM acceleration (default true); false runs plain EM, one E-step per iteration. */
  readonly accelerate?: boolean;
  /** Starting θ and ω (defaults 0.5 and a mean lag of 2 periods, ω = ln 2). θ₀ = 0 is a fixed point of EM: it stays 0. */
  readonly initialTheta?: number;
  readonly initialOmega?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FitProgress) => void;
}

/** One iteration of the fit: the parameters it reached and their log-likelihood. */
export interface EmIteration {
  readonly iteration: number;
  readonly logLikelihood: number;
  /** ℓ plus the shrinkage log-prior Σ_c κ (m̄ ln μ_c − μ_c): what the fit never lowers (= ℓ when κ = 0). */
  readonly objective: number;
  readonly theta: number;
  readonly omega: number;
  readonly meanMu: number;
  /** E-steps run so far, including this iteration's. */
  readonly eSteps: number;
}

/** The result of `fitSepp`. */
export interface SeppFit {
  readonly parameters: SeppParameters;
  readonly trace: readonly EmIteration[];
  readonly converged: boolean;
  readonly wallMs: number;
}

/** Largest θ the fit returns: near-critical, but forecasts stay finite. */
export const MAX_THETA = 0.995;
/** Largest ω: g(1) = 1 − e^{−20}, all offspring in the next period. */
export const MAX_OMEGA = 20;

interface Point {
  readonly params: SeppParameters;
  readonly stats: EStepResult;
  readonly objective: number;
}

/**
 * Fits the grid self-exciting point process by expectation–maximisation (Mohler et al. 2011,
 * section 3; Veen & Schoenberg 2008): `eStep` (expected branching structure), then `mStep`
 * (closed-form μ and θ, one-dimensional ω), until the objective's relative change between
 * iterations is below `tolerance` or `maxIterations` iterations have run. Iteration 1 is the
 * starting point; the result is the last iteration's parameters.
 *
 * With `accelerate` (default) each iteration is a SQUAREM cycle (Varadhan & Roland 2008): two
 * EM steps p₀ → p₁ → p₂, an extrapolation x' (`squaremExtrapolate`), one EM step from x', kept
 * only if its objective is at least p₀'s (else p₂, which EM guarantees is). Three E-steps per
 * iteration instead of one, and over 10× fewer iterations (181 → 14 on a 91-cell test panel, and
 * plain EM crawls toward θ = 0 when there is no excitation); the trace stays non-decreasing.
 *
 * Start: θ₀ = 0.5, ω₀ = ln 2, μ_c = (1 − θ₀) times the cell's shrunk mean count. The shrinkage
 * target m̄ = N / (P C), the mean count per cell and period, is fixed before the first step so
 * that the penalised objective is well defined. ω is kept in [ω(mean lag = max(2, P)), 20]: a
 * kernel longer than the window is indistinguishable from background. Progress goes out as
 * `{ stage: 'em-iteration', step, steps, loss: −ℓ }`; the signal is checked before every
 * iteration, and the event loop gets a turn every ~50 ms so that a cancel can arrive.
 * @example (await fitSepp(events, { maxIterations: 200, tolerance: 1e-8, shrinkage: 0 })).parameters.theta
 *   // → 0.493 on the ~90 k events simulated with θ = 0.5 in fit-sepp.test.ts
 */
export async function fitSepp(events: CellEvents, options: SeppFitOptions): Promise<SeppFit> {
  const start = performance.now();
  const { maxIterations, tolerance, shrinkage: kappa, signal, onProgress } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError(`SEPP maxIterations must be a whole number ≥ 1, got ${maxIterations}`);
  if (!(tolerance >= 0)) throw new RangeError(`SEPP tolerance must be ≥ 0, got ${tolerance}`);
  if (!(kappa >= 0) || !Number.isFinite(kappa)) throw new RangeError(`SEPP shrinkage must be finite and ≥ 0 (pseudo-periods), got ${kappa}`);
  const { cells: C, periods: P } = events;
  if (C < 1 || P < 2) throw new RangeError(`SEPP needs at least 1 cell and 2 periods, got ${C} cells × ${P} periods`);
  const target = events.total / (P * C);
  const stepOptions: MStepOptions = {
    shrinkage: kappa,
    target,
    maxTheta: MAX_THETA,
    minOmega: omegaForMeanLag(Math.max(2, P)),
    maxOmega: MAX_OMEGA,
  };
  const theta0 = options.initialTheta ?? 0.5;
  const mu0 = new Float64Array(C);
  for (let c = 0; c < C; c++) mu0[c] = ((1 - theta0) * (events.cellTotals[c] + kappa * target)) / (P + kappa);

  let eSteps = 0;
  const evaluate = (params: SeppParameters): Point => {
    const stats = eStep(events, params);
    eSteps++;
    let logPrior = 0;
    if (kappa > 0 && target > 0) for (let c = 0; c < C; c++) logPrior += kappa * (target * Math.log(params.mu[c]) - params.mu[c]);
    return { params, stats, objective: stats.logLikelihood + logPrior };
  };
  const emStep = (point: Point): SeppParameters => mStep(point.stats, events, point.params, stepOptions);
  let maxStep = 1;
  const squaremCycle = (p0: Point): Point => {
    const p1 = evaluate(emStep(p0));
    const p2 = emStep(p1);
    const { params: jumped, alpha } = squaremExtrapolate(p0.params, p1.params, p2, maxStep, stepOptions);
    if (alpha > 1) {
      const candidate = evaluate(emStep(evaluate(jumped)));
      if (candidate.objective >= p0.objective) {
        if (alpha === maxStep) maxStep *= 4;
        return candidate;
      }
      if (alpha === maxStep) maxStep = Math.max(1, maxStep / 4);
    } else if (alpha === maxStep) {
      maxStep *= 4;
    }
    return evaluate(p2);
  };

  const trace: EmIteration[] = [];
  const record = (point: Point): void => {
    let muSum = 0;
    for (let c = 0; c < C; c++) muSum += point.params.mu[c];
    const { theta, omega } = point.params;
    const logLikelihood = point.stats.logLikelihood;
    trace.push({ iteration: trace.length + 1, logLikelihood, objective: point.objective, theta, omega, meanMu: muSum / C, eSteps });
    onProgress?.({ stage: 'em-iteration', step: trace.length, steps: maxIterations, loss: -logLikelihood, elapsedMs: performance.now() - start });
  };

  throwIfAborted(signal);
  let current = evaluate(assertSeppParameters({ mu: mu0, theta: theta0, omega: options.initialOmega ?? Math.LN2 }));
  record(current);
  let converged = false;
  let lastYield = performance.now();
  while (trace.length < maxIterations) {
    if (performance.now() - lastYield > 50) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
    throwIfAborted(signal);
    const next = options.accelerate === false ? evaluate(emStep(current)) : squaremCycle(current);
    const change = Math.abs(next.objective - current.objective);
    current = next;
    record(current);
    if (change <= tolerance * Math.abs(trace[trace.length - 2].objective)) {
      converged = true;
      break;
    }
  }
  return { parameters: current.params, trace, converged, wallMs: performance.now() - start };
}
