import { DataType, type Data, type Vector } from 'apache-arrow';
import { classifyNumber, NumberFormat, parseNumber } from './number-format';
import { utf8Values } from './utf8-values';
import { validityOf } from './validity';

/**
 * The formats a text value is tried in, first fit wins: an integer, a decimal point, a decimal
 * comma, then numbers with thousands separators (',' with a decimal point, '.' with a decimal
 * comma, spaces with a decimal comma). '40,623' therefore reads as 40.623, not 40,623: a
 * coordinate with a decimal comma is far more common in a text column than one in thousands.
 */
const PREFERENCE = [
  NumberFormat.Int,
  NumberFormat.Point,
  NumberFormat.Comma,
  NumberFormat.PointCommaGroups,
  NumberFormat.CommaPointGroups,
  NumberFormat.CommaSpaceGroups,
] as const;

/**
 * The number a text value holds (`PREFERENCE`: the first format it fits); NaN for blank text;
 * `undefined` for text that is no number in any format ('N/A', 'NULL', '-', 'unknown').
 *
 * @example
 * textNumber(bytes('41,88'), 0, 5) // → 41.88; textNumber(bytes(' '), 0, 1) // → NaN; textNumber(bytes('N/A'), 0, 3) // → undefined
 */
export function textNumber(bytes: Uint8Array, start: number, end: number): number | undefined {
  const kinds = classifyNumber(bytes, start, end);
  if (kinds < 0) return NaN;
  for (const format of PREFERENCE) if ((kinds & format) !== 0) return parseNumber(bytes, start, end, format);
  return undefined;
}

/**
 * Reads one chunk of a text column (Utf8, LargeUtf8, Utf8View or a dictionary of them) as numbers
 * into `out[at…]`: each value by `textNumber`, NaN for nulls and blank text, NaN for text that is
 * no number, whose rows (`at + i`) are appended to `unparsed` so the load can count them with
 * their own reason. A dictionary's entries are read once each.
 *
 * @example
 * const out = new Float64Array(3), bad: number[] = [];
 * readTextNumbers(vectorFromArray(['41.9', null, 'N/A']).data[0], out, 10, bad) // out → [41.9, NaN, NaN], bad → [12]
 */
export function readTextNumbers(data: Data, out: Float64Array, at: number, unparsed: number[]): void {
  const validity = validityOf(data);
  if (DataType.isDictionary(data.type)) {
    const entries = dictionaryNumbers(data.dictionary as Vector);
    const codes = data.values as ArrayLike<number>;
    for (let i = 0; i < data.length; i++) {
      const code = codes[i];
      if ((validity && validity[i] === 0) || code < 0 || code >= entries.values.length) out[at + i] = NaN;
      else {
        out[at + i] = entries.values[code];
        if (entries.unparsed[code] === 1) unparsed.push(at + i);
      }
    }
    return;
  }
  utf8Values(data)((i, bytes, start, end) => {
    if (validity && validity[i] === 0) {
      out[at + i] = NaN;
      return;
    }
    const value = textNumber(bytes, start, end);
    if (value === undefined) {
      out[at + i] = NaN;
      unparsed.push(at + i);
    } else out[at + i] = value;
  });
}

const dictionaryCache = new WeakMap<Vector, { values: Float64Array; unparsed: Uint8Array }>();

/** Each dictionary entry read by `textNumber` (NaN for nulls), and which entries are no number. */
function dictionaryNumbers(dictionary: Vector): { values: Float64Array; unparsed: Uint8Array } {
  let entries = dictionaryCache.get(dictionary);
  if (entries) return entries;
  const values = new Float64Array(dictionary.length);
  const unparsed = new Uint8Array(dictionary.length);
  let at = 0;
  for (const chunk of dictionary.data) {
    const bad: number[] = [];
    readTextNumbers(chunk, values, at, bad);
    for (const row of bad) unparsed[row] = 1;
    at += chunk.length;
  }
  entries = { values, unparsed };
  dictionaryCache.set(dictionary, entries);
  return entries;
}

/**
 * The numbers among the first `max` non-blank values of a text column's chunks, and how many of
 * those values were no number: what detection needs to tell a text column of coordinates (a CSV
 * whose 'lat' holds one 'N/A') from a column of words.
 *
 * @example
 * sampleTextNumbers(vectorFromArray(['41.9', '', 'N/A']).data, 10) // → { numbers: [41.9], other: 1 }
 */
export function sampleTextNumbers(chunks: readonly Data[], max: number): { numbers: number[]; other: number } {
  const numbers: number[] = [];
  let other = 0;
  for (const data of chunks) {
    for (let from = 0; from < data.length && numbers.length + other < max; from += max) {
      const part = data.slice(from, Math.min(max, data.length - from));
      const values = new Float64Array(part.length);
      const bad: number[] = [];
      readTextNumbers(part, values, 0, bad);
      let b = 0;
      for (let i = 0; i < part.length && numbers.length + other < max; i++) {
        if (b < bad.length && bad[b] === i) {
          other++;
          b++;
        } else if (values[i] === values[i]) numbers.push(values[i]);
      }
    }
    if (numbers.length + other >= max) break;
  }
  return { numbers, other };
}
