import { InputError } from '../base/hexcast-error';
import type { ModelDefinition } from '../forecast/model-definition';
import { resolveParams } from '../forecast/model-definition';
import type { ModelOrigin } from '../forecast/model-origin';
import { HEXCAST_MODEL_API } from './model-api-version';

/** A user's code file, as the report names it. */
export type UserCodeOrigin = Extract<ModelOrigin, { kind: 'user-code' }>;

/**
 * The model definitions a user's module exports, checked and marked as user code: its default
 * export (a definition, or an array of them) or, without one, its named `models` export.
 * Each must have an id (lowercase letters, digits, hyphens) no built-in model uses, a label, a
 * params array whose defaults resolve, and a `create` function; `apiVersion`, when present, must
 * be `HEXCAST_MODEL_API`. Every user model is scored as a candidate (kind 'learned'), never as a
 * baseline, so it cannot become the yardstick it is compared with. Throws an InputError
 * ('model-file') naming the file and what is wrong.
 * @example userModels(await import('./examples/same-week-four-year-mean.ts'), origin, ALL_MODELS)[0].id // → 'same-week-mean'
 */
export function userModels(module: Record<string, unknown>, origin: UserCodeOrigin, taken: readonly ModelDefinition[]): ModelDefinition[] {
  const fail = (message: string): never => {
    throw new InputError(`model file '${origin.file}': ${message}`, { code: 'model-file', file: origin.file });
  };
  const exported = module.default ?? module.models;
  if (exported === undefined) {
    fail(`exports no model: write 'export default defineModel({ id, label, summary, params, create })' (see docs/own-model.md)`);
  }
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0) fail('its default export is an empty array: export at least one model definition');
  const ids = new Set(taken.map((d) => d.id));
  return list.map((item, i): ModelDefinition => {
    const which = list.length > 1 ? `model ${i + 1}` : 'its default export';
    if (typeof item !== 'object' || item === null) return fail(`${which} is ${item === null ? 'null' : `a ${typeof item}`}, not a model definition object`);
    const d = item as Partial<ModelDefinition> & { apiVersion?: unknown };
    if (d.apiVersion !== undefined && d.apiVersion !== HEXCAST_MODEL_API) {
      fail(`${which} was written for model API ${String(d.apiVersion)}; this Hexcast reads model API ${HEXCAST_MODEL_API}`);
    }
    if (typeof d.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(d.id))
      fail(`${which} has id ${JSON.stringify(d.id)}; an id is lowercase letters, digits and hyphens, starting with a letter`);
    const id = d.id as string;
    if (ids.has(id)) fail(`the id '${id}' is already taken (a built-in model or another model file); choose another`);
    ids.add(id);
    if (typeof d.create !== 'function') fail(`model '${id}' has no create(params, context) function returning a Forecaster`);
    if (d.params !== undefined && !Array.isArray(d.params)) fail(`model '${id}': params must be an array of parameter specs ([] for none)`);
    const definition: ModelDefinition = {
      id,
      label: typeof d.label === 'string' && d.label ? d.label : id,
      kind: 'learned',
      summary: typeof d.summary === 'string' ? d.summary : '',
      params: d.params ?? [],
      ...(d.autoPeriods && { autoPeriods: d.autoPeriods }),
      create: d.create!.bind(d),
      origin,
    };
    try {
      resolveParams(definition, {});
    } catch (error) {
      fail(`model '${id}': its parameter defaults do not resolve: ${(error as Error).message}`);
    }
    return definition;
  });
}
