import type { ErrorData } from '../base/hexcast-error';
import type { FoldTask, FoldsForecast } from '../evaluate/fold-tasks';
import type { ForecastJob } from '../evaluate/forecast-job';
import type { FitProgress } from '../forecast/forecaster';
import type { Panel } from '../grid/panel';
import type { BackendPreference, WasmPaths } from './protocol';

/**
 * The messages between the app's worker and its helper workers (`WorkerPool`, `serveHelper`),
 * types only. The panel goes to a helper once (`panel`; its counts in a SharedArrayBuffer when the
 * page is cross-origin isolated); each `tasks` request is answered by one message of the same id,
 * its forecasts' buffers transferred, after progress messages of that id.
 */
export type HelperRequest =
  | { readonly type: 'panel'; readonly panel: Panel }
  | {
      readonly type: 'tasks';
      readonly id: number;
      readonly job: ForecastJob;
      readonly tasks: readonly FoldTask[];
      /** The run's tfjs backend choice, for learned models (the helper starts the same backend as the worker). */
      readonly backend: { readonly preference: BackendPreference; readonly wasmPaths?: WasmPaths };
    };

/**
 * A helper's answer to a `tasks` request: its forecasts or its error (one, last), and before that
 * each fold's and fit step's progress as the fold task reports it (`FoldProgress`: the model's
 * index in the run, the fold of the whole run, the fit's step), in the order they happen.
 */
export type HelperAnswer =
  | { readonly id: number; readonly parts: FoldsForecast[] }
  | { readonly id: number; readonly error: ErrorData }
  | { readonly id: number; readonly progress: { readonly model: number; readonly fold: number; readonly fit?: FitProgress } };
