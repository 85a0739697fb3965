import { DataType, makeVector, type Data, type Vector } from 'apache-arrow';
import { isStringType } from './decode-iso-time';
import { assertSameFamily, type ColumnInput } from './find-column';
import { InputError } from './input-error';
import { readNumbers } from './read-numbers';
import { validityOf } from './validity';

/** Kinds of category column that load together. */
export type CategoryFamily = 'strings' | 'integers' | 'booleans';

/**
 * The family of an Arrow type as a category column, or null if it cannot be one.
 *
 * @example
 * categoryFamily(new Dictionary(new Utf8(), new Int32())) // → 'strings'
 */
export function categoryFamily(type: DataType): CategoryFamily | null {
  if (isStringType(type)) return 'strings';
  if (DataType.isInt(type)) return 'integers';
  if (DataType.isBool(type)) return 'booleans';
  return null;
}

/**
 * Decodes the category column of every file into `codes[row]` (−1 for null) indexing the
 * returned values (in order of first appearance; the loader re-sorts them). Strings (Utf8,
 * dictionary, LargeUtf8, Utf8View) are taken as they are; integer columns are stringified in
 * decimal ('42'), booleans as 'true'/'false' — so a numeric code such as a beat or an FBI class
 * can serve as category. Dictionaries are mapped once per dictionary (codes then cost one lookup
 * a row); plain Utf8 values are interned by their bytes, so each distinct value is decoded once.
 *
 * @example
 * decodeCategory(findColumn([chicago], 'primary_type', 'category'), codes) // → ['DECEPTIVE PRACTICE', 'MOTOR VEHICLE THEFT', …] (33)
 */
export function decodeCategory(inputs: readonly ColumnInput[], codes: Int32Array): string[] {
  const decoder = categoryDecoder();
  decoder.decode(inputs, codes);
  return decoder.values();
}

/** `decodeCategory` fed in parts (record batches, each its own `inputs` and `codes` view): one value list and dictionary lookup kept between parts. */
export interface CategoryDecoder {
  /**
   * Decodes one part; `fileRow` is the row, within its file, of the part's first row (a record
   * batch after the first), so that an error names the row in the file.
   */
  decode(inputs: readonly ColumnInput[], codes: Int32Array, fileRow?: number): void;
  /** The values the codes so far index, in order of first appearance. */
  values(): string[];
  /** Entries of the dictionary lookup held (the latest dictionary's length; 0 before any dictionary column). */
  held(): number;
}

/**
 * A `decodeCategory` that keeps its values between calls, so record batches decoded one at a
 * time give the codes and values the whole column gives at once. Of dictionary columns it keeps
 * one lookup (dictionary index → value code), for the latest dictionary: a batch with the same
 * dictionary reuses it, a dictionary that extends it (an IPC delta dictionary: the earlier
 * entries followed by new ones) adds only the new entries, and any other replaces it — the
 * values of all dictionaries merge into the one value list, so memory does not grow with the
 * number of batches.
 * @example const d = categoryDecoder(); d.decode(batch1Inputs, codes1); d.decode(batch2Inputs, codes2, batch1Rows); d.values()
 */
export function categoryDecoder(): CategoryDecoder {
  const interner = new Interner();
  const lookup = new DictionaryLookup(interner);
  return { decode: (inputs, codes, fileRow) => decodeInto(inputs, codes, interner, lookup, fileRow), values: () => interner.values, held: () => lookup.held() };
}

/** The lookup of the latest dictionary met (dictionary index → value code), extended in place for delta dictionaries. */
class DictionaryLookup {
  private dictionary: Vector | null = null;
  private codes = new Int32Array(0);

  constructor(private readonly interner: Interner) {}

  /** The lookup for `dictionary`: the one held when it is the same, extended when it extends it, else made anew. */
  of(dictionary: Vector): Int32Array {
    if (dictionary === this.dictionary) return this.codes;
    const from = this.extends(dictionary) ? this.codes.length : 0;
    const codes = new Int32Array(dictionary.length);
    codes.set(this.codes.subarray(0, from));
    for (let j = from; j < dictionary.length; j++) {
      const value = dictionary.get(j);
      codes[j] = value === null || value === undefined ? -1 : this.interner.code(String(value));
    }
    this.dictionary = dictionary;
    this.codes = codes;
    return codes;
  }

