import { DataType, type Data, type Schema, type Vector } from 'apache-arrow';
import { scoreName } from './column-tokens';
import { categoryFamily } from './decode-category';
import type { ArrowSource } from './read-arrow';

/** A possible category column, with its number of distinct values (when known), a score and why. */
export interface CategoryCandidate {
  readonly column: string;
  /** Distinct values: the dictionary size, or the count among the first 10,000 rows; null if unknown. */
  readonly distinct: number | null;
  /** Share of rows with a value (1 − nulls / rows over the whole column, or the whole file for a sampled head: `ArrowSource.complete`); null if unknown (a bare schema). */
  readonly complete: number | null;
  readonly score: number;
  readonly reason: string;
}

/** Name words and how strongly each says "the kind of incident" (negative: something else). */
const CATEGORY_WORDS: Readonly<Record<string, number>> = {
  category: 4,
  primary: 2,
  type: 2,
  offense: 2,
  offence: 2,
  crime: 2,
  ucr: 1,
  nibrs: 1,
  class: 1,
  classification: 1,
  nature: 1,
  description: 1,
  desc: 1,
  call: 1,
  location: -3,
  address: -3,
  street: -3,
  block: -3,
  id: -3,
  number: -2,
  date: -3,
  time: -3,
  beat: -2,
  district: -2,
  ward: -2,
  area: -2,
  zone: -2,
  sector: -2,
  status: -1,
  geocoded: -3,
  geocode: -3,
  predicted: -1,
  code: -1,
  name: -1,
};

/**
 * Ranks the columns that could hold the incident category, best first: every string,
 * dictionary, integer or boolean column, scored by name words ('category' +4, 'primary'/'type'/
 * 'offense' +2, 'location'/'id'/'date' −3 …), +1 for strings (+1 more for a dictionary, the
 * usual encoding of categoricals), −1 for integers and booleans, and by the number of distinct
 * values (2–100: +1; 1 or over 500: −2), and by how complete the column is, since a category
 * that most rows lack would drop or leave uncategorised most of the data (share of non-null rows:
 * ≥ 95 % +1, 80–95 % 0, 50–80 % −2, under 50 % −4; Plainfield's `predicted_type`, null in 87 %
 * of rows, so loses to the complete `description`). Ties keep the file's column order. A
 * candidate is worth using when its score is > 0.
 *
 * @example
 * suggestCategory(chicago.table.schema, chicago)[0] // → { column: 'primary_type', distinct: 33, score: 6, … }
 */
export function suggestCategory(schema: Schema, source: ArrowSource | null): CategoryCandidate[] {
  const candidates: CategoryCandidate[] = [];
  schema.fields.forEach((field, index) => {
    const family = categoryFamily(field.type);
    if (family === null) return;
    const name = scoreName(field.name, CATEGORY_WORDS);
    const dictionary = DataType.isDictionary(field.type);
    const vector = source?.table.getChildAt(index) ?? null;
    const distinct = vector ? distinctValues(vector, dictionary) : null;
    const complete = source?.complete?.[index] ?? (vector && vector.length > 0 ? 1 - vector.nullCount / vector.length : null);
    let score = name.score + (family === 'strings' ? 1 + (dictionary ? 1 : 0) : -1);
    if (distinct !== null) score += distinct >= 2 && distinct <= 100 ? 1 : distinct <= 1 || distinct > 500 ? -2 : 0;
    if (complete !== null) score += complete >= 0.95 ? 1 : complete >= 0.8 ? 0 : complete >= 0.5 ? -2 : -4;
    const words = name.words.length > 0 ? ` named '${field.name}' (${name.words.join(', ')})` : '';
    const count = distinct === null ? '' : `, ${distinct} distinct values${dictionary ? '' : ' in the first 10,000 rows'}`;
    const filled = complete === null ? '' : `, ${formatShare(complete)} of rows filled`;
    candidates.push({ column: field.name, distinct, complete, score, reason: `${String(field.type)} column${words}${count}${filled}` });
  });
  return candidates.sort((a, b) => b.score - a.score);
}

/** '87 %', or '99.9 %' / '0.1 %' where rounding would say 100 % or 0 % of a column that is not quite full or empty. */
function formatShare(share: number): string {
  const whole = Math.round(share * 100);
  if ((whole === 100 && share < 1) || (whole === 0 && share > 0)) return `${(share * 100).toFixed(1)} %`;
  return `${whole} %`;
}

/** Leading rows in which `suggestCategory` counts a string column's distinct values. */
export const DISTINCT_ROWS = 10_000;

function distinctValues(vector: Vector, dictionary: boolean): number {
  if (dictionary) {
    // With delta dictionaries the last chunk's dictionary holds them all.
    const last = vector.data[vector.data.length - 1]?.dictionary;
    return last ? last.length : 0;
  }
  if (DataType.isInt(vector.type) && vector.type.bitWidth <= 32) return distinctSmallInts(vector.data, DISTINCT_ROWS);
  const seen = new Set<unknown>();
  for (let i = 0; i < Math.min(vector.length, DISTINCT_ROWS); i++) {
    const value: unknown = vector.get(i);
    if (value !== null && value !== undefined) seen.add(typeof value === 'bigint' ? value.toString() : value);
  }
  return seen.size;
}

/**
 * The distinct non-null values among the first `max` rows of an integer column of at most 32
 * bits, read from its chunks' value buffers and validity bitmaps: what `Vector.get` row by row
 * gives (a number or null), without its per-row dispatch (Chicago's five integer columns: most of
 * the 46 ms `distinctValues` took at open).
 * @example distinctSmallInts(vectorFromArray([3, null, 3, 4], new Int16()).data, 10_000) // → 2
 */
export function distinctSmallInts(chunks: readonly Data[], max: number): number {
  const seen = new Set<number>();
  let left = max;
  for (const data of chunks) {
    if (left <= 0) break;
    const values = data.values as ArrayLike<number>;
    // As `Vector.get` reads malformed data too: an empty bitmap means every value valid, and no row past the values buffer.
    const n = Math.min(data.length, left, values.length);
    left -= Math.min(data.length, left);
    const bitmap = data.nullCount > 0 && data.nullBitmap?.byteLength ? data.nullBitmap : undefined;
    for (let i = 0; i < n; i++) {
      const bit = data.offset + i;
      if (bitmap && ((bitmap[bit >> 3] >> (bit & 7)) & 1) === 0) continue;
      seen.add(values[i]);
    }
  }
  return seen.size;
}
