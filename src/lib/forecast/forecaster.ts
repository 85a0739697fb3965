import type { History } from './history';

/** Progress of a fit, reported through `FitOptions.onProgress`. */
export interface FitProgress {
  /** What is happening, e.g. 'epoch', 'em-iteration', 'features'. */
  readonly stage: string;
  /** 1-based step within the stage (epoch, iteration), when it has steps. */
  readonly step?: number;
  readonly steps?: number;
  readonly loss?: number;
  readonly valLoss?: number;
  readonly elapsedMs: number;
}

/** Options every `fit` receives. */
export interface FitOptions {
  /** Seed for every random choice (initialisation, shuffling). Same seed → same forecasts. */
  readonly seed: number;
  /**
   * Number of final training periods reserved for validation (early stopping, tuning). A model
   * may train on them after choosing its settings, but must never look at the test span.
   */
  readonly validation: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FitProgress) => void;
}

/** One epoch (or iteration) of a learned model's training, for the report. */
export interface TrainingEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly valLoss?: number;
}

/** What a learned model tells the report about its last fit. */
export interface TrainingLog {
  readonly epochs: readonly TrainingEpoch[];
  /** The epoch whose weights were kept (early stopping), 1-based; absent when the fit chose none (a Newton or EM fit runs to convergence). */
  readonly chosenEpoch?: number;
  readonly wallMs: number;
  readonly backend?: string;
  readonly notes?: readonly string[];
  /** What the fitted model says about its features (built models: GLM coefficients or permutation importance). */
  readonly inspection?: Inspection;
}

/**
 * A fitted model's account of its features. `coefficients`: the GLM's weights per standard
 * deviation of each (scaled) feature, and the intercept, with standard errors from the inverse
 * Hessian of the Newton fit. `importance`: a network's permutation importance, the rise in mean
 * Poisson deviance on the validation span when one feature's column is shuffled (seeded;
 * Breiman 2001, Fisher et al. 2019).
 */
export interface Inspection {
  readonly kind: 'coefficients' | 'importance';
  readonly rows: readonly { readonly feature: string; readonly value: number; readonly se?: number }[];
}

/**
 * The one interface for baselines and learned models alike (DESIGN.md):
 * `fit` on a history that ends at the cutoff, then `predict(horizon)` → expected counts
 * (Poisson means ≥ 0) as a Float32Array of `horizon × cells`, step-major:
 * `out[h * cells + c]` is the forecast for cell c, h + 1 periods after the cutoff.
 */
export interface Forecaster {
  /** Unique, human-readable, includes the parameters that distinguish instances (e.g. 'window-average(k=4)'). */
  readonly name: string;
  /**
   * Fewest training periods `fit` accepts, not counting a validation span. A model that
   * reserves the last `FitOptions.validation` periods (`usesValidation`) needs that many more.
   */
  readonly minHistory: number;
  /**
   * True when `fit` holds out the last `validation` periods (early stopping, tuning), so it
   * needs `minHistory + validation` periods; absent/false for models that tune nothing
   * (baselines, SEPP), which need only `minHistory` whatever the protocol's validation span.
   */
  readonly usesValidation?: boolean;
  /**
   * How many H3 rings of neighbours the model reads from `history.neighbours` (0 or absent:
   * none). The backtest builds the panel's neighbour lists once, with the largest k any model asks for.
   */
  readonly neighbourRings?: number;
  /**
   * Rough cost of one `fit`, in milliseconds on the reference panel of BENCHMARKS.md (Chicago,
   * 888 cells × 252 weeks, WASM): absent means a baseline's ~1 ms. Only progress bars and time
   * estimates read it, so an order of magnitude is enough.
   */
  readonly cost?: number;
  fit(history: History, options: FitOptions): void | Promise<void>;
  /**
   * Conditions an already-fitted model on a newer history without re-estimating its
   * parameters (the backtest's "refit every r folds"). Absent → the backtest refits.
   */
  update?(history: History): void;
  predict(horizon: number): Float32Array;
  /** The last fit's training log (learned models). */
  trainingLog?(): TrainingLog | undefined;
  /** Frees resources (tensors, models). The forecaster is unusable afterwards. */
  dispose?(): void;
}

/** Throws an AbortError-like error when the signal is aborted; call between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const error = new Error('The run was cancelled');
    error.name = 'AbortError';
    throw error;
  }
}
