import { DataType, type Data, type Vector } from 'apache-arrow';
import { chooseNumberFormat, classifyNumber, NumberFormat, parseNumber } from './number-format';
import { utf8Values } from './utf8-values';
import { validityOf } from './validity';

/** The format bits, in the order `chooseNumberFormat` breaks ties for a file that is no ',' delimited CSV. */
const FORMATS = [
  NumberFormat.Int,
  NumberFormat.Point,
  NumberFormat.Comma,
  NumberFormat.CommaPointGroups,
  NumberFormat.CommaSpaceGroups,
  NumberFormat.PointCommaGroups,
] as const;

/** The formats with a decimal point, and those with a decimal comma. */
const DOT_DECIMAL = NumberFormat.Point | NumberFormat.PointCommaGroups;
const COMMA_DECIMAL = NumberFormat.Comma | NumberFormat.CommaPointGroups | NumberFormat.CommaSpaceGroups;

/**
 * The one number format a text column of a file is read in: the format most of its numbers fit
 * (`classifyNumber`; blanks and text that is no number in any format do not count), ties broken
 * as `chooseNumberFormat` breaks them for `delimiter` (integers, a decimal point, then ','
 * thousands before a decimal comma in a ',' delimited CSV, a decimal comma first elsewhere). So
 * '650,123' and '7,650,123' in one column are both thousands, and one 'N/A' in a column does not
 * change how the others read. A column with no number reads with a decimal point.
 *
 * @example
 * textNumberFormat(vectorFromArray(['650,123', '7,650,123', 'N/A']).data, ',') // → NumberFormat.PointCommaGroups
 */
export function textNumberFormat(chunks: readonly Data[], delimiter: string): number {
  return textNumberReading(chunks, delimiter).format;
}

/** How a text column's numbers read: the format chosen, how many values it reads, and the best reading with the other decimal separator. */
export interface TextNumberReading {
  /** The format chosen (`textNumberFormat`). */
  readonly format: number;
  /** Values that are numbers in `format` (read); the others are dropped. */
  readonly read: number;
  /** The format with the other decimal separator that the most values fit (0 for none): it gives other numbers. */
  readonly other: number;
  /** Values that are numbers in `other`. */
  readonly otherRead: number;
}

/**
 * `textNumberFormat` with what the load states about it (`TextNumberReading`): the values read,
 * and the reading with the other decimal separator that the most values fit, for the load's note.
 *
 * @example
 * textNumberReading(vectorFromArray(['650,123', '724,606']).data, '') // → { format: NumberFormat.Comma, read: 2, other: NumberFormat.PointCommaGroups, otherRead: 2 }
 */
export function textNumberReading(chunks: readonly Data[], delimiter: string): TextNumberReading {
  const counts = new Map<number, number>(FORMATS.map((format) => [format, 0]));
  const count = (kinds: number): void => {
    if (kinds > 0) for (const format of FORMATS) if ((kinds & format) !== 0) counts.set(format, counts.get(format)! + 1);
  };
  for (const data of chunks) {
    const validity = validityOf(data);
    if (DataType.isDictionary(data.type)) {
      const kinds = dictionaryKinds(data.dictionary as Vector);
      const codes = data.values as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) if (!(validity && validity[i] === 0) && codes[i] >= 0 && codes[i] < kinds.length) count(kinds[codes[i]]);
    } else utf8Values(data)((i, bytes, start, end) => validity?.[i] !== 0 && count(classifyNumber(bytes, start, end)));
  }
  const most = Math.max(...counts.values());
  if (most === 0) return { format: NumberFormat.Point, read: 0, other: 0, otherRead: 0 };
  let mask = 0;
  for (const [format, n] of counts) if (n === most) mask |= format;
  const format = chooseNumberFormat(mask, delimiter) ?? NumberFormat.Point;
  // Only a reading with the other decimal separator gives other numbers; of those, the one most values fit (`FORMATS` order on ties).
  const family = (format & DOT_DECIMAL) !== 0 ? COMMA_DECIMAL : (format & COMMA_DECIMAL) !== 0 ? DOT_DECIMAL : 0;
  let other = 0;
  for (const f of FORMATS) if ((family & f) !== 0 && counts.get(f)! > (other === 0 ? 0 : counts.get(other)!)) other = f;
  return { format, read: most, other, otherRead: other === 0 ? 0 : counts.get(other)! };
}

