import type { BucketUnit } from '../../grid/time-bucket';
import type { ModelContext, ModelDefinition, ParamSpec, ParamValue } from '../model-definition';
import type { Recipe } from './fit-pipeline';
import { graphNetwork } from './graph-network';
import { normalisedAdjacency } from './graph-mix';
import { gruNetwork } from './gru-network';
import type { InputSpec } from './inputs';
import type { IrlsSettings } from './irls';
import { learnedForecaster, type LearnedSpec } from './learned-forecaster';
import { mlpNetwork } from './mlp-network';
import type { TrainSettings } from './train';

type Params = Readonly<Record<string, ParamValue>>;

/** The GLM fit, alone or as the warm start of the networks: Newton to convergence, a light ridge. */
const GLM_FIT: IrlsSettings = { iterations: 25, l2: 1e-6 };

const refitParam = (value: boolean, doc: string): ParamSpec => ({ name: 'refit', label: 'Refit on all data', type: 'boolean', default: value, doc });
const hiddenParam = (value: number): ParamSpec => ({
  name: 'hidden',
  label: 'Hidden units',
  type: 'integer',
  default: value,
  min: 2,
  max: 256,
  doc: 'Width of the hidden layers (units).',
});
const windowParam = (doc: string): ParamSpec => ({ name: 'window', label: 'Window', type: 'integer', default: 0, min: 0, max: 512, doc });
const warmStartParam: ParamSpec = {
  name: 'warmStart',
  label: 'Start from the GLM',
  type: 'boolean',
  default: true,
  doc: 'Fit the Poisson GLM first, hold it fixed as the network’s linear part and let the non-linear part (starting at 0) learn what it misses, as in CANN (Wüthrich & Merz 2019).',
};

/** Adam parameters of the networks, with that network's defaults. */
function trainingParams(defaults: TrainSettings): ParamSpec[] {
  return [
    {
      name: 'epochs',
      label: 'Epochs (most)',
      type: 'integer',
      default: defaults.epochs,
      min: 1,
      max: 500,
      doc: 'Most epochs; early stopping on the validation span usually ends sooner (epochs).',
    },
    {
      name: 'patience',
      label: 'Patience',
      type: 'integer',
      default: defaults.patience,
      min: 1,
      max: 50,
      doc: 'Epochs without a better validation deviance before training stops; each such epoch halves the learning rate (epochs).',
    },
    { name: 'batchSize', label: 'Batch size', type: 'integer', default: defaults.batchSize, min: 16, max: 65536, doc: 'Targets (cell-periods) per Adam step.' },
    { name: 'learningRate', label: 'Learning rate', type: 'number', default: defaults.learningRate, min: 1e-5, max: 1, doc: 'Adam step size at the start.' },
    {
      name: 'l2',
      label: 'L2 penalty',
      type: 'number',
      default: defaults.l2,
      min: 0,
      max: 1,
      doc: 'Weight decay on the non-linear weights, added to the mean Poisson loss per target (unitless).',
    },
    {
      name: 'samplesPerEpoch',
      label: 'Targets per epoch',
      type: 'integer',
      default: defaults.samplesPerEpoch,
      min: 0,
      max: 10_000_000,
      doc: 'Cell-periods drawn afresh for each epoch; 0 uses all of them (targets).',
    },
    refitParam(false, 'After early stopping, retrain from the same start on all training periods (validation span included) for the chosen number of epochs.'),
  ];
}

function trainSettings(p: Params): TrainSettings {
  const n = (key: string): number => p[key] as number;
  return {
    epochs: n('epochs'),
    patience: n('patience'),
    batchSize: n('batchSize'),
    learningRate: n('learningRate'),
    l2: n('l2'),
    samplesPerEpoch: n('samplesPerEpoch'),
  };
}

/** `id(k=v,…)` with the structural keys always and any other parameter that differs from its default. */
function nameOf(id: string, params: readonly ParamSpec[], values: Params, structural: readonly string[]): string {
  const parts = params.filter((s) => structural.includes(s.name) || values[s.name] !== s.default).map((s) => `${s.name}=${values[s.name]}`);
  return parts.length > 0 ? `${id}(${parts.join(',')})` : id;
}

/** Sequence windows (periods) by bucket unit when `window` is 0: two days of hours, four weeks of days, half a year of weeks, a year of months. */
export const GRU_WINDOW: Record<BucketUnit, number> = { hour: 48, day: 28, week: 26, month: 12 };
/** Graph model windows: a day of hours, two weeks of days, two months of weeks, half a year of months. */
export const GRAPH_WINDOW: Record<BucketUnit, number> = { hour: 24, day: 14, week: 8, month: 6 };

