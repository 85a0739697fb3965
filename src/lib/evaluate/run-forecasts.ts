import { throwIfAborted, type FitProgress, type Forecaster, type TrainingLog } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours as buildNeighbours, type Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictNeighbours } from '../grid/restrict-neighbours';
import { restrictPanel } from '../grid/restrict-panel';
import { firstIncidentPeriods, modelUniverse } from './model-universe';
import { assertProtocolFits, cutoffsOf, windowStart, type ResolvedProtocol } from './protocol';
import { isoOf } from '../base/iso-of';
import { foldCosts, runFraction } from './run-plan';

/**
 * Most bytes of restricted counts (every fold universe's copy of the panel) kept for all models
 * at once; above it each model restricts the panel again (the res-9 Chicago run keeps ~100 MB
 * less that way, and spends ~1 s more).
 */
const SHARED_RESTRICTIONS_BYTES = 128 * 2 ** 20;

/** Progress of a backtest run, for progress bars and the app. */
export interface RunProgress {
  readonly model: string;
  /** 0-based index of the model in the run. */
  readonly modelIndex: number;
  readonly models: number;
  /** Names of every model of the run, in order (the models that run, after any were left out). */
  readonly names: readonly string[];
  /** 0-based fold index; `fold === folds` when the model is done. */
  readonly fold: number;
  readonly folds: number;
  /** The model's own fit progress (epochs, EM iterations), when it reports any. */
  readonly fit?: FitProgress;
  /**
   * Share of the whole forecasting done, 0–1, weighted by each fold's expected cost (`foldCosts`:
   * a learned model's fit weighs about a thousand baseline folds) and counting a fit's own steps;
   * it never goes back.
   */
  readonly fraction: number;
}

/** Options for `runForecasts`. */
export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Neighbour lists to reuse (must have k ≥ every model's neighbourRings); built if absent. */
  readonly neighbours?: Neighbours;
  /**
   * 1 for the panel cells of a declared geography (the H3 cover of a user's boundary file),
   * indexed like `panel.cells`: they are in the model universe at every fold, with or without
   * incidents.
   */
  readonly declared?: Uint8Array;
}

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

/** The stored forecasts of a backtest: scoring reads only this and the panel. */
export interface ForecastSet {
  readonly protocol: ResolvedProtocol;
  /** Cutoff period index of each fold (= training periods available), ascending. */
  readonly cutoffs: readonly number[];
  readonly horizon: number;
  readonly cells: number;
  /** `universe[fold * cells + cell]` is 1 when the cell was in the fold's model universe (seen before the cutoff, or declared). */
  readonly universe: Uint8Array;
  readonly models: readonly ModelForecasts[];
}

/**
 * Runs every model over the protocol's rolling-origin cutoffs on one panel: at fold k each
 * model sees only the history before cutoff_k (sliding or expanding) of the fold's model
 * universe — the cells with an incident in any period before the cutoff, plus the declared
 * ones — and forecasts the next `horizon` periods for those cells; its forecasts are put back
 * in place among all the panel's cells. A cell outside the model universe (no incident before
 * the cutoff, not declared) is forecast 0 by every model. A forecast made at a cutoff is thus
 * a function of the incidents before it, the declared cells and the settings only.
 *
 * Learned parameters are re-estimated every `refitEvery` folds; between refits a model with
 * `update` is only conditioned on the newer history — unless the universe has grown since its
 * fit, which forces a refit, so that every model forecasts the same cells at every fold.
 * Models are created fresh by `make` for each refit and disposed when replaced, so tensors
 * never outlive a fit.
 *
 * Throws up front when the panel is too short for the protocol or a model's need (minHistory,
 * plus the validation span for models that use one: `trainingNeed`), and
 * with an AbortError when `signal` aborts (between folds, and inside fits that honour it).
 */
