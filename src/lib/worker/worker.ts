/**
 * The module Web Worker entry: one Session answering the app's requests (see `serve`). Learned
 * models start their TensorFlow.js backend here, in the browser, with the WASM file map the app
 * sends (`browserBackendStarter`). Expensive runs spread their fold tasks over helper workers that
 * this worker starts (`WorkerPool`, entry helper.ts). The first import installs the same-origin
 * network guard before any other module runs (see install-same-origin-guard.ts).
 */
import './install-same-origin-guard';
import { browserBackendStarter } from './browser-backend';
import { serve, type ServerPort } from './serve';
import { Session } from './session';
import { listenForTestCrash, listenForTestFetch } from './test-crash';
import { WorkerPool, type HelperWorker } from './worker-pool';

/** A helper Web Worker as the pool drives it; a helper that fails to load or throws outside a task reports it once. */
const spawnHelper = (): HelperWorker => {
  if (typeof Worker !== 'function') throw new Error('this browser cannot start a worker from a worker');
  const worker = new Worker(new URL('./helper.ts', import.meta.url), { type: 'module', name: 'hexcast-helper' });
  return {
    post: (message) => worker.postMessage(message),
    listen(onAnswer, onFail) {
      worker.onmessage = (event) => onAnswer(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFail(event.message || 'a helper worker could not start');
      };
      worker.onmessageerror = () => onFail('a helper worker sent a message that could not be read');
    },
    terminate: () => worker.terminate(),
  };
};

if (import.meta.env.DEV || import.meta.env.VITE_HEXCAST_TEST_HOOKS === '1') {
  listenForTestCrash(self);
  listenForTestFetch(self);
}
serve(self as unknown as ServerPort, new Session(browserBackendStarter(), new WorkerPool(spawnHelper)));
