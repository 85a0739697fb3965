import { DataType, type Data } from 'apache-arrow';

/** What is wrong with a chunk, and the row (within the chunk) where it shows, when there is one. */
export interface ColumnDataProblem {
  readonly why: string;
  readonly row?: number;
}

/**
 * Bytes a buffer may hold beyond what its length needs: the IPC format pads buffers to 8 bytes
 * and recommends 64, and a writer may count that padding in the buffer's length.
 */
const PADDING = 64;

/**
 * Checks that one chunk of an Arrow column holds exactly the buffers its length promises, and
 * returns what is wrong (or null). apache-arrow takes buffer views on the file's bytes without
 * such checks: short buffers read as `undefined` (NaN), and a damaged length that is too small
 * silently drops the rest of the buffer's rows. Checked:
 * - the validity bitmap (when there are nulls) and bit-packed booleans hold ≥ length bits
 *   (bitmaps may be longer: apache-arrow writes a sliced column's whole bitmap);
 * - fixed-width values, dictionary indices and value offsets hold length × width bytes plus at
 *   most 64 bytes of zero padding — more, or non-zero bytes past the need, means the declared
 *   length is short of the rows the buffer holds;
 * - every variable-width offset (Utf8, Binary and their Large forms): the first ≥ 0, each ≥ the
 *   one before, the last within the data buffer, whose bytes past it are zero padding (< 64);
 *   one typed-array pass, so a damaged offset costs microseconds, not a column of garbage;
 * - a dictionary's own chunks, the same way.
 * Types without a fixed layout here (views, lists, maps, structs, unions) pass unchecked.
 *
 * @example
 * checkColumnData(vectorFromArray([1, 2, 3]).data[0]) // → null
 */
export function checkColumnData(data: Data): ColumnDataProblem | null {
  const { type, offset, length } = data;
  const bits = offset + length;
  if (data.nullCount > 0 && (!data.nullBitmap || data.nullBitmap.length * 8 < bits)) {
    return { why: `validity bitmap holds fewer than ${bits} bits` };
  }
  if (DataType.isNull(type) || DataType.isStruct(type) || DataType.isUnion(type)) return null;
  if (DataType.isDictionary(type)) {
    const indices = data.values as (ArrayLike<number> & ArrayBufferView) | undefined;
    if (!indices || indices.length < bits) return { why: `dictionary indices hold fewer than ${bits} values` };
    const extra = paddingProblem(indices, bits * (indices as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT, length, 'dictionary indices');
    if (extra !== null) return extra;
    if (!data.dictionary) return { why: 'dictionary values are missing' };
    for (const chunk of data.dictionary.data) {
      const problem = checkColumnData(chunk);
      if (problem !== null) return { why: `dictionary: ${problem.why}` };
    }
    return null;
  }
  if (DataType.isBool(type)) {
    const values = data.values as Uint8Array | undefined;
    return !values || values.length * 8 < bits ? { why: `boolean values hold fewer than ${bits} bits` } : null;
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBinary(type) || DataType.isLargeBinary(type)) {
    return checkOffsets(data);
  }
  if (DataType.isUtf8View(type) || DataType.isBinaryView(type) || DataType.isList(type) || DataType.isLargeList(type)) return null;
  if (DataType.isFixedSizeList(type) || DataType.isMap(type)) return null;
  const values = data.values as (ArrayLike<unknown> & ArrayBufferView) | undefined;
  const need = bits * data.stride;
  if (!values || values.length < need) return { why: `values hold ${values?.length ?? 0} of ${need} elements` };
  return paddingProblem(values, need * (values as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT, length, 'values buffer');
}

/** Offsets monotone from ≥ 0 and within the data buffer; no row-holding bytes past the need. */
function checkOffsets(data: Data): ColumnDataProblem | null {
  const { offset, length } = data;
  const offsets = data.valueOffsets as (Int32Array | BigInt64Array) | undefined;
  const values = data.values as Uint8Array | undefined;
  const count = offset + length + 1;
  // An empty array may leave its offsets (and data) buffer empty, as apache-arrow writes an empty dictionary (an all-null category column).
  if (length === 0 && offset === 0 && (!offsets || offsets.length === 0)) return null;
  if (!offsets || offsets.length < count) return { why: `value offsets hold fewer than ${count} entries` };
  if (!values) return { why: 'the data buffer is missing' };
  const extra = paddingProblem(offsets, count * offsets.BYTES_PER_ELEMENT, length, 'value offsets');
  if (extra !== null) return extra;
  // Int32 offsets as they are; int64 ones as word pairs (a high word other than 0 is beyond any buffer).
  const wide = offsets instanceof BigInt64Array;
  const words = wide ? new Int32Array(offsets.buffer, offsets.byteOffset, count * 2) : offsets;
  const at = (i: number): number => (wide ? (words[2 * i + 1] === 0 ? words[2 * i] >>> 0 : -1) : words[i]);
  let previous = at(offset);
  if (previous < 0 || previous > values.length)
    return { why: `value offset ${offset} (${String(offsets[offset])}) lies outside the ${values.length}-byte data buffer`, row: 0 };
  for (let i = offset + 1; i < count; i++) {
    const next = wide ? at(i) : words[i];
    if (next < previous) {
      if (next < 0 && wide) return { why: `value offset ${i} (${String(offsets[i])}) lies outside the ${values.length}-byte data buffer`, row: i - offset - 1 };
      return { why: `value offset ${i} (${next}) is below offset ${i - 1} (${previous}): the offsets are damaged`, row: i - offset - 1 };
    }
    if (next > values.length) {
      return { why: `value offset ${i} (${next}) lies beyond the ${values.length}-byte data buffer`, row: i - offset - 1 };
    }
    previous = next;
  }
  return paddingProblem(values, previous, length, 'data buffer');
}

/**
 * A buffer that holds more than `need` bytes: fine when the rest is under 64 bytes of zeros
 * (padding), otherwise the declared length is short of what the buffer holds.
 */
function paddingProblem(buffer: ArrayBufferView, need: number, length: number, what: string): ColumnDataProblem | null {
  const size = buffer.byteLength;
  if (size <= need) return null;
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, size);
  let zero = size - need < PADDING;
  for (let i = need; zero && i < size; i++) zero = bytes[i] === 0;
  if (zero) return null;
  return {
    why:
      `its ${what} holds ${size} bytes, but ${length} row${length === 1 ? '' : 's'} need${length === 1 ? 's' : ''} ${need} ` +
      '(the rest is not padding): the declared length is damaged, and rows past it would be lost',
  };
}
