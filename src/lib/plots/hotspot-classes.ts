import { selectHotspots } from '../evaluate/metrics/select-hotspots';

/**
 * The classes of the hotspot map, in legend order, with colour-blind-safe fills (Okabe–Ito blue,
 * reddish purple and orange): flagged whole, tied at the boundary (flagged in part), not flagged.
 */
export const HOTSPOT_CLASSES = [
  { label: 'flagged, had incidents (hit)', colour: '#0072B2' },
  { label: 'flagged, no incident', colour: '#9fcbe8' },
  { label: 'tied at the boundary, flagged in part, had incidents', colour: '#CC79A7' },
  { label: 'tied at the boundary, flagged in part, no incident', colour: '#ecc8dc' },
  { label: 'not flagged, had incidents (miss)', colour: '#E69F00' },
  { label: 'not flagged, no incident', colour: '#ececec' },
  { label: 'outside the study region', colour: '#ffffff' },
] as const;

/** Which cells a forecast flags at a coverage level, and how each cell fares. */
export interface HotspotMap {
  /** Index into HOTSPOT_CLASSES per cell. */
  readonly classes: Uint8Array;
  /** Cells flagged whole. */
  readonly flagged: number;
  /** Cells of the tied group at the boundary, each flagged in the share `share` of its area. */
  readonly boundary: number;
  readonly share: number;
}

/**
 * Classifies cells for the hotspot map: the cells `selectHotspots` flags whole at `coverage`,
 * the tied group at the boundary that it flags in part (so that exactly coverage × the region's
 * area is flagged), and the rest, crossed with whether incidents occurred. The scores
 * themselves come from the core's `hotspotScores`, not from here.
 * @example hotspotMap([3, 1, 1, 0], [1, 0, 2, 0], [1, 1, 1, 1], [1, 1, 1, 1], 0.5).classes // → [0, 3, 2, 5]
 */
export function hotspotMap(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: number,
): HotspotMap {
  const selection = selectHotspots(forecast, area, region, coverage);
  const state = new Uint8Array(forecast.length); // 0 not flagged, 1 flagged, 2 boundary
  for (const c of selection.cells) state[c] = 1;
  for (const c of selection.boundary) state[c] = 2;
  const classes = new Uint8Array(forecast.length);
  for (let c = 0; c < forecast.length; c++) {
    const hit = actual[c] > 0 ? 0 : 1;
    classes[c] = region[c] !== 1 ? 6 : state[c] === 1 ? hit : state[c] === 2 ? 2 + hit : 4 + hit;
  }
  return { classes, flagged: selection.cells.length, boundary: selection.boundary.length, share: selection.share };
}
