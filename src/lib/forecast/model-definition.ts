import type { BucketSpec, BucketUnit } from '../grid/time-bucket';
import type { Forecaster } from './forecaster';
import type { ModelOrigin } from './model-origin';

/** A parameter value as it travels through URLs, CLI flags and reports. */
export type ParamValue = number | boolean | string;

/** One tunable parameter of a model, described well enough for the CLI and the app to render. */
export interface ParamSpec {
  readonly name: string;
  readonly label: string;
  /** `text`: free text the model's factory checks against its own grammar (a built model's features). */
  readonly type: 'integer' | 'number' | 'boolean' | 'choice' | 'text';
  readonly default: ParamValue;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
  /** One sentence, with the unit (periods, rings, metres). */
  readonly doc: string;
}

/** What a model factory may know about the panel before seeing any data. */
export interface ModelContext {
  readonly res: number;
  readonly bucket: BucketSpec;
}

/**
 * A period-count parameter whose 0 means "auto": it then takes `byBucket[unit]` periods, and
 * `fitToPanel` may shorten it (down to 1) when the panel is too short for that, if `shrinks`.
 * A window shrinks (a shorter look-back is the same model, smoothing less); a season does not
 * (a shorter span is not a season), so a model whose season does not fit is left out.
 */
export interface AutoPeriods {
  readonly name: string;
  readonly byBucket: Readonly<Record<BucketUnit, number>>;
  readonly shrinks: boolean;
}

/**
 * A kind of model: its id, documentation and parameters, and a factory. Baselines and
 * learned models are defined the same way and listed, run and scored together.
 */
export interface ModelDefinition {
  /** Stable identifier used in specs: lowercase, digits and hyphens ('window-average'). */
  readonly id: string;
  readonly label: string;
  readonly kind: 'baseline' | 'learned';
  /** One line for menus and reports. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** The parameters among `params` that are period counts with 0 = auto (see `AutoPeriods`). */
  readonly autoPeriods?: readonly AutoPeriods[];
  create(params: Readonly<Record<string, ParamValue>>, context: ModelContext): Forecaster;
  /** Where a model that is not built in came from (user code, a saved model); the report shows it. */
  readonly origin?: ModelOrigin;
}

/** A serialisable choice of model and parameters: `{ id: 'ewma', params: { alpha: 0.3 } }`. */
export interface ModelSpec {
  readonly id: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * Parses a model spec written as `id[:key=value]…`, e.g. `window-average:k=4` or
 * `kde:rings=2:window=8`. Values are numbers when they parse as numbers, booleans for
 * `true`/`false`, strings otherwise. Validation against a definition is `resolveParams`'s job.
 * @example parseModelSpec('ewma:alpha=0.3') // → { id: 'ewma', params: { alpha: 0.3 } }
 */
export function parseModelSpec(text: string): ModelSpec {
  const [id, ...pairs] = text.trim().split(':');
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`Model spec '${text}': '${id}' is not a model id (lowercase letters, digits, hyphens)`);
  const params: Record<string, ParamValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`Model spec '${text}': expected key=value after ':', got '${pair}'`);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    params[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return { id, params };
}

/**
 * Writes a spec back in `id:key=value` form with keys in the definition's order and values
 * equal to the default left out, so equal models get equal strings.
 * @example formatModelSpec({ id: 'ewma', params: { alpha: 0.3 } }) // → 'ewma:alpha=0.3'
 */
export function formatModelSpec(spec: ModelSpec, definition?: ModelDefinition): string {
  const keys = definition ? definition.params.map((p) => p.name).filter((k) => k in spec.params) : Object.keys(spec.params).sort();
  const parts = keys.filter((k) => !definition || definition.params.find((p) => p.name === k)?.default !== spec.params[k]).map((k) => `${k}=${spec.params[k]}`);
  return [spec.id, ...parts].join(':');
}

/**
 * Fills defaults and checks every value against the definition: unknown keys, wrong types and
 * values out of [min, max] throw a message naming the model, the parameter and the range.
 */
export function resolveParams(definition: ModelDefinition, params: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const known = new Set(definition.params.map((p) => p.name));
  for (const key of Object.keys(params)) {
    if (!known.has(key)) {
      const list = definition.params.map((p) => p.name).join(', ') || 'none';
      throw new Error(`Model '${definition.id}' has no parameter '${key}' (parameters: ${list})`);
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of definition.params) {
    const value = spec.name in params ? params[spec.name] : spec.default;
    const where = `Model '${definition.id}', parameter '${spec.name}'`;
    if (spec.type === 'text') {
      if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${where} must be text, got ${String(value)}`);
      out[spec.name] = String(value);
      continue;
    }
    if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') throw new Error(`${where} must be true or false, got ${String(value)}`);
    } else if (spec.type === 'choice') {
      if (typeof value !== 'string' || !spec.choices?.includes(value)) {
        throw new Error(`${where} must be one of ${spec.choices?.join(', ')}, got ${String(value)}`);
      }
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number, got ${String(value)}`);
      if (spec.type === 'integer' && !Number.isInteger(value)) throw new Error(`${where} must be a whole number, got ${value}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw new Error(`${where} must lie in [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}], got ${value}`);
      }
    }
    out[spec.name] = value;
  }
  return out;
}

/**
 * Creates a forecaster from a spec using the first definition with that id; throws, listing
 * the known ids, when there is none.
 */
export function createModel(spec: ModelSpec, definitions: readonly ModelDefinition[], context: ModelContext): Forecaster {
  const definition = definitions.find((d) => d.id === spec.id);
  if (!definition) throw new Error(`Unknown model '${spec.id}'; known models: ${definitions.map((d) => d.id).join(', ')}`);
  return definition.create(resolveParams(definition, spec.params), context);
}
