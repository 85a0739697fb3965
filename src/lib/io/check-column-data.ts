import { DataType, type Data } from 'apache-arrow';

/**
 * Checks that one chunk of an Arrow column holds the buffers its length promises, and returns
 * what is wrong (or null). apache-arrow takes buffer views on the file's bytes without such
 * checks, so a corrupt or cut file can yield short buffers that read as `undefined` (NaN)
 * instead of failing; this check turns that into a clear error at load time.
 * Checked: the validity bitmap (when there are nulls), fixed-width values
 * (`length × stride` elements), bit-packed booleans, variable-width offsets (length + 1, within
 * the data buffer) and, for dictionary columns, the dictionary's own chunks.
 *
 * @example
 * checkColumnData(vectorFromArray([1, 2, 3]).data[0]) // → null
 */
export function checkColumnData(data: Data): string | null {
  const { type, offset, length } = data;
  const bits = offset + length;
  if (data.nullCount > 0 && (!data.nullBitmap || data.nullBitmap.length * 8 < bits)) {
    return `validity bitmap holds fewer than ${bits} bits`;
  }
  if (DataType.isNull(type) || DataType.isStruct(type) || DataType.isUnion(type)) return null;
  if (DataType.isDictionary(type)) {
    const indices = data.values as ArrayLike<number> | undefined;
    if (!indices || indices.length < length) return `dictionary indices hold fewer than ${length} values`;
    if (!data.dictionary) return 'dictionary values are missing';
    for (const chunk of data.dictionary.data) {
      const problem = checkColumnData(chunk);
      if (problem !== null) return `dictionary: ${problem}`;
    }
    return null;
  }
  if (DataType.isBool(type)) {
    const values = data.values as Uint8Array | undefined;
    return !values || values.length * 8 < bits ? `boolean values hold fewer than ${bits} bits` : null;
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBinary(type) || DataType.isLargeBinary(type)) {
    const offsets = data.valueOffsets as ArrayLike<number | bigint> | undefined;
    const values = data.values as Uint8Array | undefined;
    if (!offsets || offsets.length < length + 1) return `value offsets hold fewer than ${length + 1} entries`;
    if (length === 0) return null;
    const first = Number(offsets[0]);
    const last = Number(offsets[length]);
    if (first < 0 || last < first || !values || last > values.length) {
      return `value offsets point outside the data buffer (${first}..${last} of ${values?.length ?? 0} bytes)`;
    }
    return null;
  }
  if (DataType.isUtf8View(type) || DataType.isBinaryView(type) || DataType.isList(type) || DataType.isLargeList(type)) return null;
  if (DataType.isFixedSizeList(type) || DataType.isMap(type)) return null;
  const values = data.values as ArrayLike<unknown> | undefined;
  const need = length * data.stride;
  return !values || values.length < need ? `values hold ${values?.length ?? 0} of ${need} elements` : null;
}
