import { neighbours } from '../../grid/neighbours';
import type { Panel } from '../../grid/panel';
import { historyOf } from '../history';
import { createModel, type ModelSpec } from '../model-definition';
import { ensureBackend, initNodeBackend } from './backend';
import { LEARNED_TF } from './definitions';

/** Options of `timeModels`. */
export interface TimingOptions {
  /** Models to time; default every learned model with default parameters. */
  readonly models?: readonly ModelSpec[];
  /** Node only: run on this backend (default: the current one, WASM when none started). */
  readonly backend?: 'wasm' | 'cpu';
  /** Cutoffs to time, as period indexes; default the last 2 periods (one-step folds). */
  readonly cutoffs?: readonly number[];
  readonly horizon?: number;
  readonly validation?: number;
  readonly seed?: number;
  /** Called after each model's folds (for a progress line). */
  readonly onResult?: (timing: ModelTiming) => void;
}

/** Wall times of one model over the timed folds. */
export interface ModelTiming {
  readonly model: string;
  readonly backend: string;
  readonly cells: number;
  readonly periods: number;
  /** Per fold: fit, predict, and the epochs trained and chosen. */
  readonly folds: readonly { cutoff: number; fitMs: number; predictMs: number; epochs: number; chosenEpoch?: number }[];
  /** Mean of fit + predict over the folds (ms). */
  readonly meanFoldMs: number;
}

/**
 * Times fit + predict of learned models on a panel, fold by fold, as the backtest would run
 * them (neighbour lists of k = 2 built once, outside the timing). For `npm run bench`.
 * @example await timeModels(syntheticPanel({ rings: 18, periods: 250, rate: () => 1 }).panel, { backend: 'wasm' })
 *   // → [{ model: 'poisson-glm', backend: 'wasm', meanFoldMs: …, … }, …]
 */
export async function timeModels(panel: Panel, options: TimingOptions = {}): Promise<ModelTiming[]> {
  const choice = options.backend ? await initNodeBackend({ prefer: options.backend }) : await ensureBackend();
  const P = panel.periods.length;
  const horizon = options.horizon ?? 1;
  const cutoffs = options.cutoffs ?? [P - horizon - 1, P - horizon];
  const lists = neighbours(panel.cells, 2);
  const models = options.models ?? LEARNED_TF.map((d) => ({ id: d.id, params: {} }));
  const out: ModelTiming[] = [];
  for (const spec of models) {
    const folds: ModelTiming['folds'][number][] = [];
    let name = spec.id;
    for (const cutoff of cutoffs) {
      const model = createModel(spec, LEARNED_TF, { res: panel.res, bucket: panel.bucket });
      name = model.name;
      try {
        const t0 = performance.now();
        await model.fit(historyOf(panel, lists, cutoff), { seed: options.seed ?? 1, validation: options.validation ?? 8 });
        const t1 = performance.now();
        model.predict(horizon);
        const t2 = performance.now();
        const log = model.trainingLog?.();
        folds.push({ cutoff, fitMs: t1 - t0, predictMs: t2 - t1, epochs: log?.epochs.length ?? 0, chosenEpoch: log?.chosenEpoch });
      } finally {
        model.dispose?.();
      }
    }
    const meanFoldMs = folds.reduce((sum, f) => sum + f.fitMs + f.predictMs, 0) / folds.length;
    const timing: ModelTiming = { model: name, backend: choice.backend, cells: panel.cells.length, periods: P, folds, meanFoldMs };
    options.onResult?.(timing);
    out.push(timing);
  }
  return out;
}
