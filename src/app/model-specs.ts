import { formatModelSpec, parseModelSpec, resolveParams, type ModelDefinition, type ParamValue } from '../lib/forecast/model-definition';
import type { ModelInfo } from '../lib/worker/protocol';

/** A catalogue entry as a definition for `formatModelSpec`/`resolveParams` (models are only created in the worker). */
export function definitionOf(info: ModelInfo): ModelDefinition {
  return {
    ...info,
    create: () => {
      throw new Error(`Model '${info.id}' is created in the worker, not on the main thread`);
    },
  };
}

/**
 * Turns a model on (with its default parameters, placed in catalogue order) or off (every spec
 * with that id) in a list of specs.
 * @example toggleModel(['kde'], catalogue, 'naive', true) // → ['naive', 'kde']
 */
export function toggleModel(specs: readonly string[], catalogue: readonly ModelInfo[], id: string, on: boolean): string[] {
  const kept = specs.filter((s) => parseModelSpec(s).id !== id);
  if (!on) return kept;
  const order = (spec: string): number => {
    const index = catalogue.findIndex((m) => m.id === parseModelSpec(spec).id);
    return index < 0 ? catalogue.length : index;
  };
  return [...kept, id].sort((a, b) => order(a) - order(b));
}

/**
 * Sets one parameter of spec `index`, validated against its definition; returns the new list,
 * or an error message naming the parameter and its range.
 * @example setModelParam(['ewma'], 0, EWMA_INFO, 'alpha', 0.3) // → { specs: ['ewma:alpha=0.3'] }
 */
export function setModelParam(
  specs: readonly string[],
  index: number,
  info: ModelInfo,
  name: string,
  value: ParamValue,
): { specs: string[]; error?: undefined } | { specs?: undefined; error: string } {
  const spec = parseModelSpec(specs[index]);
  const params = { ...spec.params, [name]: value };
  const definition = definitionOf(info);
  try {
    resolveParams(definition, params);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const next = [...specs];
  next[index] = formatModelSpec({ id: spec.id, params }, definition);
  return { specs: next };
}

/** The value of each parameter of a spec, defaults filled in. */
export function paramValues(spec: string, info: ModelInfo): Record<string, ParamValue> {
  const { params } = parseModelSpec(spec);
  return Object.fromEntries(info.params.map((p) => [p.name, p.name in params ? params[p.name] : p.default]));
}
