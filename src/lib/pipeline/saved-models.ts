import { HEXCAST_VERSION, LIBRARY_VERSIONS } from '../base/versions';
import { InputError } from '../base/hexcast-error';
import { firstIncidentPeriods, modelUniverse } from '../evaluate/model-universe';
import type { FitProgress } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { createModel, parseModelSpec, resolveParams, type ModelDefinition } from '../forecast/model-definition';
import { neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictPanel } from '../grid/restrict-panel';
import { sha256Hex } from '../io/sha256-hex';

// Trained models saved and re-tested on later data: fit a learned model once and write it as one
// file (`fitAndSave`), and read such files back as frozen model definitions (`frozenModels`) that
// any backtest scores with the rest. tfjs is imported on demand, as for every learned model.

/** A saved model fitted by `fitAndSave`: the file's bytes and what it holds. */
export interface SavedModel {
  readonly bytes: Uint8Array;
  /** The fitted model's name ('poisson-glm'). */
  readonly name: string;
  /** Training periods and cells, and the first and last training period (epoch ms). */
  readonly periods: number;
  readonly cells: number;
}

/**
 * Fits one learned model (`spec`: 'poisson-glm', 'mlp:hidden=16', …) once on the periods of
 * `panel` before `cutoff` (default: every period) — on the cells with an incident in them, as in
 * a backtest fold — and returns it as a saved-model file (`savedModelBytes`). Throws a RangeError
 * for a spec that is not a learned tfjs model or a cutoff out of range.
 * @example (await fitAndSave(panel, 'poisson-glm', { seed: 42, validation: 8 })).name // → 'poisson-glm'
 */
export async function fitAndSave(
  panel: Panel,
  specText: string,
  options: {
    readonly cutoff?: number;
    readonly seed: number;
    readonly validation: number;
    readonly signal?: AbortSignal;
    readonly onProgress?: (p: FitProgress) => void;
  },
): Promise<SavedModel> {
  const tf = await import('../forecast/tf');
  const spec = parseModelSpec(specText);
  const savable = [...tf.LEARNED_TF, tf.BUILD];
  const definition = savable.find((d) => d.id === spec.id);
  if (!definition) throw new RangeError(`only learned models can be saved (${savable.map((d) => d.id).join(', ')}); got '${spec.id}'`);
  const P = panel.periods.length;
  const cutoff = options.cutoff ?? P;
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > P) throw new RangeError(`the training span must end between period 1 and ${P}; got ${cutoff}`);
  const cells = modelUniverse(firstIncidentPeriods(panel), cutoff);
  if (cells.length === 0) throw new InputError('no cell has an incident in the training span: there is nothing to fit', { code: 'nothing-to-bin' });
  const seen = cells.length === panel.cells.length ? panel : restrictPanel(panel, cells);
  const context = { res: panel.res, bucket: panel.bucket };
  const model = createModel(spec, savable, context);
  try {
    await tf.ensureBackend();
    await model.fit(historyOf(seen, neighbours(seen.cells, 2), cutoff), options);
    const state = tf.isFreezable(model) ? model.fittedState() : undefined;
    if (!state) throw new Error(`model '${model.name}' has no fitted state to save`);
    const full = {
      ...state,
      model: { id: definition.id, params: resolveParams(definition, spec.params), name: model.name },
      res: panel.res,
      bucket: panel.bucket,
    };
    const bytes = await tf.savedModelBytes(full, { hexcast: HEXCAST_VERSION, ...LIBRARY_VERSIONS });
    return { bytes, name: model.name, periods: state.trainedOn.periods, cells: state.trainedOn.cells };
  } finally {
    model.dispose?.();
  }
}

/**
 * Reads saved-model files as model definitions that forecast frozen (`frozenDefinition`), with
 * ids not in `taken`; checks each against the panel's H3 resolution and bucket up front. Throws
 * the InputError of the first file that is not a saved model ('saved-model-invalid') or does not
 * fit the panel ('saved-model-mismatch'), naming it.
 * @example (await frozenModels([{ name: 'glm.json', bytes }], panel, ALL_MODELS))[0].id // → 'frozen-poisson-glm'
 */
export async function frozenModels(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  panel: Pick<Panel, 'res' | 'bucket'>,
  taken: readonly ModelDefinition[],
): Promise<ModelDefinition[]> {
  if (files.length === 0) return [];
  const tf = await import('../forecast/tf');
  const out: ModelDefinition[] = [];
  for (const file of files) {
    const state = tf.readSavedModel(file.bytes, file.name);
    if (state.res !== panel.res || state.bucket.unit !== panel.bucket.unit || state.bucket.timeZone !== panel.bucket.timeZone) {
      throw new InputError(
        `saved model '${file.name}' was fitted on H3 resolution ${state.res} with ${state.bucket.unit} buckets (${state.bucket.timeZone}); this panel has resolution ${panel.res} with ${panel.bucket.unit} buckets (${panel.bucket.timeZone}): bin the data as it was`,
        { code: 'saved-model-mismatch', file: file.name },
      );
    }
    out.push(tf.frozenDefinition(state, { file: file.name, sha256: await sha256Hex(file.bytes) }, [...taken, ...out]));
  }
  return out;
}
