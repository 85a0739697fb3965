/**
 * The learned (TensorFlow.js) models of Hexcast. This folder is the only place in the code
 * base that imports `@tensorflow/*`; everything that leaves it is numbers and typed arrays.
 */
export { GRAPH, GRU, LEARNED_TF, MLP, POISSON_GLM } from './definitions';
export { backendName, backendOrder, ensureBackend, initBrowserBackend, initNodeBackend, isSoftwareRenderer } from './backend';
export type { BackendChoice, BackendName, WasmFileMap } from './backend';
export { timeModels } from './timing';
export type { ModelTiming, TimingOptions } from './timing';
