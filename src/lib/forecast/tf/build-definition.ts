import { parseFeatures, MAX_RING } from '../builder/feature-tokens';
import { builtLayout } from '../builder/built-layout';
import { formatModelSpec, type ModelDefinition, type ParamSpec, type ParamValue } from '../model-definition';
import { GRAPH_WINDOW, GRU_WINDOW } from './definitions';
import { graphNetwork } from './graph-network';
import { normalisedAdjacency } from './graph-mix';
import { gruNetwork } from './gru-network';
import { learnedForecaster, type LearnedSpec } from './learned-forecaster';
import { ACTIVATIONS, stackNetwork, type Activation } from './stack-network';

/** Architectures a built model may have. */
export const BUILD_ARCHS = ['glm', 'mlp', 'gru', 'graph'] as const;

const int = (name: string, label: string, value: number, min: number, max: number, doc: string): ParamSpec => ({
  name,
  label,
  type: 'integer',
  default: value,
  min,
  max,
  doc,
});
const num = (name: string, label: string, value: number, min: number, max: number, doc: string): ParamSpec => ({
  name,
  label,
  type: 'number',
  default: value,
  min,
  max,
  doc,
});

/** The builder's parameters, in the order a spec writes them. */
export const BUILD_PARAMS: readonly ParamSpec[] = [
  { name: 'name', label: 'Name', type: 'text', default: '', doc: 'The name in results and reports; empty: the spec itself.' },
  {
    name: 'arch',
    label: 'Architecture',
    type: 'choice',
    default: 'glm',
    choices: BUILD_ARCHS,
    doc: 'Poisson GLM (Newton), MLP, GRU over a window, or graph layers over H3 neighbours.',
  },
  {
    name: 'features',
    label: 'Features',
    type: 'text',
    default: 'default',
    doc: "Feature tokens joined by '+': lag1-3, seasonal, mean, ewma0.3, ring1-2, rate, rate-offset, area, cal, dow, woy, month, parent7w4; 'default' = the built-in GLM's.",
  },
  int('layers', 'Hidden layers', 2, 1, 4, 'MLP: fully connected hidden layers.'),
  int('units', 'Units', 32, 2, 256, 'Units per hidden layer (MLP), state size (GRU), node features (graph).'),
  { name: 'activation', label: 'Activation', type: 'choice', default: 'relu', choices: ACTIVATIONS, doc: 'MLP: the hidden layers’ activation.' },
  num('dropout', 'Dropout', 0, 0, 0.9, 'MLP: fraction of hidden outputs dropped while training.'),
  int('window', 'Window', 0, 0, 512, 'GRU and graph: periods of recent history read; 0 picks by bucket.'),
  int('graphLayers', 'Graph layers', 2, 1, 2, 'Graph: convolutions over ring-1 neighbours (1 or 2).'),
  {
    name: 'warmStart',
    label: 'Start from the GLM',
    type: 'boolean',
    default: true,
    doc: 'Networks: fit the GLM first and keep it as the fixed linear part (CANN).',
  },
  int('iterations', 'Newton iterations (most)', 25, 1, 100, 'GLM (and warm start): most Newton iterations.'),
  { name: 'optimizer', label: 'Optimiser', type: 'choice', default: 'adam', choices: ['adam', 'sgd'], doc: 'Networks: Adam, or SGD with momentum 0.9.' },
  num('learningRate', 'Learning rate', 0.005, 1e-5, 1, 'Networks: step size at the start (halved on each epoch without improvement).'),
  int('batchSize', 'Batch size', 1024, 16, 65536, 'Networks: targets (cell-periods) per step.'),
  int('epochs', 'Epochs (most)', 30, 1, 500, 'Networks: most epochs; early stopping on the validation span usually ends sooner.'),
  int('patience', 'Patience', 3, 1, 50, 'Networks: epochs without a better validation deviance before training stops.'),
  num('l2', 'L2 penalty', 1e-6, 0, 1, 'Ridge on the GLM weights and weight decay on the network’s, per target (unitless).'),
  int('samplesPerEpoch', 'Targets per epoch', 65_536, 0, 10_000_000, 'Networks: cell-periods drawn per epoch; 0 uses all.'),
  {
    name: 'refit',
    label: 'Refit on all data',
    type: 'choice',
    default: 'auto',
    choices: ['auto', 'yes', 'no'],
    doc: 'Use the validation span for the final weights too; auto: yes for the GLM, no for networks.',
  },
  int('seed', 'Seed', 0, 0, 2 ** 31 - 1, 'Initialisation, shuffling and importance; 0 uses the run’s seed.'),
];

