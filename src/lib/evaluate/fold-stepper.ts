import { throwIfAborted, type FitProgress, type Forecaster, type TrainingLog } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import type { Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import type { FoldTask, FoldsForecast } from './fold-tasks';
import type { RunPlan } from './plan-run';
import { windowStart } from './protocol';

/** The panel and neighbour lists of one fold's model universe (`cells` of them), as its models see them. */
export interface FoldView {
  readonly cells: number;
  readonly panel: Panel;
  readonly neighbours: Neighbours;
}

/**
 * The view of fold `k`'s model universe: the whole panel when the universe holds every cell,
 * else the panel and neighbour lists restricted to it (`plan.restriction`). Universes only grow
 * with the cutoff, so `previous` (fold k − 1's view) is returned as it is when the size is unchanged.
 * `kept` false: the restriction is not kept in the plan for other models (see `RunPlan.restriction`).
 * @example foldView(plan, 3, foldView(plan, 2)) // → fold 2's view when folds 2 and 3 see the same cells
 */
export function foldView(plan: RunPlan, k: number, previous?: FoldView, kept = true): FoldView {
  const cells = plan.universes[k];
  const U = cells.length;
  if (previous?.cells === U) return previous;
  return U === plan.panel.cells.length ? { cells: U, panel: plan.panel, neighbours: plan.neighbours } : { cells: U, ...plan.restriction(cells, kept) };
}

/** One model's folds taken one at a time (`foldStepper`). */
export interface FoldStepper {
  /** Fits or updates the model at fold `k` on `view` (fold k's `foldView`) and keeps its forecasts. Folds come in order, from `task.from`. */
  step(k: number, view: FoldView): Promise<void>;
  /** The task's forecasts, once every fold of it has been stepped. */
  result(): FoldsForecast;
  /** Disposes the live model (call it in a `finally`). */
  dispose(): void;
}

/**
 * The folds `task.from` ≤ k < `task.to` of one model, one `step` at a time, so that a run can
 * take several models through the same fold together and restrict the panel once for all of
 * them. The rules are `runForecasts`': the history before each cutoff of the fold's model
 * universe; a fresh fit at `task.from`, every `refitEvery` folds, when the model has no
 * `update` or when the universe has grown; updates between; forecasts checked finite and ≥ 0
 * and put back among all the panel's cells. `onProgress(fold, fit)` reports each fold and the
 * fit's steps. A model's forecasts do not depend on what other models step in between.
 * @example const s = foldStepper(plan, { model: 0, from: 0, to: 1 }, make); await s.step(0, foldView(plan, 0)); s.result().values.length // → horizon × cells
 */
export function foldStepper(
  plan: RunPlan,
  task: FoldTask,
  make: () => Forecaster,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (fold: number, fit?: FitProgress) => void } = {},
): FoldStepper {
  const { panel, protocol, cutoffs, universes, names } = plan;
  const C = panel.cells.length;
  const { horizon } = protocol;
  const name = names[task.model];
  const values = new Float32Array((task.to - task.from) * horizon * C);
  const logs: (TrainingLog | undefined)[] = [];
  const fittedFolds: number[] = [];
  let fitMs = 0;
  let predictMs = 0;
  let model: Forecaster | undefined;
  let fittedCells = 0;
  return {
    async step(k, view) {
      throwIfAborted(options.signal);
      options.onProgress?.(k);
      const cutoff = cutoffs[k];
      const cells = universes[k];
      const U = cells.length;
      const start = windowStart(cutoff, protocol);
      const trained = historyOf(view.panel, view.neighbours, cutoff, start);
      // An expanding window's per-cell sums and levels run on from the previous fold (the same numbers).
      const history = start === 0 && plan.runner ? { ...trained, running: plan.runner.at(cutoff, U === C ? undefined : cells) } : trained;
      const started = performance.now();
      // Universes only grow with the cutoff, so an unchanged size means unchanged cells.
      if (!model || k % protocol.refitEvery === 0 || !model.update || U !== fittedCells) {
        model?.dispose?.();
        model = undefined;
        const fresh = make();
        model = fresh;
        await fresh.fit(history, {
          seed: protocol.seed,
          validation: protocol.validation,
          signal: options.signal,
          onProgress: (fit) => options.onProgress?.(k, fit),
        });
        fittedCells = U;
        fittedFolds.push(k);
        logs.push(fresh.trainingLog?.());
      } else {
        model.update(history);
        logs.push(undefined);
      }
      const fitted = performance.now();
      const forecast = model.predict(horizon);
      predictMs += performance.now() - fitted;
      fitMs += fitted - started;
      if (forecast.length !== horizon * U) {
        throw new Error(`Model '${name}' predicted ${forecast.length} values at fold ${k}; expected ${horizon} steps × ${U} cells`);
      }
      const base = (k - task.from) * horizon;
      for (let s = 0; s < horizon; s++) {
        const from = s * U;
        const to = (base + s) * C;
        for (let u = 0; u < U; u++) {
          const v = forecast[from + u];
          if (!(v >= 0) || v === Infinity) {
            throw new Error(`Model '${name}' predicted ${v} for step ${s + 1}, cell ${panel.cells[cells[u]]} at fold ${k}; forecasts must be finite and ≥ 0`);
          }
          values[to + cells[u]] = v;
        }
      }
    },
    result: () => ({ task, values, logs, fittedFolds, fitMs, predictMs }),
    dispose() {
      model?.dispose?.();
      model = undefined;
    },
  };
}
