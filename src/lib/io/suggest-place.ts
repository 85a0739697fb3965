import { DataType, type Schema } from 'apache-arrow';
import { scoreName } from './column-tokens';
import { categoryFamily } from './decode-category';

/** A possible place column (district, beat, neighbourhood …), with a score and why. */
export interface PlaceCandidate {
  readonly column: string;
  readonly score: number;
  readonly reason: string;
}

/** Name words of a place column in words, and how readable a cell name they give (neighbourhoods beat beat numbers). */
const PLACE_WORDS: Readonly<Record<string, number>> = {
  neighbourhood: 5,
  neighborhood: 5,
  hood: 3,
  community: 4,
  district: 3,
  ward: 3,
  precinct: 3,
  beat: 2,
  sector: 2,
  block: 2,
  address: 1,
  street: 1,
};

/**
 * The columns that could name places (district, beat, neighbourhood, ward, community_area, block,
 * address …), best first: scored by name words (`PLACE_WORDS`), +1 for text (a name reads better than
 * a number); only string, dictionary and integer columns with such a word are candidates. Obvious
 * when the list is not empty: the app preselects the first, the CLI takes `--place`.
 *
 * @example
 * suggestPlace(chicago.table.schema).map((c) => c.column) // → ['community_area', 'district', 'ward', 'beat', 'location_description'?] (by score)
 */
export function suggestPlace(schema: Schema): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const field of schema.fields) {
    const family = categoryFamily(field.type);
    if (family === null || family === 'booleans') continue;
    const name = scoreName(field.name, PLACE_WORDS);
    if (name.words.length === 0) continue;
    const text = family === 'strings';
    out.push({
      column: field.name,
      score: name.score + (text ? 1 : 0),
      reason: `${String(field.type)} column named '${field.name}' (${name.words.join(', ')})${text || DataType.isDictionary(field.type) ? '' : ': numbers, not names'}`,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