  held(): number {
    return this.codes.length;
  }

  /** True when `dictionary` starts with the held dictionary's data chunks (apache-arrow concatenates a delta onto the dictionary before it). */
  private extends(dictionary: Vector): boolean {
    const before = this.dictionary?.data;
    if (!before || before.length > dictionary.data.length) return false;
    return before.every((chunk, i) => dictionary.data[i] === chunk);
  }
}

function decodeInto(inputs: readonly ColumnInput[], codes: Int32Array, interner: Interner, dictionaries: DictionaryLookup, fileRow?: number): void {
  for (const { source, field } of inputs) {
    if (categoryFamily(field.type) === null) {
      throw new InputError(
        `category column '${field.name}' in file '${source.name}' has type ${String(field.type)}: expected strings (Utf8 or a dictionary), integers or booleans`,
        { code: 'column-type', file: source.name, column: field.name },
      );
    }
  }
  assertSameFamily(inputs, (input) => categoryFamily(input.field.type), 'category');
  for (const input of inputs) {
    let at = input.start;
    for (const data of input.vector.data) {
      const valid = validityOf(data);
      const { type, length } = data;
      if (DataType.isDictionary(type)) {
        const lookup = dictionaries.of(data.dictionary as Vector);
        const indices = data.values as ArrayLike<number>;
        for (let i = 0; i < length; i++) {
          const index = indices[i];
          if (valid && valid[i] === 0) codes[at + i] = -1;
          else if (index >= 0 && index < lookup.length) codes[at + i] = lookup[index];
          else {
            const row = (fileRow ?? 0) + at + i - input.start; // 0-based in the file, as every error's row (ErrorWhere)
            throw new InputError(
              `file '${input.source.name}' is corrupt: category column '${input.field.name}' row ${row.toLocaleString('en-US')} has dictionary index ${index} of ${lookup.length}`,
              { code: 'file-corrupt', file: input.source.name, column: input.field.name, row },
            );
          }
        }
      } else if (DataType.isUtf8(type)) {
        const offsets = data.valueOffsets as Int32Array;
        const bytes = data.values as Uint8Array;
        for (let i = 0; i < length; i++) codes[at + i] = valid && valid[i] === 0 ? -1 : interner.codeOfBytes(bytes, offsets[i], offsets[i + 1]);
      } else if (DataType.isInt(type)) {
        const numbers = new Float64Array(length);
        readNumbers(data, numbers, 0);
        for (let i = 0; i < length; i++) codes[at + i] = numbers[i] === numbers[i] ? interner.code(String(numbers[i])) : -1;
      } else {
        decodeGeneric(data, codes, at, valid, interner);
      }
      at += length;
    }
  }
}

/** Booleans, LargeUtf8 and Utf8View: through `Vector.get` (rare layouts; slower). */
function decodeGeneric(data: Data, codes: Int32Array, at: number, valid: Uint8Array | null, interner: Interner): void {
  const vector = makeVector(data);
  for (let i = 0; i < data.length; i++) {
    const value = valid && valid[i] === 0 ? null : vector.get(i);
    codes[at + i] = value === null || value === undefined ? -1 : interner.code(String(value));
  }
}

/** Distinct values with dense codes; UTF-8 byte ranges are matched by an FNV-1a hash, then byte by byte. */
class Interner {
  readonly values: string[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byHash = new Map<number, number[]>();
  private readonly bytesOf: Uint8Array[] = [];
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  code(text: string): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      const bytes = this.encoder.encode(text);
      code = this.codeOfBytes(bytes, 0, bytes.length);
    }
    return code;
  }

  codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const candidates = this.byHash.get(hash);
    if (candidates) {
      for (const code of candidates) if (sameBytes(this.bytesOf[code], bytes, start, end)) return code;
    }
    const code = this.values.length;
    const own = bytes.slice(start, end);
    const text = this.decoder.decode(own);
    this.values.push(text);
    this.bytesOf.push(own);
    this.byText.set(text, code);
    if (candidates) candidates.push(code);
    else this.byHash.set(hash, [code]);
    return code;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[start + i]) return false;
  return true;
}
