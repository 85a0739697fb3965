/**
 * The module Web Worker entry: one Session answering the app's requests (see `serve`). Learned
 * models start their TensorFlow.js backend here, in the browser, with the WASM file map the app
 * sends (Vite hashes the file names, so a folder prefix would not do). The first import installs
 * the same-origin network guard before any other module runs (see install-same-origin-guard.ts).
 */
import './install-same-origin-guard';
import { serve, type ServerPort } from './serve';
import { Session, type BackendStarter } from './session';
import { listenForTestCrash, listenForTestFetch } from './test-crash';

let backend: { key: string; name: Promise<string> } | undefined;

const startBackend: BackendStarter = (preference, wasmPaths) => {
  const key = `${preference}`;
  if (backend?.key !== key) {
    const name = (async () => {
      if (!wasmPaths) throw new Error('The app did not send the TensorFlow.js WASM file map');
      const tf = await import('../forecast/tf');
      const choice = await tf.initBrowserBackend({ wasmPaths, prefer: preference });
      return choice.backend;
    })();
    backend = { key, name };
    name.catch(() => (backend = undefined));
  }
  return backend.name;
};

if (import.meta.env.DEV || import.meta.env.VITE_HEXCAST_TEST_HOOKS === '1') {
  listenForTestCrash(self);
  listenForTestFetch(self);
}
serve(self as unknown as ServerPort, new Session(startBackend));
