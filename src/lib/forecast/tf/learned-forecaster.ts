import { InputError } from '../../base/hexcast-error';
import { random } from '../../base/random';
import type { FitOptions, Inspection, TrainingLog } from '../forecaster';
import type { History } from '../history';
import { ensureBackend } from './backend';
import { featureContext, featureLayout, priorStrength, SEQUENCE_CHANNELS, type FeatureLayout } from './features';
import { fitRecipe, type Recipe } from './fit-pipeline';
import type { FittedState, FreezableForecaster, TrainingSpan } from './fitted-state';
import { glmNetwork } from './glm-network';
import { inputsOf, trainingInputs, type InputSpec, type Scalers } from './inputs';
import { restore, snapshot, type Network, type NetworkDims } from './network';
import { append, seriesOf } from './series';
import { permutationImportance } from './permutation-importance';
import { logRates } from './train';

/** Everything that makes one learned model: its name, inputs, sizes and how it is fitted. */
export interface LearnedSpec extends Recipe {
  readonly name: string;
  readonly input: InputSpec;
  readonly hidden: number;
  /** Features of its own (a built model): the layout for training targets [first, end) of a history; default `featureLayout`. */
  readonly layout?: (history: History, first: number, end: number, saved?: FeatureLayout) => FeatureLayout;
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
  readonly hidden: number;
  readonly trainedOn: TrainingSpan;
  history: History;
  readonly log: TrainingLog;
}

/** The span of a history, for a saved model's record. */
function spanOf(history: History): TrainingSpan {
  const P = history.periods.length;
  return { first: history.periods[0], last: history.periods[P - 1], end: history.futurePeriods(1)[0], periods: P, cells: history.cells.length };
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
 * - `fittedState()` / `freeze(state)`: the fitted weights, layout, scalers and prior as plain
 *   arrays, and a forecaster that fits nothing but forecasts from such a state (`FrozenForecaster`).
 * @example const model = learnedForecaster(spec); await model.fit(history, { seed: 1, validation: 8 }); model.predict(2)
 *   // → Float32Array of 2 × cells expected counts
 */
export function learnedForecaster(spec: LearnedSpec): FreezableForecaster {
  const firstTarget = Math.max(FIRST_TARGET, spec.input.window);
  let fitted: Fitted | undefined;
  let frozen: FittedState | undefined;
  const release = (): void => {
    fitted?.network.dispose();
    fitted = undefined;
  };
  return {
    name: spec.name,
    neighbourRings: spec.neighbourRings ?? 2,
    cost: expectedFitMs(spec),
    get minHistory() {
      return frozen ? spec.input.window + 1 : firstTarget + MIN_TARGET_PERIODS;
    },
    get usesValidation() {
      return !frozen;
    },
    async fit(history: History, runOptions: FitOptions): Promise<void> {
      const options = spec.seed ? { ...runOptions, seed: spec.seed } : runOptions;
      release();
      const started = performance.now();
      const backend = await ensureBackend();
      if (frozen) {
        fitted = thaw(spec, frozen, history, backend.backend, started);
        return;
      }
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
      const data = { train, validation, unitSize, ...(spec.input.sample === 'cell' && { rowGroup: C }), ...inputs };
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
      fitted = { network: result.network, layout, scalers, prior, hidden: dims.hidden, trainedOn: spanOf(history), history, log };
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
    fittedState() {
      if (!fitted) return undefined;
      const { network, layout, scalers, prior, trainedOn } = fitted;
      const dims = { features: layout.names.length, window: spec.input.window, channels: SEQUENCE_CHANNELS, hidden: fitted.hidden };
      const values = snapshot(network.variables);
      return { input: spec.input, layout, prior, scalers, dims, weights: network.variables.map((v, i) => ({ shape: v.shape, values: values[i] })), trainedOn };
    },
    freeze(state: FittedState): void {
      if (state.input.sample !== spec.input.sample || state.input.window !== spec.input.window || state.dims.hidden !== spec.hidden) {
        throw new InputError(
          `the saved ${state.model.name} reads ${state.input.window}-period windows by ${state.input.sample} with ${state.dims.hidden} hidden units; '${spec.name}' expects ${spec.input.window} by ${spec.input.sample} with ${spec.hidden}`,
          { code: 'saved-model-mismatch' },
        );
      }
      frozen = state;
    },
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

/**
 * A fitted model from a saved state on a new history: the network rebuilt for the history's cells
 * (a graph network's neighbour mixing comes from them) with the saved weights; the inputs use the
 * saved layout, scalers and prior. Nothing is estimated.
 */
function thaw(spec: LearnedSpec, state: FittedState, history: History, backend: string, started: number): Fitted {
  const where = `saved model ${state.model.name}`;
  if (history.res !== state.res || history.bucket.unit !== state.bucket.unit || history.bucket.timeZone !== state.bucket.timeZone) {
    throw new InputError(
      `${where} was fitted on H3 resolution ${state.res} with ${state.bucket.unit} buckets (${state.bucket.timeZone}); this panel has resolution ${history.res} with ${history.bucket.unit} buckets (${history.bucket.timeZone})`,
      { code: 'saved-model-mismatch' },
    );
  }
  const end = history.futurePeriods(1)[0];
  if (end < state.trainedOn.end) {
    throw new InputError(
      `${where} was trained on periods up to ${new Date(state.trainedOn.end).toISOString().slice(0, 10)}; a fold with its cutoff at ${new Date(end).toISOString().slice(0, 10)} would test it on its own training data: choose folds (--folds) whose cutoffs all come later`,
      { code: 'saved-model-mismatch' },
    );
  }
  // A built model's features are code (feature-tokens.ts), not data: rebuilt here on this history
  // with the saved span's choices (seasonal lags, windows, calendar), they must name the same columns.
  const layout = spec.layout ? spec.layout(history, 0, history.periods.length, state.layout) : state.layout;
  if (layout.names.join(',') !== state.layout.names.join(',')) {
    throw new InputError(
      `${where} was fitted on the features ${state.layout.names.join(', ')}; on this panel its spec gives ${layout.names.join(', ')}: fit it again`,
      {
        code: 'saved-model-mismatch',
      },
    );
  }
  const series = seriesOf(history, 0);
  const ctx = featureContext(series, history.bucket, layout, state.prior);
  const dims: NetworkDims = { ...state.dims, cells: history.cells.length, outputBias: 0 };
  const network = spec.network ? spec.network.create(dims, random(0), ctx) : glmNetwork(dims);
  const shapes = network.variables.map((v) => v.shape.join('×')).join(', ');
  const saved = state.weights.map((w) => w.shape.join('×')).join(', ');
  if (shapes !== saved) {
    network.dispose();
    throw new InputError(`${where} holds weights of shapes ${saved}; '${spec.name}' on its features has ${shapes}`, { code: 'saved-model-mismatch' });
  }
  restore(
    network.variables,
    state.weights.map((w) => w.values),
  );
  const span = `${new Date(state.trainedOn.first).toISOString().slice(0, 10)} … ${new Date(state.trainedOn.last).toISOString().slice(0, 10)}`;
  const log: TrainingLog = {
    epochs: [],
    wallMs: performance.now() - started,
    backend,
    notes: [`frozen: weights, scalers and prior fitted once on ${span} (${state.trainedOn.periods} periods, ${state.trainedOn.cells} cells); not refitted`],
  };
  return { network, layout, scalers: state.scalers, prior: state.prior, hidden: state.dims.hidden, trainedOn: state.trainedOn, history, log };
}
