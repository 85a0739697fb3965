import type { FitOptions, Forecaster, TrainingLog } from '../forecaster';
import type { History } from '../history';
import { cellEvents } from './cell-events';
import { excitationAfter } from './excitation-after';
import { fitSepp, type SeppFit } from './fit-sepp';
import { seppForecast } from './sepp-forecast';
import type { SeppParameters } from './sepp-parameters';
import { meanLag } from './trigger-kernel';

/** Settings of the SEPP forecaster; every field has a default (the `SEPP` definition's). */
export interface SeppOptions {
  /** Most EM iterations (default 200). */
  readonly maxIterations?: number;
  /** Relative change of the objective that ends the fit (default 1e-8). */
  readonly tolerance?: number;
  /** κ, pseudo-periods of pull of each μ_c toward the mean count per cell-period (default 1). */
  readonly shrinkage?: number;
  /** SQUAREM acceleration of EM (default true). */
  readonly accelerate?: boolean;
}

/** Defaults of `SeppOptions`. */
export const SEPP_DEFAULTS = { maxIterations: 200, tolerance: 1e-8, shrinkage: 1, accelerate: true } as const;

/** A fitted-or-not SEPP forecaster, with its parameters and fit open to inspection. */
export interface SeppForecaster extends Forecaster {
  update(history: History): void;
  trainingLog(): TrainingLog | undefined;
  /** The fitted μ, θ, ω (undefined before `fit`). */
  parameters(): SeppParameters | undefined;
  /** The last fit with its EM trace (undefined before `fit`). */
  lastFit(): SeppFit | undefined;
}

/**
 * The grid self-exciting point process of Mohler et al. (2015; the model behind PredPol) on a
 * panel's periods: λ_c(p) = μ_c + θ Σ_{q<p} y_c(q) g(p − q), fitted by EM (`fitSepp`) on the
 * whole training window, forecast by propagating expected counts (`seppForecast`).
 *
 * - `fit` estimates μ (per cell), θ and ω. The validation periods are used for training too:
 *   EM has nothing to tune on them (its stopping rule is the training likelihood). `seed` is
 *   unused: the fit is deterministic.
 * - `update(history)` keeps μ, θ, ω and recomputes only the excitation from the newer counts.
 * - `predict(h)` needs a fit; the result is h × cells, ≥ 0.
 * Throws if the history has fewer than `minHistory` (10) periods or, in `update`, other cells.
 * @example seppForecaster({ shrinkage: 0 }).name // → 'sepp(shrinkage=0)'
 */
export function seppForecaster(options: SeppOptions = {}): SeppForecaster {
  const settings = {
    maxIterations: options.maxIterations ?? SEPP_DEFAULTS.maxIterations,
    tolerance: options.tolerance ?? SEPP_DEFAULTS.tolerance,
    shrinkage: options.shrinkage ?? SEPP_DEFAULTS.shrinkage,
    accelerate: options.accelerate ?? SEPP_DEFAULTS.accelerate,
  };
  const changed = (Object.keys(SEPP_DEFAULTS) as (keyof typeof SEPP_DEFAULTS)[])
    .filter((key) => settings[key] !== SEPP_DEFAULTS[key])
    .map((key) => `${key}=${settings[key]}`);
  const name = changed.length ? `sepp(${changed.join(', ')})` : 'sepp';
  const minHistory = 10;
  let fitted: SeppFit | undefined;
  let cells = 0;
  let excitation: Float64Array | undefined;

  const checkLength = (history: History): number => {
    const P = history.periods.length;
    if (P < minHistory) throw new RangeError(`${name} needs at least ${minHistory} training periods, got ${P}`);
    return P;
  };

  return {
    name,
    minHistory,
    // BENCHMARKS.md, "Learned models, time per fold": 236 ms for EM on the reference panel.
    cost: 250,
    async fit(history: History, fitOptions: FitOptions): Promise<void> {
      const P = checkLength(history);
      const C = history.cells.length;
      const events = cellEvents(history.counts, P, C);
      fitted = await fitSepp(events, {
        maxIterations: settings.maxIterations,
        tolerance: settings.tolerance,
        shrinkage: settings.shrinkage,
        accelerate: settings.accelerate,
        signal: fitOptions.signal,
        onProgress: fitOptions.onProgress,
      });
      cells = C;
      excitation = excitationAfter(history.counts, P, C, fitted.parameters.omega);
    },
    update(history: History): void {
      if (!fitted) throw new Error(`${name}: update() needs a fitted model; call fit() first`);
      if (history.cells.length !== cells) throw new RangeError(`${name} was fitted on ${cells} cells; update() got ${history.cells.length}`);
      excitation = excitationAfter(history.counts, checkLength(history), cells, fitted.parameters.omega);
    },
    predict(horizon: number): Float32Array {
      if (!fitted || !excitation) throw new Error(`${name}: predict() needs a fitted model; call fit() first`);
      return seppForecast(fitted.parameters, excitation, horizon);
    },
    trainingLog(): TrainingLog | undefined {
      if (!fitted) return undefined;
      const { parameters: p, trace, converged, wallMs } = fitted;
      const last = trace[trace.length - 1];
      const stop = converged
        ? `converged after ${trace.length} iterations (${last.eSteps} E-steps): relative change < ${settings.tolerance}`
        : `stopped at maxIterations = ${settings.maxIterations} (${last.eSteps} E-steps) before the relative change fell below ${settings.tolerance}`;
      return {
        epochs: trace.map((t) => ({ epoch: t.iteration, loss: -t.logLikelihood })),
        wallMs,
        notes: [
          stop,
          `θ (branching ratio) = ${p.theta.toFixed(4)}`,
          `ω = ${p.omega.toFixed(4)} per period (mean triggering lag ${meanLag(p.omega).toFixed(2)} periods)`,
          `mean μ = ${last.meanMu.toPrecision(4)} events per cell and period`,
          `log-likelihood ${last.logLikelihood.toFixed(2)}; shrinkage κ = ${settings.shrinkage}`,
        ],
      };
    },
    parameters: () => fitted?.parameters,
    lastFit: () => fitted,
  };
}
