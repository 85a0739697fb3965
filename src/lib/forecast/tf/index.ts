/**
 * The learned (TensorFlow.js) models of Hexcast. This folder is the only place in the code
 * base that imports `@tensorflow/*`; everything that leaves it is numbers and typed arrays.
 *
 * Models (`LEARNED_TF`, each a Forecaster behind a ModelDefinition of kind 'learned'):
 * - `poisson-glm`: Poisson regression, log link, fitted by Newton/IRLS to the maximum-likelihood
 *   estimate (irls.ts) on the shared features (features.ts).
 * - `mlp`: GLM + a two-layer perceptron on the same features (wide and deep).
 * - `gru`: GLM + a GRU over each cell's last `window` periods (its count and the ring-1/ring-2
 *   neighbour means as channels), weights shared by all cells. A GRU rather than a temporal
 *   convolution: the WASM backend has no Conv2DBackpropFilter kernel, so a trainable conv1d
 *   would fall back to slower hand-written ops, and a GRU is what the claims being checked use.
 * - `graph`: GLM + graph convolutions with Â = D^−½(A + I)D^−½ over H3 ring-1 neighbours in
 *   each of the last `window` periods, then a temporal layer over the window (graph-network.ts).
 *
 * - `build`: a model from the builder (build-definition.ts): features chosen token by token
 *   (forecast/builder), any of the four architectures, its own training settings.
 *
 * Shared choices:
 * - Features are computed from the training span only: lags, window means, neighbour means,
 *   an empirical-Bayes long-run cell rate, the area's recent level, and only the calendar
 *   terms (hour, weekday, time of year) and seasonal lags the span can support.
 * - The networks start from the fitted GLM, hold it fixed and learn what it misses (CANN,
 *   Wüthrich & Merz 2019); `warmStart: false` trains them from scratch instead.
 * - Adam (adam.ts) on the Poisson likelihood, seeded initialisation and shuffling, early
 *   stopping on the protocol's validation span with the best epoch's weights restored (kept,
 *   not retrained: `refit: true` retrains on all periods for the chosen number of epochs).
 * - Multi-step forecasts are recursive: each step's forecast means are fed back as counts.
 * - Backends (backend.ts): WASM in Node; WebGPU → WebGL → WASM → CPU in the browser, skipping
 *   software renderers. Models call `ensureBackend()`; a browser shell should call
 *   `initBrowserBackend({ wasmPaths })` first (otherwise tfjs's default backend is used).
 */
export { GRAPH, GRU, LEARNED_TF, MLP, POISSON_GLM } from './definitions';
export { BUILD } from './build-definition';
export { backendName, backendOrder, backendThreads, ensureBackend, initBrowserBackend, initNodeBackend, isSoftwareRenderer } from './backend';
export type { BackendChoice, BackendName, WasmFileMap } from './backend';
export { timeModels } from './timing';
export type { ModelTiming, TimingOptions } from './timing';
export { isFreezable } from './fitted-state';
export type { FittedState, FreezableForecaster, TrainingSpan } from './fitted-state';
export { readSavedModel, savedModelBytes, SAVED_MODEL_FORMAT, SAVED_MODEL_VERSION } from './saved-model';
export { frozenDefinition } from './frozen-definition';
