/**
 * The worker entry's first import: installs `guardSameOrigin` on the worker's global scope as
 * soon as the worker's module graph starts to evaluate. ES modules evaluate their imports in
 * order, depth first, before the importing module's own code, so the guard must be a module of
 * its own imported first — a call at the top of worker.ts would run after every other import
 * (tfjs, apache-arrow, proj4 and the rest) had already captured the originals.
 */
import { guardSameOrigin, type NetworkScope } from './same-origin-guard';

guardSameOrigin(globalThis as unknown as NetworkScope);