export async function runForecasts(
  panel: Panel,
  protocol: ResolvedProtocol,
  make: readonly (() => Forecaster)[],
  options: RunOptions = {},
): Promise<ForecastSet> {
  const P = panel.periods.length;
  const C = panel.cells.length;
  const { horizon } = protocol;
  const probes = make.map((factory) => factory());
  const names = probes.map((m) => m.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  probes.forEach((m) => m.dispose?.());
  if (duplicate) throw new Error(`Two models share the name '${duplicate}'; give them different parameters`);
  assertProtocolFits(P, protocol, probes);
  const rings = Math.max(0, ...probes.map((m) => m.neighbourRings ?? 0));
  const neighbourLists = options.neighbours && options.neighbours.k >= rings ? options.neighbours : buildNeighbours(panel.cells, rings);
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
  let fraction = 0;
  const results: ModelForecasts[] = [];
  // The panel and neighbour lists of each fold's universe, made once for every model when they
  // all fit in SHARED_RESTRICTIONS_BYTES (they are the same for every model), else per model.
  const sizes = [...new Set(universes.map((cells) => cells.length))].filter((U) => U !== C);
  const share = sizes.reduce((bytes, U) => bytes + 4 * U * P, 0) <= SHARED_RESTRICTIONS_BYTES;
  const restricted = new Map<number, { panel: Panel; neighbours: Neighbours }>();
  const restrictionOf = (cells: Int32Array): { panel: Panel; neighbours: Neighbours } => {
    const made = restricted.get(cells.length) ?? { panel: restrictPanel(panel, cells), neighbours: restrictNeighbours(neighbourLists, cells) };
    if (share) restricted.set(cells.length, made);
    return made;
  };

  for (let m = 0; m < make.length; m++) {
    const values = new Float32Array(folds * horizon * C);
    const logs: (TrainingLog | undefined)[] = [];
    const fittedFolds: number[] = [];
    let fitMs = 0;
    let predictMs = 0;
    let model: Forecaster | undefined;
    let fittedCells = 0;
    // The panel and neighbour lists of the current universe, rebuilt only when it grows.
    let seen = { cells: 0, panel, neighbours: neighbourLists };
    const report = (fold: number, fit?: FitProgress): void => {
      const within = fit?.step !== undefined && fit.steps ? fit.step / fit.steps : 0;
      fraction = Math.max(fraction, runFraction(costs, m, fold, within));
      options.onProgress?.({ model: names[m], modelIndex: m, models: make.length, names, fold, folds, fit, fraction });
    };
    try {
      for (let k = 0; k < folds; k++) {
        throwIfAborted(options.signal);
        report(k);
        const cutoff = cutoffs[k];
        const cells = universes[k];
        const U = cells.length;
        if (seen.cells !== U) {
          seen = U === C ? { cells: U, panel, neighbours: neighbourLists } : { cells: U, ...restrictionOf(cells) };
        }
        const history = historyOf(seen.panel, seen.neighbours, cutoff, windowStart(cutoff, protocol));
        const started = performance.now();
        // Universes only grow with the cutoff, so an unchanged size means unchanged cells.
        if (!model || k % protocol.refitEvery === 0 || !model.update || U !== fittedCells) {
          model?.dispose?.();
          model = make[m]();
          await model.fit(history, {
            seed: protocol.seed,
            validation: protocol.validation,
            signal: options.signal,
            onProgress: (fit) => report(k, fit),
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
          throw new Error(`Model '${names[m]}' predicted ${forecast.length} values at fold ${k}; expected ${horizon} steps × ${U} cells`);
        }
        for (let i = 0; i < forecast.length; i++) {
          const v = forecast[i];
          const c = cells[i % U];
          if (!(v >= 0) || v === Infinity) {
            throw new Error(
              `Model '${names[m]}' predicted ${v} for step ${Math.floor(i / U) + 1}, cell ${panel.cells[c]} at fold ${k}; forecasts must be finite and ≥ 0`,
            );
          }
          values[(k * horizon + Math.floor(i / U)) * C + c] = v;
        }
      }
    } finally {
      model?.dispose?.();
    }
    report(folds);
    results.push({ name: names[m], values, logs, fitMs, predictMs, fittedFolds });
  }
  return { protocol, cutoffs, horizon, cells: C, universe, models: results };
}
