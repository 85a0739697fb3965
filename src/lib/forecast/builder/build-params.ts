import type { ParamSpec } from '../model-definition';

/** Activations a built MLP may use. */
export const ACTIVATIONS = ['relu', 'tanh', 'elu', 'sigmoid'] as const;
/** One of `ACTIVATIONS`. */
export type Activation = (typeof ACTIVATIONS)[number];

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
