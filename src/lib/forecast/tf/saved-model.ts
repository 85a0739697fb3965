import * as tf from '@tensorflow/tfjs';
import { base64Of, bytesOfBase64 } from '../../base/base64';
import { InputError } from '../../base/hexcast-error';
import { featureNames } from './features';
import type { FittedState } from './fitted-state';
import { SEQUENCE_CHANNELS } from './features';

/** The saved-model file's format name and version; bump the version when a field changes meaning. */
export const SAVED_MODEL_FORMAT = 'hexcast-saved-model';
export const SAVED_MODEL_VERSION = 1;

/** The learned models a file may hold. */
const SAVABLE = ['poisson-glm', 'mlp', 'gru', 'graph', 'build'];

/**
 * Writes a fitted model as one self-contained JSON file: the model (id, resolved parameters,
 * name), the panel's H3 resolution and bucket, the training span, the feature layout and its
 * names, the prior, both scalers, the network sizes, and the weights in TensorFlow.js's weights
 * format (`tf.io.encodeWeights`: a manifest of name, shape and dtype per variable, and the flat
 * little-endian float32 data, here in base64), with the Hexcast and library versions that made it.
 * @example JSON.parse(new TextDecoder().decode(await savedModelBytes(state, versions))).format // → 'hexcast-saved-model'
 */
export async function savedModelBytes(state: FittedState, versions: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const named = state.weights.map((w, i) => ({ name: `v${i}`, tensor: tf.tensor(w.values, [...w.shape], 'float32') }));
  let encoded: { data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] };
  try {
    encoded = await tf.io.encodeWeights(named);
  } finally {
    for (const n of named) n.tensor.dispose();
  }
  const { weights: _, scalers, ...rest } = state;
  const file = {
    format: SAVED_MODEL_FORMAT,
    version: SAVED_MODEL_VERSION,
    ...rest,
    features: state.layout.names,
    scalers: { tab: plain(scalers.tab), seq: plain(scalers.seq) },
    weightSpecs: encoded.specs,
    weightData: base64Of(new Uint8Array(encoded.data)),
    versions,
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 1));
}

const plain = (s: { mean: Float32Array; scale: Float32Array }) => ({ mean: Array.from(s.mean), scale: Array.from(s.scale) });

/**
 * Reads a saved model written by `savedModelBytes`. Throws an InputError naming the file:
 * 'saved-model-invalid' when it is not JSON, not this format or version, or its weights do not
 * match their manifest; 'saved-model-mismatch' when its feature names are not the ones this
 * Hexcast computes for its layout (another feature set), or its sizes disagree with them.
 * @example readSavedModel(bytes, 'glm.json').model.id // → 'poisson-glm'
 */
export function readSavedModel(bytes: Uint8Array, file: string): FittedState {
  const invalid = (message: string): never => {
    throw new InputError(`saved model '${file}': ${message}`, { code: 'saved-model-invalid', file });
  };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
  } catch {
    return invalid('not a JSON file (a saved model is the JSON file that `hexcast fit` or the app writes)');
  }
  if (raw?.format !== SAVED_MODEL_FORMAT) invalid(`its format is ${JSON.stringify(raw?.format)}, not '${SAVED_MODEL_FORMAT}'`);
  if (raw.version !== SAVED_MODEL_VERSION) invalid(`it is version ${JSON.stringify(raw.version)}; this Hexcast reads version ${SAVED_MODEL_VERSION}`);
  const s = raw as unknown as FittedState & {
    features: string[];
    scalers: { tab: { mean: number[]; scale: number[] }; seq: { mean: number[]; scale: number[] } };
    weightSpecs: tf.io.WeightsManifestEntry[];
    weightData: string;
  };
  if (!SAVABLE.includes(s.model?.id)) invalid(`it holds model ${JSON.stringify(s.model?.id)}; saved models are ${SAVABLE.join(', ')}`);
  const checks: [string, boolean][] = [
    ['res', Number.isInteger(s.res)],
    ['bucket', typeof s.bucket?.unit === 'string'],
    ['layout', Array.isArray(s.layout?.seasonal) && Array.isArray(s.layout?.windows) && !!s.layout?.calendar],
    ['dims', Number.isInteger(s.dims?.features)],
    ['trainedOn', Number.isFinite(s.trainedOn?.end)],
    ['features', Array.isArray(s.features) && s.features.every((f) => typeof f === 'string')],
    ['scalers', Array.isArray(s.scalers?.tab?.mean) && Array.isArray(s.scalers?.tab?.scale) && Array.isArray(s.scalers?.seq?.mean)],
    ['input', Number.isInteger(s.input?.window)],
    ['prior', Number.isFinite(s.prior)],
    ['weightSpecs', Array.isArray(s.weightSpecs) && s.weightSpecs.every((w) => Array.isArray(w?.shape) && w.shape.every((d) => Number.isInteger(d) && d >= 0))],
  ];
  const missing = checks.filter(([, ok]) => !ok).map(([name]) => name);
  if (missing.length) invalid(`fields missing or malformed: ${missing.join(', ')}`);
  // A built model's columns come from its feature spec and are checked when it is thawed on a panel.
  const names = s.model.id === 'build' ? s.features : featureNames(s.layout.lags, s.layout.seasonal, s.layout.windows, s.layout.calendar);
  if (names.join(',') !== s.features.join(',') || names.length !== s.dims.features || s.scalers.tab.mean.length !== names.length) {
    throw new InputError(
      `saved model '${file}' was built on the features ${s.features.join(', ')}; this Hexcast computes ${names.join(', ')} for its layout (another feature set): fit it again`,
      { code: 'saved-model-mismatch', file },
    );
  }
  if (s.dims.channels !== SEQUENCE_CHANNELS) invalid(`its sequences have ${s.dims.channels} channels; this Hexcast uses ${SEQUENCE_CHANNELS}`);
  let data: Uint8Array;
  try {
    data = bytesOfBase64(s.weightData);
  } catch (error) {
    return invalid(`its weight data is damaged (${(error as Error).message})`);
  }
  const expected = s.weightSpecs.reduce((n, spec) => n + 4 * spec.shape.reduce((a, b) => a * b, 1), 0);
  if (s.weightSpecs.some((spec) => spec.dtype !== 'float32') || data.length !== expected) {
    invalid(`its weight data has ${data.length} bytes; its manifest describes ${expected} (float32)`);
  }
  // The weights format is the specs' tensors' float32 values, little-endian, one after another
  // (what tf.io.decodeWeights reads); read here without tensors, so no backend need be running.
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  const weights = s.weightSpecs.map((spec) => {
    const values = new Float32Array(spec.shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++, offset += 4) values[i] = view.getFloat32(offset, true);
    return { shape: spec.shape, values };
  });
  const f32 = (a: number[]): Float32Array => Float32Array.from(a);
  return {
    model: s.model,
    res: s.res,
    bucket: s.bucket,
    input: s.input,
    layout: { ...s.layout, names },
    prior: s.prior,
    scalers: {
      tab: { mean: f32(s.scalers.tab.mean), scale: f32(s.scalers.tab.scale) },
      seq: { mean: f32(s.scalers.seq.mean), scale: f32(s.scalers.seq.scale) },
    },
    dims: s.dims,
    weights,
    trainedOn: s.trainedOn,
  };
}
