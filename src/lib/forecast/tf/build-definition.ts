import { parseFeatures, MAX_RING } from '../builder/feature-tokens';
import { builtLayout } from '../builder/built-layout';
import { BUILD_SPEC_DEFINITION } from '../builder/build-spec';
import { BUILD_ARCHS, BUILD_PARAMS, type Activation } from '../builder/build-params';
import { formatModelSpec, type ModelDefinition, type ParamValue } from '../model-definition';
import { GRAPH_WINDOW, GRU_WINDOW } from './definitions';
import { graphNetwork } from './graph-network';
import { normalisedAdjacency } from './graph-mix';
import { gruNetwork } from './gru-network';
import { learnedForecaster, type LearnedSpec } from './learned-forecaster';
import { stackNetwork } from './stack-network';

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
    const name = String(v.name) || formatModelSpec({ id: 'build', params: own }, BUILD_SPEC_DEFINITION);
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
      layout: (history, first, end, saved) => builtLayout(tokens, history, first, end, saved),
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
