import { DataType, DateUnit, TimeUnit, type Data } from 'apache-arrow';
import { validityOf } from './validity';

/** Largest |value| a 64-bit Timestamp or Date64 may hold for apache-arrow to convert it (per unit). */
const LIMIT: Record<TimeUnit, number> = {
  [TimeUnit.SECOND]: Number.MAX_SAFE_INTEGER,
  [TimeUnit.MILLISECOND]: Number.MAX_SAFE_INTEGER,
  // `.get` divides by 1000 first: the quotient must stay below 2^53.
  [TimeUnit.MICROSECOND]: Number.MAX_SAFE_INTEGER * 1000,
  [TimeUnit.NANOSECOND]: Infinity,
};

const TWO_32 = 4294967296;

/**
 * The first non-null row of a Timestamp (s, ms, µs) or Date64 chunk whose int64 value no
 * JavaScript number holds exactly (beyond ±(2^53 − 1), or 2^53 · 1000 µs), or −1. apache-arrow's
 * `.get` throws a bare "… is not safe to convert to a number" TypeError on such a value, which
 * the preview, drop examples and column guesses would meet; no date reaches such values (the
 * Date range is ±8.64e15 ms), so the reader refuses them with the row. Other 64-bit columns
 * read as bigint (Int64 ids, H3 cells) or are converted exactly (ns timestamps) and pass.
 * Method: each value as two 32-bit words, v ≈ hi · 2^32 + lo, no BigInt per element.
 *
 * @example
 * unsafeInt64Row(makeData({ type: new TimestampMillisecond(), length: 2, data: BigInt64Array.of(0n, 2n ** 62n) })) // → 1
 */
export function unsafeInt64Row(data: Data): number {
  const { type, length } = data;
  let limit: number;
  if (DataType.isTimestamp(type)) limit = LIMIT[type.unit];
  else if (DataType.isDate(type) && type.unit === DateUnit.MILLISECOND) limit = Number.MAX_SAFE_INTEGER;
  else return -1;
  const values = data.values as BigInt64Array | undefined;
  if (limit === Infinity || !values || !(values instanceof BigInt64Array)) return -1;
  const words = new Int32Array(values.buffer, values.byteOffset, Math.min(length, values.length) * 2);
  const valid = validityOf(data);
  for (let i = 0; i < words.length / 2; i++) {
    const value = words[2 * i + 1] * TWO_32 + (words[2 * i] >>> 0);
    // Near the limit the double is rounded: decide those few exactly.
    if (Math.abs(value) >= limit - 4096 && (valid === null || valid[i] === 1)) {
      const exact = values[i];
      if (exact > BigInt(limit) || exact < -BigInt(limit)) return i;
    }
  }
  return -1;
}
