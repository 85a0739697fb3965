/**
 * # The Hexcast model API (version `HEXCAST_MODEL_API` = 1)
 *
 * The one public entry point for forecasters written outside Hexcast — in a TypeScript or
 * JavaScript file, a notebook or a script. It is the contract the built-in models use
 * themselves: a `ModelDefinition` (id, label, summary, parameters and a `create` factory) whose
 * `Forecaster` is fitted on a `History` that ends at a cutoff and predicts `horizon × cells`
 * expected counts, step-major (`out[h * cells + c]`). The guide is docs/own-model.md; a worked
 * example is examples/same-week-four-year-mean.ts.
 *
 * - Score a model file: `hexcast backtest … --model-file my-model.ts` (repeatable).
 * - Check it: `hexcast check-model my-model.ts` (or `checkForecaster` here), the contract test
 *   of every built-in model: shape, finite and ≥ 0, no reads past the cutoff, determinism.
 *
 * Everything exported here keeps its meaning while `HEXCAST_MODEL_API` stays 1.
 */
import type { ModelDefinition } from '../forecast/model-definition';
import { HEXCAST_MODEL_API } from './model-api-version';

export { HEXCAST_MODEL_API } from './model-api-version';
export type { FitOptions, FitProgress, Forecaster, TrainingEpoch, TrainingLog } from '../forecast/forecaster';
export { throwIfAborted } from '../forecast/forecaster';
export type { History } from '../forecast/history';
export { historyOf } from '../forecast/history';
export type { AutoPeriods, ModelContext, ModelDefinition, ModelSpec, ParamSpec, ParamValue } from '../forecast/model-definition';
export { resolveParams } from '../forecast/model-definition';
export type { ModelOrigin } from '../forecast/model-origin';
export type { BucketSpec, BucketUnit } from '../grid/time-bucket';
export { timeBucket } from '../grid/time-bucket';
export type { Panel } from '../grid/panel';
export type { Random } from '../base/random';
export { random } from '../base/random';
export { CONTRACT_CHECKS, checkForecaster, type ContractCheck } from './check-forecaster';
export { contractPanel, forecastAt, panelsDifferingFrom } from './contract-panels';
export { checkModelDefinition } from './check-model-definition';
export { userModels } from './user-models';

/** A model definition as written against a version of the model API. */
export type VersionedModelDefinition = ModelDefinition & { readonly apiVersion: number };

/**
 * Stamps a model definition with the API version it is written against, so a later Hexcast
 * with another API refuses it with a clear message instead of misreading it. Use it as a
 * module's default export: `export default defineModel({ id, label, kind: 'learned', … })`.
 * @example defineModel({ id: 'zero', label: 'Zero', kind: 'learned', summary: '', params: [], create }).apiVersion // → 1
 */
export function defineModel(definition: ModelDefinition): VersionedModelDefinition {
  return { ...definition, apiVersion: HEXCAST_MODEL_API };
}
