import { BASELINES } from './baselines';
import type { ModelDefinition } from './model-definition';
import { SEPP } from './sepp';

/**
 * The models that need no TensorFlow.js: every baseline and the self-exciting point process.
 * Listed first everywhere (the CLI's `models`, the app's picker, reports).
 */
export const ALL_MODELS: readonly ModelDefinition[] = [...BASELINES, SEPP];

/**
 * Every model, the learned tfjs ones included. tfjs (~1.9 MB, plus its backend start-up) is
 * imported here on demand, so baseline-only runs and the app's first screen never pay for it.
 */
export async function loadAllModels(): Promise<readonly ModelDefinition[]> {
  const { LEARNED_TF } = await import('./tf');
  return [...ALL_MODELS, ...LEARNED_TF];
}
