import { DataType, makeVector, type Data } from 'apache-arrow';

/** Called with each value's index and its UTF-8 bytes `bytes[start, end)`. */
export type Utf8Visitor = (i: number, bytes: Uint8Array, start: number, end: number) => void;

/**
 * Iterates a string chunk's values as UTF-8 byte ranges: in place for Utf8 and LargeUtf8, encoded
 * one by one for other types (Utf8View). Nulls are visited too (as whatever their slot holds):
 * the caller checks validity.
 *
 * @example
 * utf8Values(vectorFromArray(['a', 'bc']).data[0])((i, bytes, start, end) => console.log(i, end - start)) // logs 0 1, 1 2
 */
export function utf8Values(data: Data): (visit: Utf8Visitor) => void {
  const { type, length } = data;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array;
    const bytes = data.values as Uint8Array;
    if (offsets instanceof Int32Array) {
      return (visit) => {
        for (let i = 0; i < length; i++) visit(i, bytes, offsets[i], offsets[i + 1]);
      };
    }
    return (visit) => {
      for (let i = 0; i < length; i++) visit(i, bytes, Number(offsets[i]), Number(offsets[i + 1]));
    };
  }
  const vector = makeVector(data);
  const encoder = new TextEncoder();
  return (visit) => {
    for (let i = 0; i < length; i++) {
      const bytes = encoder.encode(String(vector.get(i) ?? ''));
      visit(i, bytes, 0, bytes.length);
    }
  };
}
