import type { EpochUnit } from './column-mapping';

const TWO_32 = 4294967296;

/** True on little-endian hosts (every platform browsers and Node run on); the fast paths assume it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Copies `length` 64-bit integers into `out[at…]` as numbers, exact while |v| < 2^53.
 * Method: each int64 is read as two 32-bit words, v = hi · 2^32 + lo (hi signed for Int64,
 * unsigned for Uint64; lo unsigned), about 5× faster than `Number(bigint)` per element
 * (STACK.md). Beyond 2^53 the result is the nearest double.
 *
 * @example
 * const out = new Float64Array(2);
 * int64ToNumbers(new BigInt64Array([-1n, 2n ** 40n]), 2, out, 0); // out → [-1, 1099511627776]
 */
export function int64ToNumbers(values: BigInt64Array | BigUint64Array, length: number, out: Float64Array, at: number): void {
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < length; i++) out[at + i] = Number(values[i]);
    return;
  }
  const words = new Int32Array(values.buffer, values.byteOffset, length * 2);
  if (values instanceof BigUint64Array) {
    for (let i = 0; i < length; i++) out[at + i] = (words[2 * i + 1] >>> 0) * TWO_32 + (words[2 * i] >>> 0);
  } else {
    for (let i = 0; i < length; i++) out[at + i] = words[2 * i + 1] * TWO_32 + (words[2 * i] >>> 0);
  }
}

/**
 * Converts `length` int64 epoch counts in `unit` to whole epoch milliseconds in `out[at…]`,
 * rounding toward −∞ (so −1 ns → −1 ms, the millisecond that contains it), exactly for every
 * result within the JavaScript Date range (|ms| ≤ 8.64e15).
 * Method: v = hi · 2^32 + lo with hi signed and lo unsigned. For s and ms, hi · 2^32 + lo is
 * exact below 2^53 and is scaled by 1000 or 1. For µs and ns (d = 10^3, 10^6), write
 * 2^32 = Q·d + R; then v = d·(hi·Q) + (hi·R + lo), so ⌊v/d⌋ = hi·Q + ⌊(hi·R + lo)/d⌋, where every
 * term stays below 2^53 and is exact — nanosecond timestamps (~1.5e18) need no BigInt.
 *
 * @example
 * const out = new Float64Array(2);
 * int64ToMs(new BigInt64Array([1500000000123456789n, -1n]), 2, 'ns', out, 0);
 * // out → [1500000000123, -1]
 */
export function int64ToMs(values: BigInt64Array | BigUint64Array, length: number, unit: EpochUnit, out: Float64Array, at: number): void {
  if (unit === 's' || unit === 'ms') {
    int64ToNumbers(values, length, out, at);
    if (unit === 's') for (let i = 0; i < length; i++) out[at + i] *= 1000;
    return;
  }
  const d = unit === 'us' ? 1e3 : 1e6;
  if (!LITTLE_ENDIAN || values instanceof BigUint64Array) {
    const big = BigInt(d);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      const q = v / big;
      out[at + i] = Number(v < 0n && q * big !== v ? q - 1n : q);
    }
    return;
  }
  const q1 = Math.floor(TWO_32 / d);
  const r1 = TWO_32 - q1 * d;
  const words = new Int32Array(values.buffer, values.byteOffset, length * 2);
  for (let i = 0; i < length; i++) {
    const hi = words[2 * i + 1];
    out[at + i] = hi * q1 + Math.floor((hi * r1 + (words[2 * i] >>> 0)) / d);
  }
}
