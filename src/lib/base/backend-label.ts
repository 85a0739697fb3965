/**
 * A TensorFlow.js backend and its threads for people: 'wasm, 1 thread', 'wasm, 4 threads', and
 * 'webgl, GPU' for a GPU backend (threads null: the GPU's own parallelism).
 * @example backendLabel('wasm', 1) // → 'wasm, 1 thread'
 * @example backendLabel('webgpu', null) // → 'webgpu, GPU'
 */
export function backendLabel(backend: string, threads: number | null): string {
  return `${backend}, ${threads === null ? 'GPU' : `${threads} thread${threads === 1 ? '' : 's'}`}`;
}