const GLM_PARAMS: ParamSpec[] = [
  {
    name: 'iterations',
    label: 'Newton iterations (most)',
    type: 'integer',
    default: GLM_FIT.iterations,
    min: 1,
    max: 100,
    doc: 'Most Newton (IRLS) iterations; it stops when converged, usually after 5–8.',
  },
  {
    name: 'l2',
    label: 'Ridge penalty',
    type: 'number',
    default: GLM_FIT.l2,
    min: 0,
    max: 1,
    doc: 'Ridge penalty on the weights, added to the mean Poisson loss per target (unitless).',
  },
  refitParam(
    true,
    'After reporting the fit on the periods before the validation span, continue Newton on all training periods (a GLM has nothing to stop early).',
  ),
];
const MLP_PARAMS = [
  hiddenParam(32),
  warmStartParam,
  ...trainingParams({ epochs: 30, patience: 3, batchSize: 1024, learningRate: 0.005, l2: 1e-4, samplesPerEpoch: 65_536 }),
];
const GRU_PARAMS = [
  hiddenParam(16),
  windowParam('Periods of each cell’s sequence the GRU reads; 0 picks by bucket (48 hours, 28 days, 26 weeks, 12 months).'),
  warmStartParam,
  ...trainingParams({ epochs: 6, patience: 2, batchSize: 512, learningRate: 0.01, l2: 1e-4, samplesPerEpoch: 6144 }),
];
const GRAPH_PARAMS = [
  hiddenParam(16),
  {
    name: 'layers',
    label: 'Graph layers',
    type: 'integer',
    default: 2,
    min: 1,
    max: 2,
    doc: 'Graph convolutions over ring-1 neighbours (1 or 2: the reach in rings).',
  } satisfies ParamSpec,
  windowParam('Periods of the recent window the temporal layer reads; 0 picks by bucket (24 hours, 14 days, 8 weeks, 6 months).'),
  warmStartParam,
  ...trainingParams({ epochs: 20, patience: 3, batchSize: 2048, learningRate: 0.01, l2: 1e-4, samplesPerEpoch: 32_768 }),
];

/** A network model from parameter values: its name, inputs, the GLM warm start (unless turned off) and Adam settings. */
function networkModel(
  id: string,
  params: readonly ParamSpec[],
  values: Params,
  structural: readonly string[],
  input: InputSpec,
  create: NonNullable<Recipe['network']>['create'],
) {
  return learnedForecaster({
    name: nameOf(id, params, values, structural),
    input,
    hidden: values.hidden as number,
    glm: GLM_FIT,
    warmStart: values.warmStart === true,
    refit: values.refit === true,
    network: { train: trainSettings(values), create },
  });
}

const windowOf = (values: Params, context: ModelContext, table: Record<BucketUnit, number>): number => (values.window as number) || table[context.bucket.unit];

/** Poisson regression (log link) on lags, windows, neighbour means, the cell's shrunk long-run rate and the calendar. */
export const POISSON_GLM: ModelDefinition = {
  id: 'poisson-glm',
  label: 'Poisson regression',
  kind: 'learned',
  summary: 'Poisson GLM (log link, Newton/IRLS) on lagged counts, window means, neighbour means, the cell’s long-run rate and calendar terms.',
  params: GLM_PARAMS,
  create: (values) => {
    const spec: LearnedSpec = {
      name: nameOf('poisson-glm', GLM_PARAMS, values, []),
      input: { sample: 'cell', window: 0 },
      hidden: 0,
      glm: { iterations: values.iterations as number, l2: values.l2 as number },
      warmStart: false,
      refit: values.refit === true,
    };
    return learnedForecaster(spec);
  },
};

/** Wide-and-deep MLP on the GLM's features with a Poisson loss. */
export const MLP: ModelDefinition = {
  id: 'mlp',
  label: 'Multilayer perceptron',
  kind: 'learned',
  summary: 'Two-layer perceptron plus a linear (GLM) part on the same features, trained on the Poisson likelihood.',
  params: MLP_PARAMS,
  create: (values) => networkModel('mlp', MLP_PARAMS, values, ['hidden'], { sample: 'cell', window: 0 }, (dims, rng) => mlpNetwork(dims, rng)),
};

/** GRU over each cell's recent counts and neighbour means, shared across cells. */
export const GRU: ModelDefinition = {
  id: 'gru',
  label: 'GRU (recurrent network)',
  kind: 'learned',
  summary: 'Gated recurrent unit over each cell’s recent counts and neighbour means (weights shared by all cells), Poisson output.',
  params: GRU_PARAMS,
  autoPeriods: [{ name: 'window', byBucket: GRU_WINDOW, shrinks: true }],
  create: (values, context) => {
    const window = windowOf(values, context, GRU_WINDOW);
    return networkModel('gru', GRU_PARAMS, { ...values, window }, ['hidden', 'window'], { sample: 'cell', window }, (dims, rng) => gruNetwork(dims, rng));
  },
};

/** Graph convolutions over H3 neighbours in each recent period, then a temporal layer. */
export const GRAPH: ModelDefinition = {
  id: 'graph',
  label: 'Graph network (GCN + temporal)',
  kind: 'learned',
  summary: 'Graph convolutions mixing each cell with its H3 neighbours in each recent period, then a temporal layer; Poisson output.',
  params: GRAPH_PARAMS,
  autoPeriods: [{ name: 'window', byBucket: GRAPH_WINDOW, shrinks: true }],
  create: (values, context) => {
    const window = windowOf(values, context, GRAPH_WINDOW);
    const layers = values.layers === 1 ? 1 : 2;
    return networkModel('graph', GRAPH_PARAMS, { ...values, window }, ['hidden', 'layers', 'window'], { sample: 'period', window }, (dims, rng, ctx) =>
      graphNetwork(dims, rng, normalisedAdjacency(ctx.series.ring1Lists), layers),
    );
  },
};

/**
 * The learned model definitions, simplest first: Poisson regression, MLP, GRU, graph network.
 * @example LEARNED_TF.map((d) => d.id) // → ['poisson-glm', 'mlp', 'gru', 'graph']
 */
export const LEARNED_TF: readonly ModelDefinition[] = [POISSON_GLM, MLP, GRU, GRAPH];
