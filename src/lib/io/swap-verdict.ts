import type { LocationMapping } from './column-mapping';
import { columnTokens } from './column-tokens';
import { REMEDY_PHRASES } from './load-remedies';
import { selectKth } from './select-kth';

const LAT_WORDS = new Set(['lat', 'latitude']);
const LNG_WORDS = new Set(['lon', 'lng', 'long', 'longitude']);
/** North of 80° or south of −60° nobody records incidents (Longyearbyen is at 78.2°, Puerto Williams at −54.9°). */
const NORTH = 80;
const SOUTH = -60;

/** How many located rows `swapVerdict` takes its medians from (the first ones). */
export const SWAP_SAMPLE = 10_000;

/** The raw latitude and longitude of the first `SWAP_SAMPLE` located rows, in row order. */
export interface SwapSample {
  readonly lats: number[];
  readonly lngs: number[];
}

/**
 * The first check for latitude and longitude exchanged, on the column names alone: latitude read
 * from a column named like longitude and the other way round (what detection chooses for a US-west
 * file whose columns are exchanged). Null for other names or a projected mapping.
 * @example namedOpposite({ kind: 'latlng', lat: 'lon', lng: 'lat' }) // → "latitude is read from column 'lon' …"
 */
export function namedOpposite(mapping: LocationMapping): string | null {
  if (mapping.kind !== 'latlng') return null;
  const named = (column: string, words: ReadonlySet<string>): boolean => columnTokens(column).some((t) => words.has(t));
  if (named(mapping.lat, LNG_WORDS) && named(mapping.lng, LAT_WORDS)) {
    return `latitude is read from column '${mapping.lat}' and longitude from column '${mapping.lng}': their names say the opposite, their values fit this way`;
  }
  return null;
}

/**
 * Latitude and longitude exchanged in a lat/lng mapping, told from counts taken in a pass over the
 * rows (`locateRows` takes them in its own): `located` rows (not null, not 0/0), of which `invalid`
 * are not valid degrees as mapped and `validSwapped` are with the columns exchanged, and the first
 * located rows' raw values (`sample`). It says so when
 * - most rows are not valid degrees as mapped (|lat| > 90) but are with the columns exchanged
 *   (a US-west file: 'latitude' holds −122);
 * - or the median latitude lies north of 80° or south of −60°, where nobody records incidents,
 *   while the median longitude would be an inhabited latitude (Chicago exchanged: 'latitude'
 *   holds −87.6, 'longitude' 41.9 — valid degrees, near the South Pole). Every place west of
 *   60° W (the Americas) is caught so; places whose longitude is itself a plausible latitude
 *   (Europe, Africa, most of Asia) cannot be told apart by range.
 * The remedy names the columns, and the settings in the neutral phrase `REMEDY_PHRASES.swapLatLng`
 * (the CLI's --lat and --lng, the app's fields). Null when neither check fires or no row is located;
 * names that say the opposite are `namedOpposite`'s, checked first.
 * @example swapVerdict(mapping, 2, 0, 2, { lats: [-87.6, -87.7], lngs: [41.8, 41.9] }) // → "the latitudes lie where nobody lives …"
 */
export function swapVerdict(
  mapping: LocationMapping & { kind: 'latlng' },
  located: number,
  invalid: number,
  validSwapped: number,
  sample: SwapSample,
): string | null {
  const n = located;
  if (n === 0) return null;
  const remedy = `latitude and longitude look swapped: map lat = '${mapping.lng}', lng = '${mapping.lat}' ${REMEDY_PHRASES.swapLatLng}`;
  if (invalid > n / 2 && validSwapped > n / 2) {
    return `${invalid} of ${n} located rows are not valid latitude/longitude degrees as mapped, but ${validSwapped} are with the two columns exchanged: ${remedy}`;
  }
  const median = (values: number[]): number => selectKth(Float64Array.from(values), values.length >> 1);
  const lat = median(sample.lats);
  const lng = median(sample.lngs);
  if ((lat > NORTH || lat < SOUTH) && lng <= NORTH && lng >= SOUTH) {
    return `the latitudes lie where nobody lives (median ${lat.toFixed(4)}°, beyond 80° N or 60° S) and the longitudes where latitudes would (median ${lng.toFixed(4)}°): ${remedy}`;
  }
  return null;
}
