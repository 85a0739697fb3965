import type { Field, Schema } from 'apache-arrow';
import { columnTokens } from './column-tokens';
import { crsHint } from './metadata-hints';
import type { ArrowSource } from './read-arrow';
import { isStringType } from './decode-iso-time';
import { isNumericType, sampleNumbers } from './read-numbers';
import { csvDelimiter } from './csv-column-types';
import { sampleTextNumbers } from './read-text-numbers';

/**
 * A possible pair of location columns, best first in `suggestLocation`'s list. For x/y, `crs`
 * is null when neither the mapping nor the file says it: the user must declare one.
 */
export type LocationCandidate =
  | { readonly kind: 'latlng'; readonly lat: string; readonly lng: string; readonly score: number; readonly reason: string }
  | { readonly kind: 'xy'; readonly x: string; readonly y: string; readonly crs: string | null; readonly score: number; readonly reason: string };

const LAT = new Set(['lat', 'latitude']);
const LNG = new Set(['lon', 'lng', 'long', 'longitude']);
const X = new Set(['x', 'xcoord', 'xcoordinate', 'easting', 'east']);
const Y = new Set(['y', 'ycoord', 'ycoordinate', 'northing', 'north']);

/** What a sample of a column's values says: their range and the share that could be lat/lng degrees. */
interface ValueStats {
  readonly min: number;
  readonly max: number;
  readonly latShare: number;
  readonly lngShare: number;
}

/**
 * Ranks pairs of numeric columns that could hold the location, best first (a text column counts
 * as numeric when at least 9 in 10 of its first non-blank values are numbers, `textOfNumbers`:
 * a CSV 'lat' column with an 'N/A' in it is text). Pairs are formed by
 * name — a latitude-like column (lat, latitude) with a longitude-like one (lon, lng, long,
 * longitude), or a y-like (y, northing, …) with an x-like (x, easting, x_coordinate, …) — with
 * a bonus when the two names differ only in that word ('pickup_lat'/'pickup_lng'). Then the
 * values decide (first 10,000 non-zero values of each): if most |y| ≤ 90 and most |x| ≤ 180 the
 * pair is latitude/longitude whatever its names; if they fit only exchanged (most |lat| ≤ 180 and
 * |lng| ≤ 90 for a lat/lng-named pair) the pair is offered swapped; otherwise it is projected x/y, and the CRS comes
 * from the file's metadata (`crsHint`) or is left null with the value ranges in the reason, so
 * the user can declare it. Without values (a bare schema), x/y-named pairs are offered as x/y first
 * (CRS required) and as degrees second; lat/lng-named pairs the other way round.
 *
 * @example
 * suggestLocation(portland.table.schema, portland)[0]
 * // → { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: null, score: 3,
 * //     reason: 'values look projected (x 7.6e6–7.7e6, y 6.5e5–7.3e5): declare their CRS …' }
 */
