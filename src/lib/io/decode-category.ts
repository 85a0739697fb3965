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

/** `decodeCategory` fed in parts (record batches, each its own `inputs` and `codes` view): one value list and dictionary lookups kept between parts. */
export interface CategoryDecoder {
  decode(inputs: readonly ColumnInput[], codes: Int32Array): void;
  /** The values the codes so far index, in order of first appearance. */
  values(): string[];
}

/**
 * A `decodeCategory` that keeps its values and dictionary lookups between calls, so record
 * batches decoded one at a time give the codes and values the whole column gives at once.
 * @example const d = categoryDecoder(); d.decode(batch1Inputs, codes1); d.decode(batch2Inputs, codes2); d.values()
 */
export function categoryDecoder(): CategoryDecoder {
  const interner = new Interner();
  const dictionaries = new Map<Vector, Int32Array>();
  return { decode: (inputs, codes) => decodeInto(inputs, codes, interner, dictionaries), values: () => interner.values };
}

function decodeInto(inputs: readonly ColumnInput[], codes: Int32Array, interner: Interner, dictionaries: Map<Vector, Int32Array>): void {
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
        const dictionary = data.dictionary as Vector;
        let lookup = dictionaries.get(dictionary);
        if (!lookup) {
          lookup = Int32Array.from({ length: dictionary.length }, (_, j) => {
            const value = dictionary.get(j);
            return value === null || value === undefined ? -1 : interner.code(String(value));
          });
          dictionaries.set(dictionary, lookup);
        }
        const indices = data.values as ArrayLike<number>;
        for (let i = 0; i < length; i++) {
          const index = indices[i];
          if (valid && valid[i] === 0) codes[at + i] = -1;
          else if (index >= 0 && index < lookup.length) codes[at + i] = lookup[index];
          else
            throw new InputError(
              `file '${input.source.name}' is corrupt: category column '${input.field.name}' row ${at + i - input.start} has dictionary index ${index} of ${lookup.length}`,
              { code: 'file-corrupt', file: input.source.name, column: input.field.name, row: at + i - input.start },
            );
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
