import type { FoldTask } from './fold-tasks';

/** How far a run spread over helpers has got (see `spreadProgress`). */
export interface SpreadProgress {
  /** Model `model` has reached fold `fold` with the share `within` of its fit done (a fit's step / steps): the task's earlier folds are done. */
  reach(model: number, fold: number, within?: number): void;
  /** Every fold of `task` is done. */
  finish(task: FoldTask): void;
  /** Share of the run's expected cost done, 0–1 (as `runFraction` counts it, in whatever order the folds ran). */
  fraction(): number;
  /** Folds of `model` done. */
  foldsDone(model: number): number;
  /** True once every task of `model` has finished. */
  modelDone(model: number): boolean;
}

/**
 * The progress of a run whose `tasks` run at once on several workers, in any order: each fold of
 * each model is done, under way (the share of its fit done) or not started, and the run's
 * fraction is the expected cost (`costs[m][k]`, `foldCosts`) of what is done over the whole, as
 * `runFraction` counts a run in one piece. A fold is done when its task reaches a later fold or
 * finishes (a task's folds run in order on one worker). A fold's share never goes back (a task
 * handed back by a helper that died starts again from its first fold).
 * @example const p = spreadProgress([[1, 1], [100, 100]], [{ model: 1, from: 0, to: 2 }, { model: 0, from: 0, to: 2 }]); p.reach(1, 1, 0.5); p.fraction() // → (100 + 50) / 202 ≈ 0.743
 */
export function spreadProgress(costs: readonly (readonly number[])[], tasks: readonly FoldTask[]): SpreadProgress {
  const total = costs.reduce((sum, folds) => sum + folds.reduce((a, b) => a + b, 0), 0);
  const shares = costs.map((folds) => new Float64Array(folds.length));
  const done = costs.map(() => 0);
  const left = costs.map((_, m) => tasks.filter((t) => t.model === m).length);
  let spent = 0;
  const set = (model: number, fold: number, share: number): void => {
    const before = shares[model][fold];
    if (!(share > before)) return;
    shares[model][fold] = share;
    spent += costs[model][fold] * (share - before);
    if (share === 1) done[model]++;
  };
  return {
    reach(model, fold, within = 0) {
      const task = tasks.find((t) => t.model === model && t.from <= fold && fold < t.to);
      for (let k = task?.from ?? fold; k < fold; k++) set(model, k, 1);
      set(model, fold, Math.min(1, Math.max(0, within)));
    },
    finish(task) {
      for (let k = task.from; k < task.to; k++) set(task.model, k, 1);
      left[task.model]--;
    },
    fraction: () => (total === 0 ? 0 : Math.min(1, spent / total)),
    foldsDone: (model) => done[model],
    modelDone: (model) => left[model] <= 0,
  };
}
