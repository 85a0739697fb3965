import type { BinSettings } from './bin';

// The settings every shell starts from, defined once (the protocol's are DEFAULT_PROTOCOL in
// evaluate/protocol.ts). This module imports no code, so the app's main thread can read the
// defaults without loading the decoders, the binning or the models.

/** The default binning of every shell: resolution 8 (~460 m edges), weekly buckets in the data's zone, every category. */
export const DEFAULT_BINNING: BinSettings = { res: 8, unit: 'week', timeZone: null, categories: null };

/**
 * The default model list of every shell (the CLI's `--models`, the app's first experiment and a
 * link without `model=`): every baseline (the ids of `BASELINES`, in its order; a test holds the
 * two equal), with default parameters, so that a model is always measured against the strongest
 * simple rule there is rather than against a chosen few.
 * @example DEFAULT_MODELS[0] // → 'naive'
 */
export const DEFAULT_MODELS: readonly string[] = [
  'naive',
  'seasonal-naive',
  'historic-average',
  'shrunk-average',
  'window-average',
  'ewma',
  'kde',
  'prospective',
];

/**
 * The learned models that can be saved after fitting and re-tested frozen (`pipeline/saved-models.ts`):
 * the TensorFlow.js ones. Listed here, without code imports, for the app's export buttons.
 * @example SAVABLE_MODELS.includes('poisson-glm') // → true
 */
export const SAVABLE_MODELS: readonly string[] = ['poisson-glm', 'mlp', 'gru', 'graph', 'build'];
