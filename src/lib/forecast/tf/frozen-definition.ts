import { isoOf } from '../../base/iso-of';
import { InputError } from '../../base/hexcast-error';
import type { ModelOrigin } from '../model-origin';
import { formatModelSpec, type ModelDefinition } from '../model-definition';
import { BUILD } from './build-definition';
import { LEARNED_TF } from './definitions';
import { isFreezable, type FittedState } from './fitted-state';

/**
 * A model definition that forecasts with a saved model's weights and never refits ("train once,
 * test on the next year"): its id is `frozen-<model id>` (with `-2`, `-3`… when `taken` has it),
 * its forecaster's name `frozen-<name>(until YYYY-MM-DD)`, and its origin records the file, its
 * SHA-256 and the training span for the report. Each fold's `fit` only conditions it on the
 * history before the cutoff; a cutoff inside the training span is refused (`thaw`).
 * @example frozenDefinition(state, { file: 'glm.json', sha256 }, ALL).id // → 'frozen-poisson-glm'
 */
export function frozenDefinition(
  state: FittedState,
  source: { readonly file: string; readonly sha256: string },
  taken: readonly ModelDefinition[],
): ModelDefinition {
  const base = [...LEARNED_TF, BUILD].find((d) => d.id === state.model.id);
  if (!base)
    throw new InputError(`saved model '${source.file}' holds model '${state.model.id}', which this Hexcast does not have`, {
      code: 'saved-model-invalid',
      file: source.file,
    });
  let id = `frozen-${base.id}`;
  for (let k = 2; taken.some((d) => d.id === id); k++) id = `frozen-${base.id}-${k}`;
  const iso = (t: number): string => isoOf(t, state.bucket.clock);
  const until = iso(state.trainedOn.end).slice(0, 10);
  const origin: ModelOrigin = {
    kind: 'frozen',
    file: source.file,
    sha256: source.sha256,
    model: formatModelSpec({ id: base.id, params: state.model.params }, base),
    trainedOn: { first: iso(state.trainedOn.first), last: iso(state.trainedOn.last), periods: state.trainedOn.periods, cells: state.trainedOn.cells },
  };
  return {
    id,
    label: `${base.label}, frozen`,
    kind: 'learned',
    summary: `${base.label} fitted once on ${origin.trainedOn.first.slice(0, 10)} … ${origin.trainedOn.last.slice(0, 10)} and saved; forecasts later data without refitting.`,
    params: [],
    origin,
    create(_, context) {
      if (context.res !== state.res || context.bucket.unit !== state.bucket.unit) {
        throw new InputError(
          `saved model '${source.file}' was fitted on H3 resolution ${state.res} with ${state.bucket.unit} buckets; this panel has resolution ${context.res} with ${context.bucket.unit} buckets: bin the data as it was (--res ${state.res} --bucket ${state.bucket.unit})`,
          { code: 'saved-model-mismatch', file: source.file },
        );
      }
      const model = base.create(state.model.params, context);
      if (!isFreezable(model)) throw new Error(`model '${base.id}' cannot be frozen`);
      model.freeze(state);
      return { ...model, name: `frozen-${state.model.name}(until ${until})` };
    },
  };
}
