import type { LocationMapping } from './column-mapping';
import { columnTokens } from './column-tokens';
import { selectKth } from './select-kth';

const LAT_WORDS = new Set(['lat', 'latitude']);
const LNG_WORDS = new Set(['lon', 'lng', 'long', 'longitude']);
/** North of 80° or south of −60° nobody records incidents (Longyearbyen is at 78.2°, Puerto Williams at −54.9°). */
const NORTH = 80;
const SOUTH = -60;

/**
 * Looks for latitude and longitude exchanged in a lat/lng mapping, from the raw values of the
 * located rows (`a` = latitude column, `b` = longitude column; NaN rows skipped) and says so:
 * - most rows are not valid degrees as mapped (|lat| > 90) but are with the columns exchanged
 *   (a US-west file: 'latitude' holds −122);
 * - or the median latitude lies north of 80° or south of −60°, where nobody records incidents,
 *   while the median longitude would be an inhabited latitude (Chicago exchanged: 'latitude'
 *   holds −87.6, 'longitude' 41.9 — valid degrees, near the South Pole). Every place west of
 *   60° W (the Americas) is caught so; places whose longitude is itself a plausible latitude
 *   (Europe, Africa, most of Asia) cannot be told apart by range;
 * - or the mapping reads latitude from a column named like longitude and the other way round
 *   (what detection chooses for the first case): a note that the names say the opposite.
 * Returns the warning, or null. The remedy named is `--lat B --lng A` (mapping.location).
 *
 * @example
 * swapHint(Float64Array.of(-87.6, -87.7), Float64Array.of(41.8, 41.9), { kind: 'latlng', lat: 'latitude', lng: 'longitude' })
 * // → "the latitudes lie where nobody lives (median -87.6°, …) and the longitudes where latitudes would (median 41.9°): … --lat longitude --lng latitude"
 */
export function swapHint(a: Float64Array, b: Float64Array, mapping: LocationMapping): string | null {
  if (mapping.kind !== 'latlng') return null;
  const named = namedOpposite(mapping);
  if (named) return named;
  const sample: SwapSample = { lats: [], lngs: [] };
  let invalid = 0;
  let validSwapped = 0;
  let located = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x || y !== y || (x === 0 && y === 0)) continue;
    located++;
    if (sample.lats.length < SWAP_SAMPLE) {
      sample.lats.push(x); // the medians come from the first 10,000 located rows
      sample.lngs.push(y);
    }
    if (!(Math.abs(x) <= 90 && Math.abs(y) <= 180)) invalid++;
    if (Math.abs(y) <= 90 && Math.abs(x) <= 180) validSwapped++;
  }
  return swapVerdict(mapping, located, invalid, validSwapped, sample);
}

/** How many located rows `swapHint` takes its medians from (the first ones). */
export const SWAP_SAMPLE = 10_000;

/** The raw latitude and longitude of the first `SWAP_SAMPLE` located rows, in row order. */
export interface SwapSample {
  readonly lats: number[];
  readonly lngs: number[];
}

/**
 * `swapHint`'s first check, on the column names alone: latitude read from a column named like
 * longitude and the other way round. Null for other names or a projected mapping.
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
 * `swapHint`'s checks on the values, from counts taken in a pass over the rows (`locateRows`
 * takes them in its own): `located` rows (not null, not 0/0), of which `invalid` are not valid
 * degrees as mapped and `validSwapped` are with the columns exchanged, and the first located rows'
 * raw values (`sample`). Null when neither check fires or no row is located.
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
  const remedy = `latitude and longitude look swapped: map lat = '${mapping.lng}', lng = '${mapping.lat}' (--lat ${mapping.lng} --lng ${mapping.lat})`;
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
