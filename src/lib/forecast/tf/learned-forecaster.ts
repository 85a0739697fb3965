import type { FitOptions, Forecaster, Inspection, TrainingLog } from '../forecaster';
import type { History } from '../history';
import { ensureBackend } from './backend';
import { featureContext, featureLayout, priorStrength, SEQUENCE_CHANNELS, type FeatureLayout } from './features';
import { fitRecipe, type Recipe } from './fit-pipeline';
import { inputsOf, trainingInputs, type InputSpec, type Scalers } from './inputs';
import type { Network, NetworkDims } from './network';
import { append, seriesOf } from './series';
import { permutationImportance } from './permutation-importance';
import { logRates } from './train';

/** Everything that makes one learned model: its name, inputs, sizes and how it is fitted. */
export interface LearnedSpec extends Recipe {
  readonly name: string;
  readonly input: InputSpec;
  readonly hidden: number;
  /** Features of its own (a built model): the layout for training targets [first, end) of a history; default `featureLayout`. */
  readonly layout?: (history: History, first: number, end: number) => FeatureLayout;
  /** Neighbour rings the features read (default 2). */
  readonly neighbourRings?: number;
  /** A seed of its own for initialisation, shuffling and importance; default the run's. */
  readonly seed?: number;
  /** Report GLM coefficients with standard errors, or a network's permutation importance, in the training log. */
  readonly inspect?: boolean;
}

/** Earliest target period of a model without sequence inputs: a few periods give the windows something to average. */
const FIRST_TARGET = 4;
/** Training target periods a model needs at least, on top of its first target. */
const MIN_TARGET_PERIODS = 8;

interface Fitted {
  readonly network: Network;
  readonly layout: FeatureLayout;
  readonly scalers: Scalers;
  readonly prior: number;
  history: History;
  readonly log: TrainingLog;
}

/**
 * Rough fit time on BENCHMARKS.md's reference panel (ms per fold, WASM, "Learned models, time per
 * fold"): the GLM alone ~950, a network on the GLM's features (MLP) ~3,400, a network over a
 * window of recent periods (GRU, graph) ~3,000–5,100.
 * @example expectedFitMs({ ...glmSpec, network: undefined }) // → 1000
 */
export function expectedFitMs(spec: Pick<LearnedSpec, 'network' | 'input'>): number {
  if (!spec.network) return 1000;
  return spec.input.window > 0 ? 4000 : 3500;
}

/**
 * A Forecaster around a tfjs network (the shared machinery of every learned model):
 *
 * - `fit`: features from the history only (series.ts, features.ts); the feature layout,
 *   scalers and the empirical-Bayes prior strength from the periods before the validation
 *   span; targets are every (period, cell) from the model's first target period on; the GLM
 *   by Newton/IRLS, then (networks) Adam with early stopping on the last
 *   `options.validation` periods (fit-pipeline.ts); seeded initialisation and shuffling.
 * - `predict(h)`: recursive multi-step forecasting: the forecast mean of step k is appended to
 *   the series as if observed and the features of step k + 1 are recomputed from it (one
 *   model for all horizons; the calendar of future periods comes from `history.futurePeriods`).
 * - `update(history)`: swaps the history the inputs are computed from; weights, scalers and
 *   prior stay as fitted.
 * - `dispose`: frees the network (the optimizer is freed at the end of every fit).
 * @example const model = learnedForecaster(spec); await model.fit(history, { seed: 1, validation: 8 }); model.predict(2)
 *   // → Float32Array of 2 × cells expected counts
 */
