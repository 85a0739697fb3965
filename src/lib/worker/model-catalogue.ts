import { BASELINES } from '../forecast/baselines';
import type { ModelDefinition } from '../forecast/model-definition';
import { SEPP } from '../forecast/sepp';
import type { Catalogue, ModelInfo } from './protocol';

/** The models that need no TensorFlow.js: the baselines and SEPP. */
export const PLAIN_MODELS: readonly ModelDefinition[] = [...BASELINES, SEPP];

interface Learned {
  readonly definitions: readonly ModelDefinition[];
  readonly notes: readonly string[];
}

let learned: Promise<Learned> | undefined;

/**
 * The model definitions a run needs. The TensorFlow.js models (and tfjs with them, ~1.9 MB) are
 * loaded only when `ids` names a model outside `PLAIN_MODELS`, or when `ids` is omitted (the
 * whole catalogue). `tensorflow` lists the ids that need a tfjs backend. A learned module that
 * fails to load leaves the others usable and says why in `notes`.
 * @example (await modelDefinitions(['naive'])).definitions.length // → 8, no tfjs loaded
 */
export async function modelDefinitions(ids?: readonly string[]): Promise<Learned & { tensorflow: ReadonlySet<string> }> {
  const plain = new Set(PLAIN_MODELS.map((d) => d.id));
  if (ids && ids.every((id) => plain.has(id))) return { definitions: PLAIN_MODELS, notes: [], tensorflow: new Set() };
  learned ??= import('../forecast/tf').then(
    (module): Learned => ({ definitions: module.LEARNED_TF, notes: [] }),
    (error: unknown): Learned => ({ definitions: [], notes: [`Learned models are unavailable: ${error instanceof Error ? error.message : String(error)}`] }),
  );
  const extra = await learned;
  return { definitions: [...PLAIN_MODELS, ...extra.definitions], notes: extra.notes, tensorflow: new Set(extra.definitions.map((d) => d.id)) };
}

/** The definitions as the app lists them (no factories: functions cannot cross to the main thread). */
export function catalogueOf(definitions: readonly ModelDefinition[], notes: readonly string[]): Catalogue {
  const models = definitions.map(({ id, label, kind, summary, params }): ModelInfo => ({ id, label, kind, summary, params }));
  return { models, notes };
}
