import { DataType, DateUnit, type Vector } from 'apache-arrow';

const MAX_LENGTH = 120;

/**
 * Renders cell `row` of an Arrow column as a short string for previews and load-report examples,
 * safe for every type (`JSON.stringify` throws on the bigint an Int64 holds): null → 'null';
 * Timestamp → ISO-8601, with 'Z' only when the column has a zone (a zone-less timestamp is a
 * wall-clock reading); Date → 'YYYY-MM-DD'; bigint and numbers in decimal; bool as 'true'/'false';
 * binary as hex; lists and structs as JSON; anything past 120 characters cut with '…'.
 *
 * @example
 * formatCell(chicago.getChild('occurred_at'), 0) // → '2014-01-01T00:01:00.000'
 * // a Timestamp[ms] of 2^62 → "4611686018427387904 (beyond the Date range)"
 */
export function formatCell(vector: Vector, row: number): string {
  let value: unknown;
  try {
    value = vector.get(row);
  } catch {
    // apache-arrow refuses a 64-bit value beyond 2^53 as a number (a Timestamp of 2^62 ms): show its integer.
    const raw = rawInteger(vector, row);
    return `${raw} (${raw === '-9223372036854775808' ? "INT64_MIN, NumPy's NaT" : 'beyond the Date range'})`;
  }
  if (value === null || value === undefined) return 'null';
  const type = vector.type as DataType;
  if (typeof value === 'number' && DataType.isTimestamp(type)) return formatTime(value, type.timezone ? 'instant' : 'wall');
  if (typeof value === 'number' && DataType.isDate(type)) {
    const text = formatTime(value, 'wall');
    return type.unit === DateUnit.DAY || text.endsWith('T00:00:00.000') ? text.slice(0, 10) : text;
  }
  return cut(formatValue(value));
}

/**
 * Formats epoch ms on a clock: an instant as UTC ISO-8601 with 'Z', a wall-clock reading
 * without it; 'invalid time' outside the Date range.
 *
 * @example
 * formatTime(0, 'wall') // → '1970-01-01T00:00:00.000'
 */
export function formatTime(ms: number, clock: 'instant' | 'wall'): string {
  if (!(Math.abs(ms) <= 8.64e15)) return 'invalid time';
  const iso = new Date(Math.floor(ms)).toISOString();
  return clock === 'instant' ? iso : iso.slice(0, -1);
}

function formatValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'bigint':
    case 'number':
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    const plain = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
    return JSON.stringify(plain, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The stored 64-bit integer of a fixed-width cell, read from its chunk's buffer ('?' if there is none). */
function rawInteger(vector: Vector, row: number): string {
  let local = row;
  for (const data of vector.data) {
    if (local < data.length) {
      const values = data.values as unknown;
      return values instanceof BigInt64Array || values instanceof BigUint64Array ? String(values[local]) : '?';
    }
    local -= data.length;
  }
  return '?';
}

function cut(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
