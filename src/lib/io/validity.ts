import type { Data } from 'apache-arrow';

/**
 * Unpacks a chunk's validity bitmap into one byte per row (1 = value present, 0 = null), or
 * returns null when the chunk has no nulls. Arrow's bitmap is LSB-first and starts at bit
 * `data.offset` (apache-arrow does not slice it), and a chunk's `values` show no trace of nulls,
 * so every decoder reads nulls through this one function.
 *
 * @example
 * validityOf(vectorFromArray([1, null, 3]).data[0]) // → Uint8Array [1, 0, 1]
 */
export function validityOf(data: Data): Uint8Array | null {
  if (data.nullCount <= 0 || !data.nullBitmap) return null;
  const bitmap = data.nullBitmap;
  const { offset, length } = data;
  const valid = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const bit = offset + i;
    valid[i] = (bitmap[bit >> 3] >> (bit & 7)) & 1;
  }
  return valid;
}
