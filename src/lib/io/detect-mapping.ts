import { Schema } from 'apache-arrow';
import type { ColumnMapping, LocationMapping } from './column-mapping';
import type { ArrowSource } from './read-arrow';
import { suggestCategory, type CategoryCandidate } from './suggest-category';
import { locationValuesRead, suggestLocation, type LocationCandidate } from './suggest-location';
import { suggestPlace, type PlaceCandidate } from './suggest-place';
import { suggestTime, timeValuesRead, type TimeCandidate } from './suggest-time';

/**
 * Suggested column mapping for a file, with the ranked alternatives the UI's dropdowns offer and
 * a human-readable reason for each.
 */
export interface MappingSuggestion {
  /** The best complete mapping, or null while something is missing (see `missing`). */
  readonly mapping: ColumnMapping | null;
  readonly time: readonly TimeCandidate[];
  readonly location: readonly LocationCandidate[];
  /** Category columns; the first is used when its score is > 0. */
  readonly category: readonly CategoryCandidate[];
  /** Columns that name places (district, beat, neighbourhood …), best first; the mapping leaves the choice to the user (`mapping.place`). */
  readonly place: readonly PlaceCandidate[];
  /** What the user must still supply, in words; empty when `mapping` is complete. */
  readonly missing: readonly string[];
}

/**
 * Guesses which columns hold the time, location and category of each incident, from names,
 * types, metadata and (given sources rather than a bare schema) values — see `suggestTime`,
 * `suggestLocation` and `suggestCategory` for the rules. With several sources the first file
 * decides. Projected x/y without a declared CRS leave `mapping` null and say why in `missing`,
 * rather than producing coordinates in the wrong place.
 *
 * @example
 * detectMapping(chicago).mapping
 * // → { time: { column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' },
 * //     location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' }, category: 'primary_type' }
 */
export function detectMapping(input: Schema | ArrowSource | readonly ArrowSource[]): MappingSuggestion {
  const source = input instanceof Schema ? null : 'table' in input ? input : (input[0] ?? null);
  const schema = input instanceof Schema ? input : source?.table.schema;
  if (!schema) return { mapping: null, time: [], location: [], category: [], place: [], missing: ['no file given'] };
  const time = suggestTime(schema, source);
  const location = suggestLocation(schema, source);
  const category = suggestCategory(schema, source);
  const place = suggestPlace(schema);
  const missing: string[] = [];
  const bestTime = time[0];
  if (!bestTime) missing.push('a time column: no Timestamp, Date, epoch or ISO-8601 string column was found');
  const bestLocation = location[0];
  let locationMapping: LocationMapping | null = null;
  if (!bestLocation) {
    missing.push('location columns: no numeric latitude/longitude or x/y pair was found by name');
  } else if (bestLocation.kind === 'latlng') {
    locationMapping = { kind: 'latlng', lat: bestLocation.lat, lng: bestLocation.lng };
  } else if (bestLocation.crs === null) {
    missing.push(`a CRS for ${bestLocation.reason}`);
  } else {
    locationMapping = { kind: 'xy', x: bestLocation.x, y: bestLocation.y, crs: bestLocation.crs };
  }
  const bestCategory = category[0] && category[0].score > 0 ? category[0].column : null;
  const mapping = bestTime && locationMapping ? { time: bestTime.mapping, location: locationMapping, category: bestCategory } : null;
  return { mapping, time, location, category, place, missing };
}

/**
 * How many leading values of each column of `schema` `detectMapping` reads (by column index):
 * finite numbers of a numeric column named like a location (`locationValuesRead`) or a time
 * (`timeValuesRead`), non-null strings of a string column (ISO-8601 parsing), none of any other.
 * Besides these it reads the first `DISTINCT_ROWS` rows of a category candidate, each column's
 * share of nulls and dictionaries. A sample of the file that holds its first `DISTINCT_ROWS`
 * rows and each column's first values up to this count gives the whole file's detection (bar
 * those shares and dictionaries): what a streamed file's head gathers (`headSampler`).
 * @example valuesDetectionReads(chicago.table.schema)[chicagoColumn('latitude')] // → 10000
 */
export function valuesDetectionReads(schema: Schema): number[] {
  return schema.fields.map((field) => Math.max(locationValuesRead(field), timeValuesRead(field)));
}
