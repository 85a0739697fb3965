/**
 * A MapLibre GL map that draws a local PMTiles vector basemap under a hex map and follows its
 * camera. Loaded on demand (MapLibre, pmtiles and the Protomaps style are a chunk of their own,
 * fetched only once a basemap is dropped in): the hexes, the bundled context and the pointer
 * handling stay in SVG. Tiles are read from the `File` in place (pmtiles `FileSource`); the
 * style has no glyphs or sprite URL (labels come from the bundled places), so nothing is
 * requested from any other host. MapLibre's worker is bundled beside the app (same origin).
 */
import type { Map as MapLibreMap, LayerSpecification } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import type { MapFrame, ViewTransform } from '../../lib/plots/context-layers';
import { webMercatorCamera } from '../../lib/plots/context-layers';

/** A basemap drawn into a container: move it with the hex map, read what it drew, remove it. */
export interface BasemapView {
  follow(view: ViewTransform, displayScale: number): void;
  /** Resolves once the first view is drawn: the style's layers that drew features there, and the file's own attribution (its metadata's). */
  readonly drawn: Promise<{ layers: string[]; attribution: string }>;
  destroy(): void;
}

/** The page's one `pmtiles://` protocol handler (MapLibre keeps protocols globally). */
let protocol: Protocol | null = null;

/**
 * Draws `file` (PMTiles v3, vector tiles in the Protomaps basemap schema: earth, water,
 * landuse, roads, buildings, boundaries…) with the Protomaps 'light' style minus its symbol
 * layers, into `container`, at the camera of `frame` seen through `view`.
 */
export async function createBasemap(container: HTMLElement, file: File, frame: MapFrame, view: ViewTransform, displayScale: number): Promise<BasemapView> {
  const [maplibre, pmtiles, protomaps, workerUrl] = await Promise.all([
    import('maplibre-gl'),
    import('pmtiles'),
    import('@protomaps/basemaps'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url').then((m: { default: string }) => m.default),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]);
  maplibre.setWorkerUrl(workerUrl);
  if (!protocol) {
    protocol = new pmtiles.Protocol();
    maplibre.addProtocol('pmtiles', protocol.tile);
  }
  const archive = new pmtiles.PMTiles(new pmtiles.FileSource(file));
  protocol.add(archive);
  const metadata = (await archive.getMetadata().catch(() => ({}))) as { attribution?: unknown };
  const attribution = typeof metadata.attribution === 'string' ? metadata.attribution.replace(/<[^>]*>/g, '') : '';
  const layers = protomaps
    .layers('basemap', protomaps.namedFlavor('light'), { lang: 'en' })
    .filter((layer: LayerSpecification) => layer.type !== 'symbol' && !('paint' in layer && layer.paint && 'fill-pattern' in layer.paint));
  const camera = webMercatorCamera(frame, view, displayScale);
  const map: MapLibreMap = new maplibre.Map({
    container,
    style: { version: 8, sources: { basemap: { type: 'vector', url: `pmtiles://${file.name}` } }, layers },
    center: camera.center,
    zoom: camera.zoom,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    renderWorldCopies: false,
    minZoom: 0,
    maxZoom: 24,
  });
  const drawn = new Promise<{ layers: string[]; attribution: string }>((resolve, reject) => {
    map.once('idle', () => {
      const found = new Set(map.queryRenderedFeatures().map((f) => f.layer.id));
      resolve({ layers: [...found].sort(), attribution });
    });
    map.once('error', (event) => reject(new Error(event.error?.message ?? 'the basemap could not be drawn')));
  });
  return {
    follow(next, scale) {
      map.resize();
      const c = webMercatorCamera(frame, next, scale);
      map.jumpTo({ center: c.center, zoom: c.zoom });
    },
    drawn,
    destroy: () => map.remove(),
  };
}
