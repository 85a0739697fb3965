import type { ModelDefinition } from '../lib/forecast/model-definition';
import { ALL_MODELS, loadAllModels } from '../lib/forecast/models';

/** The models a run may use, and the tfjs backend when learned tfjs models are among them. */
export interface ModelCatalogue {
  readonly definitions: readonly ModelDefinition[];
  readonly backend?: string;
}

/**
 * The model catalogue for a `--models` list. The tfjs models are loaded, and the WASM
 * backend started, only when the list names a model that is neither a baseline nor the SEPP
 * ('learned', 'all', 'mlp', a typo…), so baseline runs never pay for tfjs.
 */
export async function loadModelCatalogue(list: string): Promise<ModelCatalogue> {
  const ids = list.split(',').map((part) => part.trim().split(':')[0]).filter(Boolean);
  const light = new Set(ALL_MODELS.map((d) => d.id).concat('baselines'));
  if (ids.every((id) => light.has(id))) return { definitions: ALL_MODELS };
  const definitions = await loadAllModels();
  const { ensureBackend } = await import('../lib/forecast/tf');
  const choice = await ensureBackend();
  return { definitions, backend: choice.backend };
}
