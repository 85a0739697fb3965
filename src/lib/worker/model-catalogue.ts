import { ALL_MODELS, loadAllModels } from '../forecast/models';
import type { ModelDefinition } from '../forecast/model-definition';
import type { Catalogue, ModelInfo } from './protocol';

interface Definitions {
  readonly definitions: readonly ModelDefinition[];
  readonly notes: readonly string[];
  /** Ids of the models that need a TensorFlow.js backend. */
  readonly tensorflow: ReadonlySet<string>;
}

let everything: Promise<Definitions> | undefined;

/**
 * The model definitions a run needs: `ALL_MODELS` (baselines and SEPP) when `ids` names only
 * those, else every model with the TensorFlow.js ones, whose module (and tfjs, ~1.9 MB) loads on
 * first use. A learned module that fails to load leaves the others usable and says why in `notes`.
 * @example (await modelDefinitions(['naive'])).tensorflow.size // → 0, and no tfjs loaded
 */
export async function modelDefinitions(ids?: readonly string[]): Promise<Definitions> {
  const plain = new Set(ALL_MODELS.map((d) => d.id));
  if (ids && ids.every((id) => plain.has(id))) return { definitions: ALL_MODELS, notes: [], tensorflow: new Set() };
  everything ??= loadAllModels().then(
    (definitions): Definitions => ({ definitions, notes: [], tensorflow: new Set(definitions.filter((d) => !plain.has(d.id)).map((d) => d.id)) }),
    (error: unknown): Definitions => ({
      definitions: ALL_MODELS,
      notes: [`Learned models are unavailable: ${error instanceof Error ? error.message : String(error)}`],
      tensorflow: new Set(),
    }),
  );
  return everything;
}

/** The definitions as the app lists them (no factories: functions cannot cross to the main thread). */
export function catalogueOf(definitions: readonly ModelDefinition[], notes: readonly string[]): Catalogue {
  const models = definitions.map(({ id, label, kind, summary, params }): ModelInfo => ({ id, label, kind, summary, params }));
  return { models, notes };
}
