import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  TimeUnit,
  Timestamp,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';

/** The Arrow type a Parquet column is read as, or why it cannot be read. */
export type ParquetColumnType = { readonly type: DataType } | { readonly unsupported: string };

const UNIT = { MILLIS: TimeUnit.MILLISECOND, MICROS: TimeUnit.MICROSECOND, NANOS: TimeUnit.NANOSECOND } as const;

/**
 * The Arrow type of a flat Parquet column, chosen so that the rest of Hexcast sees what the
 * Arrow route would show for the same data (what pyarrow's `read_table` gives):
 * BOOLEAN → Bool; INT32 → Int32 (Int8/16, Uint8/16/32 by its INTEGER annotation), DATE → Date
 * (days); INT64 → Int64 (Uint64 when unsigned; kept as 64-bit, so values beyond 2^53 stay
 * exact for H3 cells and are refused in timestamps as the Arrow reader refuses them);
 * TIMESTAMP(unit, isAdjustedToUTC) → Timestamp(unit, 'UTC') for instants and a zone-less
 * Timestamp for local wall time (the legacy TIMESTAMP_MILLIS/MICROS annotations mean UTC
 * instants, by the format's rules); INT96 (Spark and Impala's old timestamps) → Timestamp(ns,
 * 'UTC'); FLOAT/DOUBLE → Float32/Float64; DECIMAL → Float64; BYTE_ARRAY annotated as text
 * (UTF8/STRING, ENUM, JSON) → Utf8. Anything else — nested groups, lists and maps, unannotated
 * binary, TIME, INTERVAL, UUID, geometry — is unsupported, with the reason.
 * Reference: Apache Parquet format, LogicalTypes.md.
 *
 * @example parquetArrowType({ name: 'at', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } })
 *   // → { type: Timestamp<MICROSECOND> } (no zone: local wall time)
 */
export function parquetArrowType(element: SchemaElement): ParquetColumnType {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (element.num_children !== undefined || element.repetition_type === 'REPEATED') {
    return { unsupported: `a nested ${converted === 'LIST' ? 'list' : converted === 'MAP' ? 'map' : 'group'} column` };
  }
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return { type: new Float64() };
  if (logical?.type === 'TIMESTAMP') return { type: new Timestamp(UNIT[logical.unit], logical.isAdjustedToUTC ? 'UTC' : null) };
  if (converted === 'TIMESTAMP_MILLIS') return { type: new Timestamp(TimeUnit.MILLISECOND, 'UTC') };
  if (converted === 'TIMESTAMP_MICROS') return { type: new Timestamp(TimeUnit.MICROSECOND, 'UTC') };
  if (converted === 'DATE' || logical?.type === 'DATE') return { type: new DateDay() };
  if (logical?.type === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') return { unsupported: 'a time of day without a date (TIME)' };
  if (converted === 'INTERVAL') return { unsupported: 'an INTERVAL' };
  switch (type) {
    case 'BOOLEAN':
      return { type: new Bool() };
    case 'INT32':
      return { type: int32Type(element) };
    case 'INT64':
      return { type: converted === 'UINT_64' || (logical?.type === 'INTEGER' && !logical.isSigned) ? new Uint64() : new Int64() };
    case 'INT96':
      return { type: new Timestamp(TimeUnit.NANOSECOND, 'UTC') };
    case 'FLOAT':
      return { type: new Float32() };
    case 'DOUBLE':
      return { type: new Float64() };
    case 'BYTE_ARRAY':
      if (
        converted === 'UTF8' ||
        converted === 'ENUM' ||
        converted === 'JSON' ||
        logical?.type === 'STRING' ||
        logical?.type === 'ENUM' ||
        logical?.type === 'JSON'
      ) {
        return { type: new Utf8() };
      }
      return { unsupported: `binary data (BYTE_ARRAY${logical ? ` ${logical.type}` : ''} without a text annotation)` };
    default:
      return { unsupported: `${type ?? 'an unknown physical type'}${logical ? ` ${logical.type}` : ''}` };
  }
}

function int32Type(element: SchemaElement): DataType {
  const { converted_type: converted, logical_type: logical } = element;
  const bits = logical?.type === 'INTEGER' ? logical.bitWidth : converted ? Number(/^U?INT_(\d+)$/.exec(converted)?.[1] ?? 32) : 32;
  const unsigned = logical?.type === 'INTEGER' ? !logical.isSigned : (converted?.startsWith('UINT_') ?? false);
  if (bits === 8) return unsigned ? new Uint8() : new Int8();
  if (bits === 16) return unsigned ? new Uint16() : new Int16();
  return unsigned ? new Uint32() : new Int32();
}
