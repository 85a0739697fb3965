import { throwIfAborted, type Forecaster } from '../forecaster';
import type { History } from '../history';

/** What a baseline supplies to `baselineForecaster`: its identity and two pure functions. */
export interface BaselineSpec<State> {
  readonly name: string;
  readonly minHistory: number;
  /** Rings of `history.neighbours` the kernel reads (0 or absent: none). */
  readonly neighbourRings?: number;
  /** Computes the fitted state from a history already checked to hold ≥ minHistory periods. */
  readonly fit: (history: History) => State;
  /** Turns the fitted state into `horizon × cells` step-major expected counts. */
  readonly predict: (state: State, horizon: number) => Float32Array;
}

/**
 * Wraps a baseline's kernels in the `Forecaster` interface and does the checks they all
 * share: the history has at least `minHistory` periods and a consistent count matrix, the
 * neighbour lists reach `neighbourRings`, `predict` comes after `fit` and gets a whole
 * horizon ≥ 1. Baselines estimate nothing, so there is no `update`: a refit is as cheap.
 * @example baselineForecaster({ name: 'zero', minHistory: 1, fit: (h) => h.cells.length,
 *   predict: (C, horizon) => new Float32Array(C * horizon) }).minHistory // → 1
 */
export function baselineForecaster<State>(spec: BaselineSpec<State>): Forecaster {
  const { name, minHistory } = spec;
  const neighbourRings = spec.neighbourRings ?? 0;
  let state: State | undefined;
  let fitted = false;
  return {
    name,
    minHistory,
    neighbourRings,
    fit(history, options) {
      throwIfAborted(options.signal);
      const P = history.periods.length;
      const C = history.cells.length;
      if (history.counts.length !== P * C) {
        throw new Error(`${name}: history counts have length ${history.counts.length}, expected ${P} periods × ${C} cells = ${P * C}`);
      }
      if (P < minHistory) {
        throw new RangeError(`${name} needs at least ${minHistory} training periods, got ${P}`);
      }
      if (neighbourRings > 0 && history.neighbours.k < neighbourRings) {
        throw new RangeError(`${name} reads ${neighbourRings} rings of neighbours, but history.neighbours was built with k = ${history.neighbours.k}`);
      }
      state = spec.fit(history);
      fitted = true;
    },
    predict(horizon) {
      if (!fitted) throw new Error(`${name}: predict() was called before fit()`);
      if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`${name}: horizon must be a whole number ≥ 1, got ${horizon}`);
      return spec.predict(state as State, horizon);
    },
  };
}
