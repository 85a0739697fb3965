/**
 * The module Web Worker entry of a helper of the app's worker pool (`WorkerPool`, started by the
 * app's worker, not the page): forecasts the fold tasks it is sent (`serveHelper`). The first
 * import installs the same-origin network guard, as in the worker.
 */
import './install-same-origin-guard';
import { browserBackendStarter } from './browser-backend';
import { serveHelper, type HelperScope } from './serve-helper';

serveHelper(self as unknown as HelperScope, browserBackendStarter());
