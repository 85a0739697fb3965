import type { BackendStarter } from './session';

/**
 * Starts the TensorFlow.js backend in a browser worker (the app's worker and its pool's helpers)
 * with the WASM file map the app sends (Vite hashes the file names, so a folder prefix would not
 * do); started once per preference, again after a failure.
 */
export function browserBackendStarter(): BackendStarter {
  let backend: { key: string; name: Promise<string> } | undefined;
  return (preference, wasmPaths) => {
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
}
