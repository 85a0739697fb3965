import type { FitProgress, TrainingLog } from '../forecast/forecaster';

/** Every forecast of one model, with what it cost. */
export interface ModelForecasts {
  readonly name: string;
  /** `values[(fold * horizon + step) * cells + cell]`. */
  readonly values: Float32Array;
  /** Training log of each fit (learned models), in fold order; undefined where the fold only updated. */
  readonly logs: readonly (TrainingLog | undefined)[];
  readonly fitMs: number;
  readonly predictMs: number;
  /** Folds at which the model was (re)fitted rather than updated. */
  readonly fittedFolds: readonly number[];
}

/**
 * A share of a backtest's forecasting that can run on its own: model `model` over folds
 * `from` ≤ k < `to`. `from` is always a refit fold (0 or a multiple of `refitEvery`), where the
 * whole run also fits afresh, so the task's forecasts equal the same folds of the whole run.
 */
export interface FoldTask {
  readonly model: number;
  readonly from: number;
  readonly to: number;
}

/** The forecasts of one `FoldTask`: `values[((k − from) · horizon + step) · cells + cell]`, and what they cost. */
export interface FoldsForecast {
  readonly task: FoldTask;
  readonly values: Float32Array;
  /** Training log of each fold of the task (undefined where it only updated). */
  readonly logs: readonly (TrainingLog | undefined)[];
  /** Folds (of the whole run) at which the model was fitted. */
  readonly fittedFolds: readonly number[];
  readonly fitMs: number;
  readonly predictMs: number;
}

/**
 * What a fold task reports while it runs, as `forecastFolds` reports it: model `model` (its index
 * in the run) has reached fold `fold` of the whole run, and `fit` is its fit's own step there
 * (epochs, Newton or EM iterations), when it reports any.
 */
export type FoldProgress = (model: number, fold: number, fit?: FitProgress) => void;

/**
 * Runs fold tasks elsewhere (other workers or threads), each helper with the run's panel and
 * models: `parts` is how many run at once; `onDone` gets each finished task, `onFold` each
 * task's progress where the helpers forward it (the app's workers and the CLI's threads do; tasks run at once, so
 * folds of different tasks arrive interleaved).
 */
export interface FoldTaskRunner {
  readonly parts: number;
  /** Expected cost (`foldCosts` units) below which the run stays in one piece: helpers' start-up and messages would cost more. */
  readonly minCost?: number;
  run(tasks: readonly FoldTask[], onDone: (done: FoldsForecast) => void, onFold: FoldProgress): Promise<FoldsForecast[]>;
}

/**
 * The expected cost (`foldCosts`: about a millisecond a unit on the reference panel) from which
 * `backtest` spreads a run over its pool: a learned model's fit costs 1,000, a baseline fold 1.
 * Baselines alone (8 models × 52 folds ≈ 400) stay in one piece: their whole forecasting takes
 * less than starting the helpers (BENCHMARKS.md, `pool`).
 */
export const POOL_MIN_COST = 1000;

/**
 * Splits a run's folds into tasks for `parts` helpers: each model's folds cut at refit folds
 * (multiples of `refitEvery`) into pieces of about a quarter of a helper's fair share of the
 * expected cost (`costs[m][k]`, `foldCosts`), so that a queue of them keeps every helper busy;
 * biggest first. Fewer than two tasks means the split does not pay.
 * @example splitFoldTasks([[1000, 1000, 1000, 1000]], 1, 2) // → four tasks of one fold each
 * @example splitFoldTasks([[1, 1], [1, 1]], 1, 2).length // → 2 (one per model: the whole cost is 4, a quarter-share 0.5)
 */
export function splitFoldTasks(costs: readonly (readonly number[])[], refitEvery: number, parts: number): FoldTask[] {
  const total = costs.reduce((sum, folds) => sum + folds.reduce((a, b) => a + b, 0), 0);
  const target = total / Math.max(1, parts) / 4;
  const tasks: { task: FoldTask; cost: number }[] = [];
  costs.forEach((folds, model) => {
    let from = 0;
    let cost = 0;
    folds.forEach((c, k) => {
      if (k > from && k % refitEvery === 0 && cost >= target) {
        tasks.push({ task: { model, from, to: k }, cost });
        from = k;
        cost = 0;
      }
      cost += c;
    });
    if (folds.length > from) tasks.push({ task: { model, from, to: folds.length }, cost });
  });
  return tasks.sort((a, b) => b.cost - a.cost || a.task.model - b.task.model || a.task.from - b.task.from).map((t) => t.task);
}

/**
 * Puts the tasks' forecasts together into one `ModelForecasts` per model (in `names` order,
 * folds in order): the values copied to their folds' places in arrays of `size`, logs and fitted
 * folds concatenated, times summed.
 */
export function mergeFoldsForecasts(parts: readonly FoldsForecast[], names: readonly string[], size: number): ModelForecasts[] {
  return names.map((name, model) => {
    const mine = parts.filter((p) => p.task.model === model).sort((a, b) => a.task.from - b.task.from);
    if (mine.length === 1 && mine[0].values.length === size) {
      const only = mine[0];
      return { name, values: only.values, logs: only.logs, fitMs: only.fitMs, predictMs: only.predictMs, fittedFolds: only.fittedFolds };
    }
    const values = new Float32Array(size);
    const perFold = mine.length === 0 ? 0 : mine[0].values.length / (mine[0].task.to - mine[0].task.from);
    for (const part of mine) values.set(part.values, part.task.from * perFold);
    return {
      name,
      values,
      logs: mine.flatMap((p) => p.logs),
      fitMs: mine.reduce((sum, p) => sum + p.fitMs, 0),
      predictMs: mine.reduce((sum, p) => sum + p.predictMs, 0),
      fittedFolds: mine.flatMap((p) => p.fittedFolds),
    };
  });
}
