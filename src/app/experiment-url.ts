import { protocolOf, type Protocol } from '../lib/evaluate/protocol';
import { parseModelSpec } from '../lib/forecast/model-definition';
import { isTimeZone } from '../lib/base/time-zone';
import { BUCKET_UNITS, type BucketUnit } from '../lib/grid/time-bucket';
import { parseColumnMapping } from '../lib/io/column-mapping';
import type { BackendPreference } from '../lib/worker/protocol';
import { DEFAULT_BINNING, DEFAULT_MODELS } from '../lib/pipeline/defaults';
import { isExcept, type CategorySelection } from '../lib/pipeline/category-selection';
import type { DataSource, Experiment, ExternalRef } from './experiment';

const BACKENDS: readonly BackendPreference[] = ['auto', 'wasm', 'webgl', 'webgpu', 'cpu'];

/**
 * Writes an experiment as URL parameters (for the location hash), readable by people:
 * `sample=…` or one `file=name@sha256` per file, `mapping` as JSON, `res`, `bucket`, `tz`,
 * `cats` (JSON list of the categories kept) or `xcats` (JSON list of those left out, when that is
 * the shorter; neither = every category), `boundary=name@sha256` (a GeoJSON study region),
 * one `model=` per model spec (none: the default models), the protocol fields, `backend`, and one
 * `external=NAME:KIND=file@sha256` per forecast file made elsewhere.
 * @example encodeExperiment(defaultExperiment({ kind: 'sample', id: 'x' })).startsWith('v=1&sample=x') // → true
 */
export function encodeExperiment(experiment: Experiment): string {
  const params = new URLSearchParams();
  params.set('v', '1');
  if (experiment.source.kind === 'sample') params.set('sample', experiment.source.id);
  else for (const file of experiment.source.files) params.append('file', `${file.name}@${file.sha256}`);
  if (experiment.mapping) params.set('mapping', JSON.stringify(experiment.mapping));
  const { binning, protocol } = experiment;
  params.set('res', String(binning.res));
  params.set('bucket', binning.unit);
  if (binning.timeZone) params.set('tz', binning.timeZone);
  const categories = binning.categories;
  if (categories) params.set(isExcept(categories) ? 'xcats' : 'cats', JSON.stringify(isExcept(categories) ? categories.except : categories));
  if (experiment.boundary) params.set('boundary', `${experiment.boundary.name}@${experiment.boundary.sha256}`);
  for (const model of experiment.models) params.append('model', model);
  params.set('horizon', String(protocol.horizon));
  params.set('folds', String(protocol.folds));
  params.set('step', String(protocol.step));
  params.set('window', String(protocol.window));
  params.set('refit', String(protocol.refitEvery));
  params.set('validation', String(protocol.validation));
  params.set('coverage', protocol.coverage.join(','));
  params.set('seed', String(protocol.seed));
  params.set('backend', experiment.backend);
  for (const e of experiment.external ?? []) params.append('external', `${e.name}:${e.kind}=${e.file}@${e.sha256}`);
  return params.toString();
}

/**
 * Reads an experiment back from `encodeExperiment`'s parameters; returns null when they name no
 * data source (an empty hash). Throws an error naming the parameter, what it held and what
 * was expected.
 */
