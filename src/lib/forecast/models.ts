import { BASELINES } from './baselines';
import { parseModelSpec, type ModelDefinition, type ModelSpec, type ParamSpec } from './model-definition';
import { SEPP } from './sepp';

/**
 * The model registry: every model the CLI, the worker, the notebooks and the app can name, the
 * grammar of a model list, and the on-demand loading of the tfjs models. It is the one place that
 * knows which models exist; shells only pass text (`id[:key=value…]`). The default list is
 * `DEFAULT_MODELS` in pipeline/defaults.ts (no code imports, for the app's main thread).
 */

/**
 * The models that need no TensorFlow.js: every baseline and the self-exciting point process.
 * Listed first everywhere (the CLI's `models`, the app's picker, reports).
 */
export const ALL_MODELS: readonly ModelDefinition[] = [...BASELINES, SEPP];

/** The id of built models (tf/build-definition.ts): named one by one, never part of a group word. */
export const BUILD_ID = 'build';

/** Words a model list may use for a whole group: every baseline, every learned model, or both. */
export const MODEL_GROUPS = ['baselines', 'learned', 'all'] as const;

/**
 * Every model, the learned tfjs ones included. tfjs (~1.9 MB, plus its backend start-up) is
 * imported here on demand, so baseline-only runs and the app's first screen never pay for it.
 */
export async function loadAllModels(): Promise<readonly ModelDefinition[]> {
  const { LEARNED_TF, BUILD } = await import('./tf');
  return [...ALL_MODELS, ...LEARNED_TF, BUILD];
}

/** The definitions a run may use, why some could not be offered, and which need a tfjs backend. */
export interface ModelRegistry {
  readonly definitions: readonly ModelDefinition[];
  readonly notes: readonly string[];
  /** Ids of the models that need a TensorFlow.js backend. */
  readonly tensorflow: ReadonlySet<string>;
}

let everything: Promise<ModelRegistry> | undefined;

/**
 * The definitions a run of `ids` needs (model ids or `MODEL_GROUPS` words): `ALL_MODELS` when
 * `ids` names only those (or 'baselines'), else every model with the TensorFlow.js ones, whose
 * module loads once, on first use. A learned module that fails to load leaves the others usable
 * and says why in `notes`. Without `ids`: every model (the app's catalogue).
 * @example (await modelRegistry(['naive', 'baselines'])).tensorflow.size // → 0, and no tfjs loaded
 */
export async function modelRegistry(ids?: readonly string[]): Promise<ModelRegistry> {
  const plain = new Set(ALL_MODELS.map((d) => d.id));
  if (ids && ids.every((id) => plain.has(id) || id === 'baselines')) return { definitions: ALL_MODELS, notes: [], tensorflow: new Set() };
  everything ??= loadAllModels().then(
    (definitions): ModelRegistry => ({ definitions, notes: [], tensorflow: new Set(definitions.filter((d) => !plain.has(d.id)).map((d) => d.id)) }),
    (error: unknown): ModelRegistry => ({
      definitions: ALL_MODELS,
      notes: [`Learned models are unavailable: ${error instanceof Error ? error.message : String(error)}`],
      tensorflow: new Set(),
    }),
  );
  return everything;
}

/**
 * The model ids (and group words) a list of specs names, for `modelRegistry`.
 * @example modelIdsOf(['naive', 'ewma:alpha=0.5']) // → ['naive', 'ewma']
 */
export function modelIdsOf(specs: readonly string[]): string[] {
  return specs.map((text) => text.trim().split(':')[0]).filter(Boolean);
}

/**
 * Parses a model list: specs (`id[:key=value…]`), where 'baselines', 'learned' and 'all' stand
 * for every model of that kind with default parameters (built models are named one by one). Throws a RangeError naming an unknown
 * id (and the known ones), a malformed spec, or an empty list.
 * @example parseModelList(['naive', 'ewma:alpha=0.5'], ALL_MODELS) // → [{ id: 'naive', params: {} }, { id: 'ewma', params: { alpha: 0.5 } }]
 */
export function parseModelList(texts: readonly string[], definitions: readonly ModelDefinition[]): ModelSpec[] {
  const out: ModelSpec[] = [];
  for (const part of texts.map((s) => s.trim()).filter(Boolean)) {
    if ((MODEL_GROUPS as readonly string[]).includes(part)) {
      for (const d of definitions)
        if (d.id !== BUILD_ID && (part === 'all' || (part === 'baselines' ? d.kind === 'baseline' : d.kind === 'learned'))) out.push({ id: d.id, params: {} });
      continue;
    }
    let spec: ModelSpec;
    try {
      spec = parseModelSpec(part);
    } catch (error) {
      throw new RangeError((error as Error).message, { cause: error });
    }
    if (!definitions.some((d) => d.id === spec.id)) {
      throw new RangeError(`unknown model '${spec.id}'; known: ${definitions.map((d) => d.id).join(', ')} (or ${MODEL_GROUPS.join(', ')})`);
    }
    out.push(spec);
  }
  if (out.length === 0) throw new RangeError('the model list names no model');
  return out;
}

/** A model as a catalogue lists it: its definition without the factory (functions cannot cross to the app's thread). */
export interface ModelInfo {
  readonly id: string;
  readonly label: string;
  readonly kind: 'baseline' | 'learned';
  readonly summary: string;
  readonly params: readonly ParamSpec[];
}

/**
 * A definition without its factory, as `hexcast models --json` prints it and the app lists it.
 * @example modelInfo(NAIVE).id // → 'naive'
 */
export function modelInfo({ id, label, kind, summary, params }: ModelDefinition): ModelInfo {
  return { id, label, kind, summary, params };
}
