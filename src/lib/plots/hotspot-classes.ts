import { selectHotspots } from '../evaluate/metrics/select-hotspots';

/** The classes of the hotspot map, in legend order, with colour-blind-safe fills (blue/orange, Okabe–Ito). */
export const HOTSPOT_CLASSES = [
  { label: 'flagged, had incidents (hit)', colour: '#0072B2' },
  { label: 'flagged, no incident', colour: '#9fcbe8' },
  { label: 'not flagged, had incidents (miss)', colour: '#E69F00' },
  { label: 'not flagged, no incident', colour: '#ececec' },
  { label: 'outside the study region', colour: '#ffffff' },
] as const;

/** Which cells a forecast flags at a coverage level, how each cell fares, and the totals behind hit rate and PAI. */
export interface HotspotMap {
  /** Index into HOTSPOT_CLASSES per cell. */
  readonly classes: Uint8Array;
  /** Incidents in flagged cells (n) and in all cells (N). */
  readonly captured: number;
  readonly total: number;
  /** Share of the study area flagged (a/A). */
  readonly areaShare: number;
  readonly flagged: number;
}

/**
 * Classifies cells for the hotspot map: the cells `selectHotspots` flags at `coverage` (highest
 * forecast first until their area reaches coverage × the region's area), crossed with whether
 * incidents occurred. N counts incidents in every cell, as the metrics do.
 * @example hotspotMap([3, 1, 0], [1, 0, 2], [1, 1, 1], [1, 1, 1], 0.34).captured // → 1
 */
export function hotspotMap(forecast: ArrayLike<number>, actual: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, coverage: number): HotspotMap {
  const selection = selectHotspots(forecast, area, region, coverage);
  const flagged = new Uint8Array(forecast.length);
  for (const c of selection.cells) flagged[c] = 1;
  const classes = new Uint8Array(forecast.length);
  let captured = 0;
  let total = 0;
  for (let c = 0; c < forecast.length; c++) {
    const y = actual[c];
    total += y;
    if (flagged[c]) captured += y;
    classes[c] = !region[c] ? 4 : flagged[c] ? (y > 0 ? 0 : 1) : y > 0 ? 2 : 3;
  }
  return { classes, captured, total, areaShare: selection.area / selection.regionArea, flagged: selection.cells.length };
}