/**
 * Reads one chunk of a text column (Utf8, LargeUtf8, Utf8View or a dictionary of them) as numbers
 * in `format` (`textNumberFormat`) into `out[at…]`: NaN for nulls and blank text; NaN for text
 * that is no number in `format` ('N/A', 'NULL', '-', or a number written in another format), whose
 * rows (`at + i`) are appended to `unparsed` so the load can count them with their own reason.
 * A dictionary's entries are read once each.
 *
 * @example
 * const out = new Float64Array(13), bad: number[] = [];
 * readTextNumbers(vectorFromArray(['41.9', null, 'N/A']).data[0], out, 10, bad, NumberFormat.Point) // out[10…] → [41.9, NaN, NaN], bad → [12]
 */
export function readTextNumbers(data: Data, out: Float64Array, at: number, unparsed: number[], format: number): void {
  const validity = validityOf(data);
  if (DataType.isDictionary(data.type)) {
    const entries = dictionaryNumbers(data.dictionary as Vector, format);
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
    const kinds = classifyNumber(bytes, start, end);
    if (kinds < 0) out[at + i] = NaN;
    else if ((kinds & format) !== 0) out[at + i] = parseNumber(bytes, start, end, format);
    else {
      out[at + i] = NaN;
      unparsed.push(at + i);
    }
  });
}

const kindsCache = new WeakMap<Vector, Int32Array>();
const numbersCache = new WeakMap<Vector, Map<number, { values: Float64Array; unparsed: Uint8Array }>>();

/** Each dictionary entry's `classifyNumber` (-1 for a null entry). */
function dictionaryKinds(dictionary: Vector): Int32Array {
  let kinds = kindsCache.get(dictionary);
  if (kinds) return kinds;
  kinds = new Int32Array(dictionary.length);
  let at = 0;
  for (const chunk of dictionary.data) {
    const validity = validityOf(chunk);
    utf8Values(chunk)((i, bytes, start, end) => (kinds![at + i] = validity?.[i] === 0 ? -1 : classifyNumber(bytes, start, end)));
    at += chunk.length;
  }
  kindsCache.set(dictionary, kinds);
  return kinds;
}

/** Each dictionary entry read in `format` (NaN for nulls), and which entries are no number in it. */
function dictionaryNumbers(dictionary: Vector, format: number): { values: Float64Array; unparsed: Uint8Array } {
  let byFormat = numbersCache.get(dictionary);
  if (!byFormat) numbersCache.set(dictionary, (byFormat = new Map()));
  let entries = byFormat.get(format);
  if (entries) return entries;
  const values = new Float64Array(dictionary.length);
  const unparsed = new Uint8Array(dictionary.length);
  let at = 0;
  for (const chunk of dictionary.data) {
    const bad: number[] = [];
    readTextNumbers(chunk, values, at, bad, format);
    for (const row of bad) unparsed[row] = 1;
    at += chunk.length;
  }
  entries = { values, unparsed };
  byFormat.set(format, entries);
  return entries;
}

/**
 * The finite numbers among the first `max` non-blank values of a text column's chunks (read in
 * the format most of those values fit, `textNumberFormat` with the CSV's `delimiter`, as the load
 * reads them), and how many of
 * those values were no number: what detection needs to tell a text column of coordinates (a CSV
 * whose 'lat' holds one 'N/A') from a column of words.
 *
 * @example
 * sampleTextNumbers(vectorFromArray(['41.9', '', 'N/A']).data, 10) // → { numbers: [41.9], other: 1 }
 */
export function sampleTextNumbers(chunks: readonly Data[], max: number, delimiter = ''): { numbers: number[]; other: number } {
  const head: Data[] = [];
  let rows = 0;
  for (const data of chunks) {
    if (rows >= max) break;
    head.push(data.slice(0, Math.min(data.length, max - rows)));
    rows += head[head.length - 1].length;
  }
  // Blank values do not count towards `max`: read the head, then more if blanks used it up.
  const format = textNumberFormat(head, delimiter);
  const numbers: number[] = [];
  let other = 0;
  for (const data of chunks) {
    for (let from = 0; from < data.length && numbers.length + other < max; from += max) {
      const part = data.slice(from, Math.min(max, data.length - from));
      const values = new Float64Array(part.length);
      const bad: number[] = [];
      readTextNumbers(part, values, 0, bad, format);
      let b = 0;
      for (let i = 0; i < part.length && numbers.length + other < max; i++) {
        if (b < bad.length && bad[b] === i) {
          other++;
          b++;
        } else if (Number.isFinite(values[i])) numbers.push(values[i]);
      }
    }
    if (numbers.length + other >= max) break;
  }
  return { numbers, other };
}