export function suggestLocation(schema: Schema, source: ArrowSource | null): LocationCandidate[] {
  const numeric = schema.fields.filter((field) => isNumericType(field.type) || (source !== null && textOfNumbers(source, field)));
  const stats = (field: Field): ValueStats | null => (source ? valueStats(source, field.name) : null);
  const candidates: LocationCandidate[] = [];
  for (const [ys, xs, named] of [
    [LAT, LNG, 'latitude/longitude'],
    [Y, X, 'y/x'],
  ] as const) {
    for (const yField of numeric.filter((f) => hasWord(f, ys))) {
      for (const xField of numeric.filter((f) => hasWord(f, xs))) {
        const yStats = stats(yField);
        const xStats = stats(xField);
        const stem = sameStem(yField.name, xField.name, ys, xs) ? 1 : 0;
        const known = yStats !== null && xStats !== null;
        const degrees = known && yStats.latShare > 0.5 && xStats.lngShare > 0.5;
        const latlngBase = named === 'latitude/longitude' ? 4 : known ? 3 : 2;
        if (degrees || !known) {
          const checked = known ? `; values are degrees (lat ${range(yStats)}, lng ${range(xStats)})` : '';
          candidates.push({
            kind: 'latlng',
            lat: yField.name,
            lng: xField.name,
            score: latlngBase + stem,
            reason: `'${yField.name}'/'${xField.name}' named like ${named}${checked}`,
          });
        }
        const swapped = known && named === 'latitude/longitude' && !degrees && yStats.lngShare > 0.5 && xStats.latShare > 0.5;
        if (swapped) {
          candidates.push({
            kind: 'latlng',
            lat: xField.name,
            lng: yField.name,
            score: latlngBase + stem,
            reason: `'${yField.name}'/'${xField.name}' look swapped: their values are degrees only exchanged (lat ${range(xStats)}, lng ${range(yStats)})`,
          });
        }
        if (!degrees && !swapped) {
          const hint = crsHint(schema, [xField, yField]);
          const pair = `'${xField.name}'/'${yField.name}'`;
          const looks = known ? `values look projected (x ${range(xStats)}, y ${range(yStats)})` : 'values not examined';
          const reason = hint
            ? `${pair}: ${looks}; CRS ${hint.value} from ${hint.source}`
            : `${pair}: ${looks}: declare their CRS (an EPSG code, a proj4 string or WKT; the CRSs that put these points on land inside their area of use are ranked for you)`;
          const base = named === 'latitude/longitude' ? 2 : 3;
          candidates.push({ kind: 'xy', x: xField.name, y: yField.name, crs: hint?.value ?? null, score: base + stem, reason });
        }
      }
    }
  }
  return candidates.sort((a, b) => b.score - a.score);
}

/** Leading finite values of a column that location detection reads (`suggestLocation`'s value test). */
export const LOCATION_VALUES = 10_000;

/**
 * How many of a column's leading finite values `suggestLocation` reads: `LOCATION_VALUES` for a
 * numeric or text column named like a latitude, longitude, x or y, else none (it reads no other column's values).
 * @example locationValuesRead(new Field('Y', new Float64())) // → 10000; locationValuesRead(new Field('beat', new Int16())) // → 0
 */
export function locationValuesRead(field: Field): number {
  return (isNumericType(field.type) || isStringType(field.type)) && [LAT, LNG, X, Y].some((words) => hasWord(field, words)) ? LOCATION_VALUES : 0;
}

/** True for a text column named like a location whose first non-blank values are mostly (≥ 9 in 10) numbers. */
function textOfNumbers(source: ArrowSource, field: Field): boolean {
  if (!isStringType(field.type) || locationValuesRead(field) === 0) return false;
  const vector = source.table.getChild(field.name);
  if (!vector) return false;
  const { numbers, other } = sampleTextNumbers(vector.data, LOCATION_VALUES, csvDelimiter(source.table.schema));
  return numbers.length > 0 && other * 10 <= numbers.length + other;
}

function hasWord(field: Field, words: ReadonlySet<string>): boolean {
  return columnTokens(field.name).some((token) => words.has(token));
}

/** True when the names are equal once their lat/lng (or y/x) word is removed. */
function sameStem(a: string, b: string, aWords: ReadonlySet<string>, bWords: ReadonlySet<string>): boolean {
  const strip = (name: string, words: ReadonlySet<string>) =>
    columnTokens(name)
      .filter((t) => !words.has(t))
      .join(' ');
  return strip(a, aWords) === strip(b, bWords);
}

function valueStats(source: ArrowSource, column: string): ValueStats | null {
  const vector = source.table.getChild(column);
  if (!vector) return null;
  const sample = isStringType(vector.type)
    ? sampleTextNumbers(vector.data, LOCATION_VALUES, csvDelimiter(source.table.schema)).numbers
    : sampleNumbers(vector.data, LOCATION_VALUES);
  const values = sample.filter((v) => v !== 0);
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let lat = 0;
  let lng = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) <= 90) lat++;
    if (Math.abs(v) <= 180) lng++;
  }
  return { min, max, latShare: lat / values.length, lngShare: lng / values.length };
}

/** '7.6e6–7.7e6' for large values, '41.64–42.02' for degrees. */
function range({ min, max }: ValueStats): string {
  const show = (v: number) => (Math.abs(v) >= 1e4 ? v.toExponential(1).replace('e+', 'e') : String(Number(v.toPrecision(4))));
  return `${show(min)}–${show(max)}`;
}
