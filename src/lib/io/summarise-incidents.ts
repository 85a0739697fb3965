import { formatTime } from './format-cell';
import type { Clock, Incidents } from './incidents';

/** An overview of loaded incidents, for `hexcast inspect` and the app's data panel. */
export interface IncidentsSummary {
  readonly rows: number;
  readonly clock: Clock;
  readonly timeZone: string | null;
  /** Earliest and latest time (epoch ms on `clock`, and as ISO text: 'Z' only for instants); null when empty. */
  readonly time: { readonly first: number; readonly last: number; readonly firstText: string; readonly lastText: string } | null;
  /** Rows per category, most frequent first (ties by name). */
  readonly categories: readonly { readonly name: string; readonly count: number }[];
  /** Rows without a category value (code −1). */
  readonly uncategorised: number;
  /** Bounding box of the locations in degrees; null when empty. */
  readonly extent: { readonly south: number; readonly west: number; readonly north: number; readonly east: number } | null;
}

/**
 * Summarises incidents in one pass: time range on the data's own clock, category counts sorted
 * by count, and the spatial extent (plain min/max of lat and lng; data crossing ±180° would show
 * a world-wide box).
 *
 * @example
 * summariseIncidents(portland).time?.firstText // → '2012-03-01T00:00:00.000' (a wall-clock reading)
 */
export function summariseIncidents(incidents: Incidents): IncidentsSummary {
  const { length, time, lat, lng, category, categories, clock, timeZone } = incidents;
  let first = Infinity;
  let last = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  const counts = new Float64Array(categories.length);
  let uncategorised = 0;
  for (let i = 0; i < length; i++) {
    const t = time[i];
    if (t < first) first = t;
    if (t > last) last = t;
    if (lat[i] < south) south = lat[i];
    if (lat[i] > north) north = lat[i];
    if (lng[i] < west) west = lng[i];
    if (lng[i] > east) east = lng[i];
    if (category[i] < 0) uncategorised++;
    else counts[category[i]]++;
  }
  const ranked = categories
    .map((name, code) => ({ name, count: counts[code] }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    rows: length,
    clock,
    timeZone,
    time: length === 0 ? null : { first, last, firstText: formatTime(first, clock), lastText: formatTime(last, clock) },
    categories: ranked,
    uncategorised,
    extent: length === 0 ? null : { south, west, north, east },
  };
}
