import { DataType, type Data, type Vector } from 'apache-arrow';
import { DROP_CODE } from './drop-codes';
import type { ColumnInput } from './find-column';
import type { Clock } from './incidents';
import { InputError } from './input-error';
import { IsoKind, parseIsoBytes } from './parse-iso-time';
import { parseSlashBytes, type DateOrder } from './parse-slash-time';
import { utf8Values } from './utf8-values';
import { validityOf } from './validity';

/** What string decoding saw so far: the first few rows with and without an offset (global indices). */
export interface IsoSeen {
  readonly instants: number[];
  readonly walls: number[];
}

const NULL = DROP_CODE['time-null'];
const UNPARSEABLE = DROP_CODE['time-unparseable'];
const KEEP_EXAMPLES = 3;

/**
 * True for the string types a time column may hold as ISO-8601 text: Utf8, LargeUtf8, Utf8View
 * and dictionaries of them.
 *
 * @example
 * isStringType(new Dictionary(new Utf8(), new Int32())) // → true
 */
export function isStringType(type: DataType): boolean {
  const value = DataType.isDictionary(type) ? type.dictionary : type;
  return DataType.isUtf8(value) || DataType.isLargeUtf8(value) || DataType.isUtf8View(value);
}

/**
 * Decodes one chunk of an ISO-8601 string column into `out[at…]` (epoch ms; instants for
 * strings with an offset, wall-clock readings otherwise, see `parseIsoBytes`; a date with the
 * year last, `01/31/2018 11:59:00 PM`, is read in `order`, see `parseSlashBytes`) and marks blank or
 * null rows 'time-null' and unparseable ones 'time-unparseable' in `reasons`. Plain strings are
 * parsed from the UTF-8 bytes in place; a dictionary's entries are parsed once each.
 *
 * @example
 * decodeIsoChunk(vectorFromArray(['2018-01-01', 'nope']).data[0], out, 0, reasons, seen)
 * // out[0] → 1514764800000, reasons[1] → DROP_CODE['time-unparseable']
 */
export function decodeIsoChunk(data: Data, out: Float64Array, at: number, reasons: Uint8Array, seen: IsoSeen, order: DateOrder = 'mdy'): void {
  const { type, length } = data;
  const validity = validityOf(data);
  const valid = validity ? (i: number) => validity[i] === 1 : () => true;
  const note = (kind: IsoKind, row: number): void => {
    if (kind === IsoKind.Blank) reasons[row] = NULL;
    else if (kind === IsoKind.Unparseable) reasons[row] = UNPARSEABLE;
    else if (kind === IsoKind.Instant) {
      if (seen.instants.length < KEEP_EXAMPLES) seen.instants.push(row);
    } else if (seen.walls.length < KEEP_EXAMPLES) seen.walls.push(row);
  };
  if (DataType.isDictionary(type)) {
    const entries = parseDictionary(data.dictionary as Vector, order);
    const codes = data.values as ArrayLike<number>;
    for (let i = 0; i < length; i++) {
      const code = codes[i];
      if (!valid(i) || code < 0 || code >= entries.kinds.length) {
        reasons[at + i] = NULL;
        continue;
      }
      out[at + i] = entries.ms[code];
      note(entries.kinds[code] as IsoKind, at + i);
    }
    return;
  }
  const parsed = { ms: 0 };
  const forEachString = utf8Values(data);
  forEachString((i, bytes, start, end) => {
    if (!valid(i)) {
      reasons[at + i] = NULL;
      return;
    }
    const kind = parseTextTime(bytes, start, end, parsed, order);
    out[at + i] = parsed.ms;
    note(kind, at + i);
  });
}

/**
 * The clock of a decoded string column: 'instant' if its strings carry offsets, 'wall' if they
 * do not (or if none parsed). A column (or set of files) with both is an `InputError` quoting
 * example rows of each.
 *
 * @example
 * isoClock({ instants: [0], walls: [] }, inputs) // → 'instant'
 */
export function isoClock(seen: IsoSeen, inputs: readonly ColumnInput[]): Clock {
  if (seen.instants.length > 0 && seen.walls.length > 0) {
    const quote = (rows: number[]): string => rows.map((row) => describeRow(row, inputs)).join(', ');
    throw new InputError(
      `time column '${inputs[0].field.name}' mixes ISO-8601 strings with an offset (${quote(seen.instants)}) and without one ` +
        `(${quote(seen.walls)}): expected all instants (with Z or ±hh:mm) or all wall-clock times (without); fix the export or split the file`,
      { code: 'time-mixed-offsets', column: inputs[0].field.name },
    );
  }
  return seen.instants.length > 0 ? 'instant' : 'wall';
}

function describeRow(row: number, inputs: readonly ColumnInput[]): string {
  const input = [...inputs].reverse().find((candidate) => candidate.start <= row) ?? inputs[0];
  const local = row - input.start;
  return `file '${input.source.name}' row ${local}: '${String(input.vector.get(local))}'`;
}

/** ISO-8601 first, then a date with the year last (`parseSlashBytes`) in the column's order. */
function parseTextTime(bytes: Uint8Array, start: number, end: number, parsed: { ms: number }, order: DateOrder): IsoKind {
  const kind = parseIsoBytes(bytes, start, end, parsed);
  return kind === IsoKind.Unparseable ? parseSlashBytes(bytes, start, end, order, parsed) : kind;
}

const dictionaryCache = new WeakMap<Vector, { ms: Float64Array; kinds: Uint8Array; order: DateOrder }>();

function parseDictionary(dictionary: Vector, order: DateOrder): { ms: Float64Array; kinds: Uint8Array } {
  let entries = dictionaryCache.get(dictionary);
  if (entries && entries.order === order) return entries;
  const ms = new Float64Array(dictionary.length);
  const kinds = new Uint8Array(dictionary.length);
  const parsed = { ms: 0 };
  let at = 0;
  for (const chunk of dictionary.data) {
    const validity = validityOf(chunk);
    const valid = validity ? (i: number) => validity[i] === 1 : () => true;
    utf8Values(chunk)((i, bytes, start, end) => {
      kinds[at + i] = valid(i) ? parseTextTime(bytes, start, end, parsed, order) : IsoKind.Blank;
      ms[at + i] = parsed.ms;
    });
    at += chunk.length;
  }
  entries = { ms, kinds, order };
  dictionaryCache.set(dictionary, entries);
  return entries;
}
