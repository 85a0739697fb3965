import { formatModelSpec, parseModelSpec, resolveParams, type ModelDefinition, type ParamValue } from '../model-definition';
import { BUILD_PARAMS } from './build-params';
import { formatFeatures, parseFeatures } from './feature-tokens';

/** The builder's id and parameters as a definition for `formatModelSpec`/`resolveParams` (built models are created in tf/build-definition.ts). */
export const BUILD_SPEC_DEFINITION: ModelDefinition = {
  id: 'build',
  label: 'Built model',
  kind: 'learned',
  summary: 'A model from the builder.',
  params: BUILD_PARAMS,
  create: () => {
    throw new Error("Built models are created by tf/build-definition.ts's BUILD");
  },
};

/** What every network trains with. */
const TRAINING = ['optimizer', 'learningRate', 'batchSize', 'epochs', 'patience', 'l2', 'samplesPerEpoch', 'refit', 'seed'];

/** Parameters each architecture reads (the form shows these; the others keep their defaults). */
export const PARAMS_BY_ARCH: Readonly<Record<string, readonly string[]>> = {
  glm: ['iterations', 'l2', 'refit', 'seed'],
  mlp: ['layers', 'units', 'activation', 'dropout', 'warmStart', ...TRAINING],
  gru: ['units', 'window', 'warmStart', ...TRAINING],
  graph: ['units', 'graphLayers', 'window', 'warmStart', ...TRAINING],
};

/**
 * Reads a built model's spec (`build[:key=value]…`) into every parameter's value, defaults
 * filled in and features in canonical form. Throws an Error naming the parameter (and the
 * feature token) that is wrong.
 * @example readBuildSpec('build:arch=mlp:features=lag1+lag2').features // → 'lag1+lag2'
 */
export function readBuildSpec(text: string): Record<string, ParamValue> {
  const spec = parseModelSpec(text);
  if (spec.id !== 'build') throw new Error(`Model spec '${text}' is not a built model (it starts with '${spec.id}', not 'build')`);
  const values = resolveParams(BUILD_SPEC_DEFINITION, spec.params);
  try {
    values.features = formatFeatures(parseFeatures(String(values.features)));
  } catch (error) {
    throw new Error(`Model 'build', parameter 'features': ${(error as Error).message}`, { cause: error });
  }
  if (!/^[\w .()-]*$/.test(String(values.name))) {
    throw new Error(`Model 'build', parameter 'name': use letters, digits, spaces and . _ ( ) - only, got '${values.name}'`);
  }
  return values;
}

/**
 * Writes a built model's spec from parameter values: keys in the builder's order, defaults left
 * out, features canonical, so one model has one spec. `readBuildSpec(writeBuildSpec(v))` gives v
 * back (defaults filled).
 * @example writeBuildSpec({ arch: 'glm', features: 'default' }) // → 'build'
 */
export function writeBuildSpec(values: Readonly<Record<string, ParamValue>>): string {
  const text = formatModelSpec({ id: 'build', params: values }, BUILD_SPEC_DEFINITION);
  return formatModelSpec({ id: 'build', params: readBuildSpec(text) }, BUILD_SPEC_DEFINITION);
}
