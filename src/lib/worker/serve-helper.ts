import { errorData } from '../base/hexcast-error';
import { forecastJobTasks } from '../evaluate/forecast-job';
import { modelRegistry } from '../forecast/models';
import type { Panel } from '../grid/panel';
import { warmCache } from '../grid/bin-with-cache';
import { CellCache } from '../grid/cell-cache';
import { blobSource } from '../io/byte-source';
import { createSha256 } from '../io/sha256-stream';
import { readArrowStream } from '../io/read-arrow-stream';
import { rawCoordinates } from './raw-coordinates';
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
    if (data.type === 'hash' || data.type === 'warm') {
      chain = chain.then(() => sideTask(scope, data));
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

/**
 * A side task of the worker's `SideHelper`, answered once: `hash`, each file's SHA-256 and the one
 * over all in order (`createSha256` over the files' bytes, as the worker's own open would);
 * `warm`, the Arrow files' points (read again here) looked up in a `CellCache` (`warmCache`),
 * its table transferred.
 */
async function sideTask(scope: HelperScope, data: Extract<HelperRequest, { type: 'hash' | 'warm' }>): Promise<void> {
  try {
    if (data.type === 'hash') {
      const all = createSha256();
      const files: string[] = [];
      for (const [i, blob] of data.files.entries()) {
        const own = createSha256();
        for await (const chunk of blobSource(blob, `file ${i + 1}`).chunks()) {
          own.update(chunk);
          if (data.files.length > 1) all.update(chunk);
        }
        files.push(own.hex());
      }
      scope.postMessage({ id: data.id, hashes: { files, all: data.files.length > 1 ? all.hex() : files[0] } }, []);
    } else {
      const sources = [];
      for (const [i, blob] of data.files.entries()) sources.push(await readArrowStream(blobSource(blob, `file ${i + 1}`)));
      const coordinates = rawCoordinates(sources, data.location);
      if (!coordinates) throw new Error('the files have no numeric lat/lng columns to look up');
      const cache = new CellCache(data.res, Math.min(coordinates.lat.length >>> 2, 1 << 20));
      warmCache(cache, coordinates.lat, coordinates.lng);
      const state = cache.state();
      scope.postMessage({ id: data.id, cache: state }, [state.keys.buffer as ArrayBuffer, state.values.buffer as ArrayBuffer]);
    }
  } catch (error) {
    scope.postMessage({ id: data.id, error: errorData(error) }, []);
  }
}