export function learnedForecaster(spec: LearnedSpec): Forecaster {
  const firstTarget = Math.max(FIRST_TARGET, spec.input.window);
  let fitted: Fitted | undefined;
  const release = (): void => {
    fitted?.network.dispose();
    fitted = undefined;
  };
  return {
    name: spec.name,
    minHistory: firstTarget + MIN_TARGET_PERIODS,
    usesValidation: true,
    neighbourRings: spec.neighbourRings ?? 2,
    cost: expectedFitMs(spec),
    async fit(history: History, runOptions: FitOptions): Promise<void> {
      const options = spec.seed ? { ...runOptions, seed: spec.seed } : runOptions;
      release();
      const started = performance.now();
      const backend = await ensureBackend();
      const C = history.cells.length;
      const P = history.periods.length;
      const V = options.validation;
      const end = P - V;
      if (!Number.isInteger(V) || V < 0 || end - firstTarget < 1) {
        throw new RangeError(`Model '${spec.name}' needs more than ${firstTarget} training periods before the ${V} validation periods; the history has ${P}`);
      }
      const series = seriesOf(history, 0);
      const prior = priorStrength(series, end);
      const layout = spec.layout ? spec.layout(history, firstTarget, end) : featureLayout(history.bucket.unit, firstTarget, end);
      const ctx = featureContext(series, history.bucket, layout, prior);
      const { inputs, scalers } = trainingInputs(ctx, spec.input, firstTarget, end);
      const unitsOf = (from: number, to: number): Int32Array =>
        spec.input.sample === 'period'
          ? Int32Array.from({ length: to - from }, (_, i) => from + i)
          : Int32Array.from({ length: (to - from) * C }, (_, i) => from * C + i);
      const train = unitsOf(firstTarget, end);
      const validation = unitsOf(end, P);
      const meanCount = (series.cumMean[end] - series.cumMean[firstTarget]) / (end - firstTarget);
      const dims: NetworkDims = {
        features: ctx.layout.names.length,
        window: spec.input.window,
        channels: SEQUENCE_CHANNELS,
        cells: C,
        hidden: spec.hidden,
        // With an offset (≈ the cell's log rate) the intercept starts at 0, so the first forecasts are the offset's.
        outputBias: layout.offset ? 0 : Math.log(meanCount + 1e-3),
      };
      const unitSize = spec.input.sample === 'period' ? C : 1;
      const data = { train, validation, unitSize, ...inputs };
      const result = await fitRecipe(spec, dims, ctx, data, unitsOf(firstTarget, P), options, started);
      const inspection = spec.inspect ? inspect(result, layout.names, data, options.seed) : undefined;
      const notes = [
        `features: ${ctx.layout.names.join(', ')}`,
        `empirical-Bayes prior strength for cell-rate: ${prior.toFixed(2)} periods`,
        `targets: ${train.length * unitSize} for training (periods ${firstTarget}–${end - 1}), ${validation.length * unitSize} for validation`,
        ...result.notes,
        'multi-step forecasts: recursive (forecast means fed back as inputs)',
        ...backend.notes.map((n) => `backend ${n}`),
      ];
      const log: TrainingLog = {
        epochs: result.epochs,
        chosenEpoch: result.chosenEpoch,
        wallMs: performance.now() - started,
        backend: backend.backend,
        notes,
        ...(inspection && { inspection }),
      };
      fitted = { network: result.network, layout, scalers, prior, history, log };
    },
    update(history: History): void {
      if (!fitted) throw new Error(`Model '${spec.name}' must be fitted before update()`);
      if (history.cells.length !== fitted.history.cells.length) {
        throw new Error(`Model '${spec.name}' was fitted on ${fitted.history.cells.length} cells; update() got ${history.cells.length}`);
      }
      if (history.periods.length < spec.input.window + 1) {
        throw new RangeError(`Model '${spec.name}' needs at least ${spec.input.window + 1} periods in update(); got ${history.periods.length}`);
      }
      fitted.history = history;
    },
    predict(horizon: number): Float32Array {
      if (!fitted) throw new Error(`Model '${spec.name}' must be fitted before predict()`);
      if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`predict() horizon must be a whole number ≥ 1, got ${horizon}`);
      const { history, network, layout, scalers, prior } = fitted;
      const C = history.cells.length;
      const P = history.periods.length;
      const series = seriesOf(history, horizon);
      const inputs = inputsOf(featureContext(series, history.bucket, layout, prior), spec.input, scalers);
      const out = new Float32Array(horizon * C);
      const chunk = spec.input.sample === 'period' ? C : 8192;
      for (let h = 0; h < horizon; h++) {
        const t = P + h;
        for (let from = 0; from < C; from += chunk) {
          const to = Math.min(C, from + chunk);
          const units = spec.input.sample === 'period' ? Int32Array.of(t) : Int32Array.from({ length: to - from }, (_, i) => t * C + from + i);
          const eta = logRates(network, inputs.batch(units));
          for (let i = 0; i < eta.length; i++) out[h * C + from + i] = Math.exp(eta[i]);
        }
        append(series, out.subarray(h * C, (h + 1) * C));
      }
      return out;
    },
    trainingLog: () => fitted?.log,
    dispose: release,
  };
}

/** GLM coefficients with standard errors (a GLM fit), or permutation importance on the validation span (a network). */
function inspect(
  result: Awaited<ReturnType<typeof fitRecipe>>,
  names: readonly string[],
  data: Parameters<typeof permutationImportance>[1],
  seed: number,
): Inspection {
  const { network, standardErrors } = result;
  if (!network.deepOutput) {
    const w = network.linear.w.dataSync() as Float32Array;
    const b = (network.linear.b.dataSync() as Float32Array)[0];
    const se = (j: number) => (standardErrors ? { se: standardErrors[j] } : {});
    return {
      kind: 'coefficients',
      rows: [...names.map((feature, j) => ({ feature, value: w[j], ...se(j) })), { feature: '(intercept)', value: b, ...se(names.length) }],
    };
  }
  return { kind: 'importance', rows: permutationImportance(network, data, names, seed) };
}
