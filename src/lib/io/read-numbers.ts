import { DataType, Precision, type Data } from 'apache-arrow';
import { int64ToNumbers } from './int64-to-number';
import { validityOf } from './validity';

/**
 * True for the Arrow types `readNumbers` reads: every Int width (signed or unsigned) and
 * Float16/32/64.
 *
 * @example
 * isNumericType(new Float64()) // → true; isNumericType(new Utf8()) // → false
 */
export function isNumericType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type);
}

/**
 * Copies one chunk of a numeric column into `out[at…]` as float64, NaN where the value is null.
 * Reads `data.values` directly (int64 as 32-bit word pairs, exact below 2^53; float16 decoded
 * from its bits) — no per-element `.get(i)`.
 *
 * @example
 * const out = new Float64Array(3);
 * readNumbers(vectorFromArray([1, null, 3], new Int32()).data[0], out, 0); // out → [1, NaN, 3]
 */
export function readNumbers(data: Data, out: Float64Array, at: number): void {
  const { type, length } = data;
  const values = data.values as ArrayLike<number> | BigInt64Array | BigUint64Array;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    int64ToNumbers(values, length, out, at);
  } else if (DataType.isFloat(type) && type.precision === Precision.HALF) {
    for (let i = 0; i < length; i++) out[at + i] = halfToNumber((values as Uint16Array)[i]);
  } else if (DataType.isInt(type) || DataType.isFloat(type)) {
    out.set((values as ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }).subarray(0, length), at);
  } else {
    throw new TypeError(`readNumbers: ${String(type)} is not a numeric type`);
  }
  const valid = validityOf(data);
  if (valid) for (let i = 0; i < length; i++) if (valid[i] === 0) out[at + i] = NaN;
}

/** IEEE 754 binary16 → number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * The first `max` finite values of a numeric column's chunks (nulls and NaN skipped), for
 * guesses that look at values: epoch units, degrees versus projected coordinates. Reads each
 * chunk in slices of at most `max` rows, so a sample of a 1.3 M-row record batch decodes only the
 * rows it needs (it decoded the whole batch: 10 MB of fresh memory and most of 0.1 s on Chicago).
 *
 * @example
 * sampleNumbers(vectorFromArray([1, null, NaN, 4]).data, 10) // → [1, 4]
 */
export function sampleNumbers(chunks: readonly Data[], max: number): number[] {
  const sample: number[] = [];
  const values = new Float64Array(Math.max(1, max));
  for (const data of chunks) {
    for (let from = 0; from < data.length && sample.length < max; from += values.length) {
      const part = data.slice(from, Math.min(values.length, data.length - from));
      readNumbers(part, values, 0);
      for (let i = 0; i < part.length && sample.length < max; i++) if (Number.isFinite(values[i])) sample.push(values[i]);
    }
    if (sample.length >= max) break;
  }
  return sample;
}
