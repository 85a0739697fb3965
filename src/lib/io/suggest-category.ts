import { DataType, type Schema, type Vector } from 'apache-arrow';
import { scoreName } from './column-tokens';
import { categoryFamily } from './decode-category';
import type { ArrowSource } from './read-arrow';

/** A possible category column, with its number of distinct values (when known), a score and why. */
export interface CategoryCandidate {
  readonly column: string;
  /** Distinct values: the dictionary size, or the count among the first 10,000 rows; null if unknown. */
  readonly distinct: number | null;
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
  code: -1,
  name: -1,
};

/**
 * Ranks the columns that could hold the incident category, best first: every string,
 * dictionary, integer or boolean column, scored by name words ('category' +4, 'primary'/'type'/
 * 'offense' +2, 'location'/'id'/'date' −3 …), +1 for strings (+1 more for a dictionary, the
 * usual encoding of categoricals), −1 for integers and booleans, and by the number of distinct
 * values (2–100: +1; 1 or over 500: −2). A candidate is worth using when its score is > 0.
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
    let score = name.score + (family === 'strings' ? 1 + (dictionary ? 1 : 0) : -1);
    if (distinct !== null) score += distinct >= 2 && distinct <= 100 ? 1 : distinct <= 1 || distinct > 500 ? -2 : 0;
    const words = name.words.length > 0 ? ` named '${field.name}' (${name.words.join(', ')})` : '';
    const count = distinct === null ? '' : `, ${distinct} distinct values${dictionary ? '' : ' in the first 10,000 rows'}`;
    candidates.push({ column: field.name, distinct, score, reason: `${String(field.type)} column${words}${count}` });
  });
  return candidates.sort((a, b) => b.score - a.score);
}

function distinctValues(vector: Vector, dictionary: boolean): number {
  if (dictionary) {
    // With delta dictionaries the last chunk's dictionary holds them all.
    const last = vector.data[vector.data.length - 1]?.dictionary;
    return last ? last.length : 0;
  }
  const seen = new Set<unknown>();
  for (let i = 0; i < Math.min(vector.length, 10_000); i++) {
    const value: unknown = vector.get(i);
    if (value !== null && value !== undefined) seen.add(typeof value === 'bigint' ? value.toString() : value);
  }
  return seen.size;
}
