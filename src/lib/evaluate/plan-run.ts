import type { Forecaster } from '../forecast/forecaster';
import { panelRunner, type PanelRunner } from '../forecast/running-levels';
import { neighbours as buildNeighbours, type Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictNeighbours } from '../grid/restrict-neighbours';
import { restrictPanel } from '../grid/restrict-panel';
import { isoOf } from '../base/iso-of';
import { firstIncidentPeriods, modelUniverse } from './model-universe';
import { assertProtocolFits, cutoffsOf, type ResolvedProtocol } from './protocol';
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
   * every model), else made again at each use. With `kept` false it is made (or taken from the
   * kept ones) but not kept, its counts written over those of the previous one not kept: models
   * that go through the folds in step (`forecastInStep`) use each universe's restriction once for
   * all of them, then drop it (a model fitted on it is fitted again on the next, larger universe).
   */
  readonly restriction: (cells: Int32Array, kept?: boolean) => { readonly panel: Panel; readonly neighbours: Neighbours };
  /**
   * Running sums and EWMA levels of the panel's cells, carried from fold to fold (`panelRunner`):
   * the histories of an expanding window hand them to the kernels that read them (`History.running`).
   * Absent: every kernel makes its own pass over the history (the same numbers).
   */
  readonly runner?: PanelRunner;
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
  // The counts of restrictions not kept, each written over the last (dropped before the next is made): one block, no fresh memory a universe.
  let block: Float32Array | undefined;
  const reused = (): Float32Array => (block ??= new Float32Array(P * Math.max(0, ...sizes)));
  const restriction = (cells: Int32Array, kept = true): { panel: Panel; neighbours: Neighbours } => {
    const made = restricted.get(cells.length) ?? {
      panel: restrictPanel(panel, cells, kept ? undefined : reused()),
      neighbours: restrictNeighbours(neighbours, cells),
    };
    if (share && kept) restricted.set(cells.length, made);
    return made;
  };
  return { panel, protocol, names, cutoffs, folds, universes, universe, neighbours, costs, restriction, runner: panelRunner(panel.counts, C) };
}
