import { throwIfAborted, type FitProgress, type Forecaster, type TrainingLog } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours as buildNeighbours, type Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictNeighbours } from '../grid/restrict-neighbours';
import { restrictPanel } from '../grid/restrict-panel';
import { isoOf } from '../base/iso-of';
import type { FoldTask, FoldsForecast } from './fold-tasks';
import { firstIncidentPeriods, modelUniverse } from './model-universe';
import { assertProtocolFits, cutoffsOf, windowStart, type ResolvedProtocol } from './protocol';
import { foldCosts } from './run-plan';

/** What every fold of a run shares, computed once: cutoffs, model universes, neighbour lists, expected costs. */
export interface RunPlan {
  readonly panel: Panel;
  readonly protocol: ResolvedProtocol;
  readonly names: readonly string[];
  readonly cutoffs: readonly number[];
  readonly folds: number;
  /** The panel cells in each fold's model universe, ascending. */
  readonly universes: readonly Int32Array[];
  /** `universe[fold * cells + cell]` is 1 when the cell is in the fold's model universe. */
  readonly universe: Uint8Array;
  readonly neighbours: Neighbours;
  /** Expected cost of every fold of every model (`foldCosts`). */
  readonly costs: readonly (readonly number[])[];
  /**
   * The panel and neighbour lists restricted to a fold universe's cells: made once for every
   * model when all the universes' copies fit in `SHARED_RESTRICTIONS_BYTES` (they are the same for
   * every model), else made again at each use.
   */
  readonly restriction: (cells: Int32Array) => { readonly panel: Panel; readonly neighbours: Neighbours };
}

/**
 * Most bytes of restricted counts (every fold universe's copy of the panel) kept for all models
 * at once; above it each model restricts the panel again (the res-9 Chicago run keeps ~100 MB
 * less that way, and spends ~1 s more).
 */
const SHARED_RESTRICTIONS_BYTES = 128 * 2 ** 20;

/**
 * The checks and shared facts of a run (see `runForecasts`): model names unique, the panel long
 * enough for the protocol and every model, every fold's model universe non-empty.
 */
export function planRun(
  panel: Panel,
  protocol: ResolvedProtocol,
  make: readonly (() => Forecaster)[],
  options: { readonly neighbours?: Neighbours; readonly declared?: Uint8Array } = {},
): RunPlan {
  const P = panel.periods.length;
  const C = panel.cells.length;
  const probes = make.map((factory) => factory());
  const names = probes.map((m) => m.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  probes.forEach((m) => m.dispose?.());
  if (duplicate) throw new Error(`Two models share the name '${duplicate}'; give them different parameters`);
  assertProtocolFits(P, protocol, probes);
  const rings = Math.max(0, ...probes.map((m) => m.neighbourRings ?? 0));
  const neighbours = options.neighbours && options.neighbours.k >= rings ? options.neighbours : buildNeighbours(panel.cells, rings);
  const cutoffs = cutoffsOf(P, protocol);
  const folds = cutoffs.length;
  const first = firstIncidentPeriods(panel);
  const universes = cutoffs.map((cutoff) => modelUniverse(first, cutoff, options.declared));
  const universe = new Uint8Array(folds * C);
  universes.forEach((cells, k) => {
    if (cells.length === 0) {
      throw new Error(
        `No cell has an incident before the cutoff of fold ${k} (period ${cutoffs[k]}, ${isoOf(panel.periods[cutoffs[k]], panel.bucket.clock).slice(0, 10)}) and none is declared: there is nothing to fit`,
      );
    }
    for (const c of cells) universe[k * C + c] = 1;
  });
  const costs = foldCosts(
    probes,
    universes.map((cells) => cells.length),
    protocol.refitEvery,
  );
  // Universes only grow with the cutoff, so a universe's size names its cells.
  const sizes = [...new Set(universes.map((cells) => cells.length))].filter((U) => U !== C);
  const share = sizes.reduce((bytes, U) => bytes + 4 * U * P, 0) <= SHARED_RESTRICTIONS_BYTES;
  const restricted = new Map<number, { panel: Panel; neighbours: Neighbours }>();
  const restriction = (cells: Int32Array): { panel: Panel; neighbours: Neighbours } => {
    const made = restricted.get(cells.length) ?? { panel: restrictPanel(panel, cells), neighbours: restrictNeighbours(neighbours, cells) };
    if (share) restricted.set(cells.length, made);
    return made;
  };
  return { panel, protocol, names, cutoffs, folds, universes, universe, neighbours, costs, restriction };
}

/**
 * Forecasts folds `task.from` ≤ k < `task.to` of one model (see `runForecasts` for the rules:
 * history before each cutoff of the fold's model universe, refits every `refitEvery` folds or
 * when the universe grows, updates between). The model is fitted afresh at `task.from`, as the
 * whole run does there (it is 0 or a refit fold), so a run split into tasks forecasts exactly
 * what it forecasts in one piece. `onProgress(fold, fit)` reports each fold and the fit's steps.
 */
export async function forecastFolds(
  plan: RunPlan,
  task: FoldTask,
  make: () => Forecaster,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (fold: number, fit?: FitProgress) => void } = {},
): Promise<FoldsForecast> {
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
  // The panel and neighbour lists of the current universe, rebuilt only when it grows.
  let seen = { cells: 0, panel, neighbours: plan.neighbours };
  try {
    for (let k = task.from; k < task.to; k++) {
      throwIfAborted(options.signal);
      options.onProgress?.(k);
      const cutoff = cutoffs[k];
      const cells = universes[k];
      const U = cells.length;
      if (seen.cells !== U) {
        seen = U === C ? { cells: U, panel, neighbours: plan.neighbours } : { cells: U, ...plan.restriction(cells) };
      }
      const history = historyOf(seen.panel, seen.neighbours, cutoff, windowStart(cutoff, protocol));
      const started = performance.now();
      // Universes only grow with the cutoff, so an unchanged size means unchanged cells.
      if (!model || k % protocol.refitEvery === 0 || !model.update || U !== fittedCells) {
        model?.dispose?.();
        model = make();
        await model.fit(history, {
          seed: protocol.seed,
          validation: protocol.validation,
          signal: options.signal,
          onProgress: (fit) => options.onProgress?.(k, fit),
        });
        fittedCells = U;
        fittedFolds.push(k);
        logs.push(model.trainingLog?.());
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
      for (let i = 0; i < forecast.length; i++) {
        const v = forecast[i];
        const c = cells[i % U];
        if (!(v >= 0) || v === Infinity) {
          throw new Error(
            `Model '${name}' predicted ${v} for step ${Math.floor(i / U) + 1}, cell ${panel.cells[c]} at fold ${k}; forecasts must be finite and ≥ 0`,
          );
        }
        values[(base + Math.floor(i / U)) * C + c] = v;
      }
    }
  } finally {
    model?.dispose?.();
  }
  return { task, values, logs, fittedFolds, fitMs, predictMs };
}