export function decodeExperiment(text: string): Experiment | null {
  const params = new URLSearchParams(text.replace(/^#/, ''));
  const sample = params.get('sample');
  const files = params.getAll('file');
  if (!sample && files.length === 0) return null;
  const source: DataSource = sample
    ? { kind: 'sample', id: sample }
    : {
        kind: 'files',
        files: files.map((value) => fileOf(value, 'file')),
      };
  const boundaryText = params.get('boundary');
  const boundary = boundaryText === null ? null : fileOf(boundaryText, 'boundary');
  const mappingText = params.get('mapping');
  const mapping = mappingText ? parseColumnMapping(json(mappingText, 'mapping')) : null;
  const res = integer(params, 'res') ?? DEFAULT_BINNING.res;
  if (res < 0 || res > 15) throw new Error(`URL parameter 'res' is ${res}: expected an H3 resolution from 0 to 15`);
  const unit = (params.get('bucket') ?? DEFAULT_BINNING.unit) as BucketUnit;
  if (!BUCKET_UNITS.includes(unit)) throw new Error(`URL parameter 'bucket' is '${unit}': expected one of ${BUCKET_UNITS.join(', ')}`);
  const timeZone = params.get('tz');
  if (timeZone !== null && !isTimeZone(timeZone)) throw new Error(`URL parameter 'tz' is '${timeZone}': expected an IANA time zone such as America/Chicago`);
  const kept = nameList(params, 'cats');
  const left = nameList(params, 'xcats');
  if (kept && left) throw new Error(`URL parameters 'cats' and 'xcats' are both given: expected at most one (the categories kept, or those left out)`);
  const categories: CategorySelection = kept ?? (left ? { except: left } : null);
  const given = params.getAll('model');
  for (const model of given) parseModelSpec(model);
  const models = given.length > 0 ? given : DEFAULT_MODELS;
  // Parameters left out take the core's defaults (protocolOf fills them from DEFAULT_PROTOCOL).
  const window = params.get('window');
  const coverage = params.get('coverage');
  const fields: Partial<Record<keyof Protocol, unknown>> = {
    horizon: integer(params, 'horizon'),
    folds: params.get('folds') === 'auto' ? 'auto' : integer(params, 'folds'),
    step: integer(params, 'step'),
    window: window === null || window === 'expanding' ? (window ?? undefined) : integer(params, 'window'),
    refitEvery: integer(params, 'refit'),
    validation: integer(params, 'validation'),
    coverage: coverage === null ? undefined : coverage.split(',').map((c) => number(c, 'coverage')),
    seed: integer(params, 'seed'),
  };
  const protocol: Protocol = protocolOf(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Protocol>);
  const backend = (params.get('backend') ?? 'auto') as BackendPreference;
  if (!BACKENDS.includes(backend)) throw new Error(`URL parameter 'backend' is '${backend}': expected one of ${BACKENDS.join(', ')}`);
  const external = params.getAll('external').map(externalOf);
  return { source, mapping, binning: { res, unit, timeZone, categories }, boundary, models, protocol, backend, ...(external.length && { external }) };
}

/** A forecast file as `NAME:KIND=file@sha256`. */
function externalOf(value: string): ExternalRef {
  const match = /^([\w.-]+):(auto|count|score|flags)=(.+)$/.exec(value);
  if (!match) throw new Error(`URL parameter 'external' is '${value}': expected NAME:KIND=file@sha256, KIND one of auto, count, score, flags`);
  const file = fileOf(match[3], 'external');
  return { name: match[1], kind: match[2] as ExternalRef['kind'], file: file.name, sha256: file.sha256 };
}

/** The JSON list of category names in parameter `name`, or null when the URL leaves it out. */
function nameList(params: URLSearchParams, name: string): string[] | null {
  const text = params.get(name);
  if (text === null) return null;
  const value = json(text, name);
  if (!Array.isArray(value) || !value.every((c) => typeof c === 'string'))
    throw new Error(`URL parameter '${name}' is '${text.slice(0, 80)}': expected a JSON list of category names`);
  return value;
}

/** A file named by `name@sha256`, as links name the files they need. */
function fileOf(value: string, name: string): { name: string; sha256: string } {
  const at = value.lastIndexOf('@');
  const sha256 = value.slice(at + 1);
  if (at <= 0 || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`URL parameter '${name}' is '${value}': expected name@sha256 (64 hex digits)`);
  return { name: value.slice(0, at), sha256 };
}

/** The whole number in parameter `name`, or undefined when the URL leaves it out. */
function integer(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const value = number(text, name);
  if (!Number.isInteger(value)) throw new Error(`URL parameter '${name}' is '${text}': expected a whole number`);
  return value;
}

function number(text: string, name: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`URL parameter '${name}' is '${text}': expected a number`);
  return value;
}

function json(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`URL parameter '${name}' is not valid JSON: '${text.slice(0, 80)}'`);
  }
}
