/**
 * A TensorFlow.js backend and its threads for people: 'wasm, 1 thread', 'wasm, 4 threads', and
 * 'webgl, GPU' for a GPU backend (threads null: the GPU's own parallelism).
 * @example backendLabel('wasm', 1) // → 'wasm, 1 thread'
 * @example backendLabel('webgpu', null) // → 'webgpu, GPU'
 */
export function backendLabel(backend: string, threads: number | null): string {
  return `${backend}, ${threads === null ? 'GPU' : `${threads} thread${threads === 1 ? '' : 's'}`}`;
}

/** Why the browser's WASM backend runs on one thread: the page is not cross-origin isolated (docs/hosting.md). */
export const SINGLE_THREAD_NOTE = 'single-threaded: this host does not send the isolation headers';

/**
 * The note shown after the backend when WASM runs on one thread because the page is not
 * cross-origin isolated (no COOP/COEP headers: SharedArrayBuffer, so WASM threads, are off);
 * null otherwise.
 * @example isolationNote('wasm', 1, false) // → 'single-threaded: this host does not send the isolation headers'
 * @example isolationNote('wasm', 2, true) // → null
 */
export function isolationNote(backend: string, threads: number | null, isolated: boolean): string | null {
  return backend === 'wasm' && threads === 1 && !isolated ? SINGLE_THREAD_NOTE : null;
}
