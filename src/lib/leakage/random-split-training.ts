import { random } from '../base/random';
import { throwIfAborted, type Forecaster } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours as buildNeighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictNeighbours } from '../grid/restrict-neighbours';
import { windowStart } from '../evaluate/protocol';
import type { ForecastSet, ModelForecasts } from '../evaluate/run-forecasts';

/** Share of the periods outside a test span that the leaky random split trains on. */
export const RANDOM_SPLIT_TRAIN_SHARE = 0.8;

/**
 * The training periods of a random split for the test span [cutoff, cutoff + horizon): a seeded
 * random `share` of every other period of the panel — earlier and later ones — in time order.
 * @example randomSplitPeriods(10, 4, 1, 0.8, 1) // → 7 of the 9 periods other than 4, e.g. [0, 1, 2, 3, 5, 7, 9]
 */
export function randomSplitPeriods(periods: number, cutoff: number, horizon: number, share: number, seed: number): Int32Array {
  const others: number[] = [];
  for (let p = 0; p < periods; p++) if (p < cutoff || p >= cutoff + horizon) others.push(p);
  const rng = random(seed);
  for (let i = others.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [others[i], others[j]] = [others[j], others[i]];
  }
  const keep = others.slice(0, Math.max(1, Math.round(share * others.length)));
  return Int32Array.from(keep.sort((a, b) => a - b));
}

/**
 * LEAKY — the random split. Every fold's test span is the honest one, but each model is trained
 * on a seeded random 80 % of the other periods of the panel, later ones included, kept in time
 * order and joined end to end, as if a panel's rows had been split at random (scikit-learn's
 * `train_test_split`, a shuffled `KFold`). A model's "last k periods" are then the last k of that
 * sample, most of them after the test span; its cells are the cells with an incident anywhere
 * in it. The forecasts go back among the panel's cells like `runForecasts`' (0 elsewhere), so
 * they score with the same `scoreForecasts` as the honest run, fold by fold.
 *
 * Never used by a backtest: only the leakage lab calls it, to show how much it flatters a model.
 */
export async function randomSplitForecasts(
  panel: Panel,
  honest: Pick<ForecastSet, 'protocol' | 'cutoffs' | 'horizon'>,
  make: readonly (() => Forecaster)[],
  signal?: AbortSignal,
): Promise<ForecastSet> {
  const { protocol, cutoffs, horizon } = honest;
  const P = panel.periods.length;
  const C = panel.cells.length;
  const rings = Math.max(0, ...make.map((factory) => withModel(factory, (m) => m.neighbourRings ?? 0)));
  const lists = buildNeighbours(panel.cells, rings);
  const universe = new Uint8Array(cutoffs.length * C);
  const folds = cutoffs.map((cutoff, k) => {
    const train = randomSplitPeriods(P, cutoff, horizon, RANDOM_SPLIT_TRAIN_SHARE, protocol.seed + k);
    const cells: number[] = [];
    for (let c = 0; c < C; c++) if (train.some((p) => panel.counts[p * C + c] > 0)) cells.push(c);
    const keep = Int32Array.from(cells);
    for (const c of keep) universe[k * C + c] = 1;
    return { cutoff, keep, shuffled: shuffledPanel(panel, train, cutoff, horizon, keep), neighbours: restrictNeighbours(lists, keep), trained: train.length };
  });
  const models: ModelForecasts[] = [];
  for (const factory of make) {
    const values = new Float32Array(cutoffs.length * horizon * C);
    let name = '';
    for (let k = 0; k < folds.length; k++) {
      throwIfAborted(signal);
      const fold = folds[k];
      const history = historyOf(fold.shuffled, fold.neighbours, fold.trained, windowStart(fold.trained, protocol));
      const forecast = await withModelAsync(factory, async (model) => {
        name = model.name;
        await model.fit(history, { seed: protocol.seed, validation: protocol.validation, signal });
        return model.predict(horizon);
      });
      const U = fold.keep.length;
      for (let i = 0; i < forecast.length; i++) values[(k * horizon + Math.floor(i / U)) * C + fold.keep[i % U]] = forecast[i];
    }
    models.push({ name, values, logs: folds.map(() => undefined), fitMs: 0, predictMs: 0, fittedFolds: folds.map((_, k) => k) });
  }
  return { protocol, cutoffs, horizon, cells: C, universe, models };
}

/** The panel of the cells `keep` whose periods are the training sample followed by the test span. */
function shuffledPanel(panel: Panel, train: Int32Array, cutoff: number, horizon: number, keep: Int32Array): Panel {
  const C = panel.cells.length;
  const U = keep.length;
  const rows = [...train, ...Array.from({ length: horizon }, (_, s) => cutoff + s)];
  const counts = new Float32Array(rows.length * U);
  rows.forEach((p, r) => keep.forEach((c, u) => (counts[r * U + u] = panel.counts[p * C + c])));
  const P = panel.periods.length;
  const last = cutoff + horizon;
  return {
    ...panel,
    cells: Array.from(keep, (c) => panel.cells[c]),
    area: Float64Array.from(keep, (c) => panel.area[c]),
    periods: Float64Array.from(rows, (p) => panel.periods[p]),
    end: last < P ? panel.periods[last] : panel.end,
    counts,
  };
}

function withModel<T>(factory: () => Forecaster, use: (model: Forecaster) => T): T {
  const model = factory();
  try {
    return use(model);
  } finally {
    model.dispose?.();
  }
}

async function withModelAsync<T>(factory: () => Forecaster, use: (model: Forecaster) => Promise<T>): Promise<T> {
  const model = factory();
  try {
    return await use(model);
  } finally {
    model.dispose?.();
  }
}
