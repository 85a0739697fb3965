import { errorData } from '../base/hexcast-error';
import { forecastJobTasks } from '../evaluate/forecast-job';
import { modelRegistry } from '../forecast/models';
import type { Panel } from '../grid/panel';
import type { HelperAnswer, HelperRequest } from './pool-messages';
import type { BackendStarter } from './session';

/** The side of a helper worker's global scope (or a MessagePort) that `serveHelper` uses. */
export interface HelperScope {
  postMessage(message: HelperAnswer, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: HelperRequest }) => void): void;
}

/**
 * A helper worker of the app's `WorkerPool`: keeps the panel it is sent once and forecasts the
 * fold tasks it is sent, one request after another in arrival order (the pool keeps a second
 * request waiting here, so a helper never idles while its worker is busy), with the registry's
 * models (`forecastJobTasks`, as the worker itself would); learned models first start the same
 * tfjs backend as the worker. Each fold's and fit step's progress goes back as it happens (the
 * worker forwards it to the page, so a spread run draws the same training curves), and the
 * forecasts at the end with their buffers transferred.
 */
export function serveHelper(scope: HelperScope, startBackend: BackendStarter): void {
  let panel: Panel | undefined;
  let chain: Promise<void> = Promise.resolve();
  scope.addEventListener('message', ({ data }) => {
    if (data.type === 'panel') {
      panel = data.panel;
      return;
    }
    const held = panel;
    chain = chain.then(async () => {
      try {
        if (!held) throw new Error('a helper worker was sent tasks before the panel');
        const registry = await modelRegistry(data.job.models.map((m) => m.id));
        if (data.job.models.some((m) => registry.tensorflow.has(m.id))) await startBackend(data.backend.preference, data.backend.wasmPaths);
        const parts = await forecastJobTasks(held, data.job, data.tasks, registry.definitions, undefined, (model, fold, fit) =>
          scope.postMessage({ id: data.id, progress: { model, fold, ...(fit && { fit }) } }, []),
        );
        scope.postMessage(
          { id: data.id, parts },
          parts.map((p) => p.values.buffer as ArrayBuffer),
        );
      } catch (error) {
        scope.postMessage({ id: data.id, error: errorData(error) }, []);
      }
    });
  });
}