/** The definition as `formatModelSpec` needs it (the spec text is the default name). */
const SELF = { id: 'build', params: BUILD_PARAMS } as unknown as ModelDefinition;

/**
 * A model built in the app's model builder (or written by hand): chosen features, an
 * architecture and its training, all in one spec, e.g.
 * `build:name=my-glm:features=lag1-4+ring1-3+dow+rate-offset` or
 * `build:arch=mlp:layers=3:units=16:activation=tanh:dropout=0.1`. Every model it makes fits its
 * features, scaler and prior on the training span only, reports GLM coefficients with standard
 * errors or permutation importance, and is scored like any other model. `build` alone (GLM on
 * the default features) is the built-in `poisson-glm`, to the bit.
 */
export const BUILD: ModelDefinition = {
  id: 'build',
  label: 'Built model',
  kind: 'learned',
  summary: 'A model from the builder: your features (lags, neighbours, calendar, smoothing, coarser cells) and architecture (GLM, MLP, GRU, graph).',
  params: BUILD_PARAMS,
  create: (values, context) => {
    const v = values as Readonly<Record<string, ParamValue>>;
    let tokens;
    try {
      tokens = parseFeatures(String(v.features));
    } catch (error) {
      throw new Error(`Model 'build', parameter 'features': ${(error as Error).message}`, { cause: error });
    }
    for (const t of tokens) {
      if (t.kind === 'parent' && t.res >= context.res) {
        throw new Error(`Model 'build', parameter 'features': parent${t.res}w${t.window} needs a resolution coarser than the panel's ${context.res}`);
      }
    }
    const arch = v.arch as (typeof BUILD_ARCHS)[number];
    const rings = Math.max(2, ...tokens.map((t) => (t.kind === 'ring' ? t.to : 0)));
    const own = Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'name'));
    const name = String(v.name) || formatModelSpec({ id: 'build', params: own }, SELF);
    const refit = v.refit === 'auto' ? arch === 'glm' : v.refit === 'yes';
    const glm = { iterations: v.iterations as number, l2: v.l2 as number, standardErrors: arch === 'glm' };
    const window = arch === 'gru' || arch === 'graph' ? (v.window as number) || (arch === 'gru' ? GRU_WINDOW : GRAPH_WINDOW)[context.bucket.unit] : 0;
    const units = v.units as number;
    const base: LearnedSpec = {
      name,
      input: { sample: arch === 'graph' ? 'period' : 'cell', window },
      hidden: arch === 'glm' ? 0 : units,
      glm,
      warmStart: arch !== 'glm' && v.warmStart === true,
      refit,
      layout: (history, first, end) => builtLayout(tokens, history, first, end),
      neighbourRings: Math.min(rings, MAX_RING),
      seed: v.seed as number,
      inspect: true,
    };
    if (arch === 'glm') return learnedForecaster(base);
    const train = {
      epochs: v.epochs as number,
      patience: v.patience as number,
      batchSize: v.batchSize as number,
      learningRate: v.learningRate as number,
      l2: v.l2 as number,
      samplesPerEpoch: v.samplesPerEpoch as number,
      optimizer: v.optimizer as 'adam' | 'sgd',
    };
    const shape = { layers: v.layers as number, units, activation: v.activation as Activation, dropout: v.dropout as number };
    return learnedForecaster({
      ...base,
      network: {
        train,
        create: (dims, rng, ctx) =>
          arch === 'mlp'
            ? stackNetwork(dims, rng, shape)
            : arch === 'gru'
              ? gruNetwork(dims, rng)
              : graphNetwork(dims, rng, normalisedAdjacency(ctx.series.ring1Lists), v.graphLayers === 1 ? 1 : 2),
      },
    });
  },
};
