import { DataType, makeData, type Data } from 'apache-arrow';

/** One decoded column chunk as hyparquet hands it out: a typed array, or an array with null where a value is missing. */
export type DecodedValues = ArrayLike<unknown>;

type NumberArrayConstructor = new (length: number) => { [i: number]: number; readonly length: number };

const ENCODER = new TextEncoder();

/**
 * Builds the Arrow column data of one row group from the values hyparquet decoded for it
 * (with its raw parsers: timestamps and int64 as bigint, dates as day numbers, text as UTF-8
 * bytes), nulls (`null` or `undefined`) kept in a validity bitmap (LSB first, as Arrow's).
 * Returns null when a value does not fit the type (the caller names the column).
 *
 * @example parquetColumnData(new Float64(), [1.5, null]) // → Data<Float64> [1.5, null], nullCount 1
 */
export function parquetColumnData(type: DataType, values: DecodedValues): Data | null {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  if (DataType.isUtf8(type)) return utf8Data(type, values, nullBitmap, nullCount);
  if (DataType.isBool(type)) {
    const bits = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
    return makeData({ type, length, nullCount, nullBitmap, data: bits });
  }
  if (DataType.isTimestamp(type) || (DataType.isInt(type) && type.bitWidth === 64)) {
    const unsigned = DataType.isInt(type) && !type.isSigned;
    const out = unsigned ? new BigUint64Array(length) : new BigInt64Array(length);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'bigint') return null;
      out[i] = v;
    }
    return makeData({ type, length, nullCount, nullBitmap, data: out } as never);
  }
  const Array = numberArray(type);
  if (Array === null) return null;
  const out = new Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') return null;
    out[i] = v;
  }
  return makeData({ type, length, nullCount, nullBitmap, data: out } as never);
}

function numberArray(type: DataType): NumberArrayConstructor | null {
  if (DataType.isFloat(type)) return type.precision === 2 ? Float64Array : Float32Array;
  if (DataType.isDate(type)) return Int32Array;
  if (!DataType.isInt(type)) return null;
  const signed = type.isSigned;
  if (type.bitWidth === 8) return signed ? Int8Array : Uint8Array;
  if (type.bitWidth === 16) return signed ? Int16Array : Uint16Array;
  return signed ? Int32Array : Uint32Array;
}

function validity(values: DecodedValues): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  if (!Array.isArray(values)) return { nullBitmap: undefined, nullCount: 0 };
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === null || values[i] === undefined) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] !== null && values[i] !== undefined) bitmap[i >> 3] |= 1 << (i & 7);
  return { nullBitmap: bitmap, nullCount };
}

/** Text: the UTF-8 bytes of every value, end to end, with their offsets (strings are encoded, bytes copied). */
function utf8Data(type: DataType, values: DecodedValues, nullBitmap: Uint8Array | undefined, nullCount: number): Data | null {
  const length = values.length;
  const parts: Uint8Array[] = new Array(length);
  const valueOffsets = new Int32Array(length + 1);
  let size = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const bytes = v === null || v === undefined ? EMPTY : v instanceof Uint8Array ? v : typeof v === 'string' ? ENCODER.encode(v) : null;
    if (bytes === null) return null;
    parts[i] = bytes;
    size += bytes.length;
    valueOffsets[i + 1] = size;
  }
  const data = new Uint8Array(size);
  for (let i = 0; i < length; i++) data.set(parts[i], valueOffsets[i]);
  return makeData({ type, length, nullCount, nullBitmap, valueOffsets, data } as never);
}

const EMPTY = new Uint8Array(0);
