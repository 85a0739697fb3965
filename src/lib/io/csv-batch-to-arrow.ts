import { Float64, Int32, RecordBatch, Struct, Utf8, makeData, type Data, type Schema } from 'apache-arrow';
import type { CsvColumnChunk } from './csv-column-builder';
import type { CsvColumnPlan } from './csv-column-types';
import type { CsvRawBatch } from './csv-parser';
import { parseNumber } from './number-format';

/**
 * One Arrow record batch from a batch of parsed CSV records and the columns' plans: text
 * columns keep the parsed bytes as their Utf8 buffers (no string is made), numeric columns are
 * parsed into Int32 or Float64. Empty fields are nulls (a validity bitmap only where one occurs).
 *
 * @example
 * csvBatchToArrow(batch, types.plans, types.schema).numRows // → batch.rows
 */
export function csvBatchToArrow(batch: CsvRawBatch, plans: readonly CsvColumnPlan[], schema: Schema): RecordBatch {
  const children = plans.map((plan, k) => columnData(batch.columns[k], batch.rows, plan));
  const data = makeData({ type: new Struct(schema.fields), length: batch.rows, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

function columnData(column: CsvColumnChunk, rows: number, plan: CsvColumnPlan): Data {
  const { nullBitmap, nullCount } = validityBitmap(column, rows, plan.kind !== 'utf8');
  if (plan.kind === 'utf8') {
    return makeData({ type: new Utf8(), length: rows, nullCount, nullBitmap, valueOffsets: column.offsets, data: column.bytes });
  }
  const values = plan.kind === 'int32' ? new Int32Array(rows) : new Float64Array(rows);
  const { bytes, offsets } = column;
  const format = plan.format as number;
  for (let i = 0; i < rows; i++) {
    if (offsets[i] === offsets[i + 1]) continue;
    const value = parseNumber(bytes, offsets[i], offsets[i + 1], format);
    values[i] = value === value ? value : 0;
  }
  if (values instanceof Int32Array) return makeData({ type: new Int32(), length: rows, nullCount, nullBitmap, data: values });
  return makeData({ type: new Float64(), length: rows, nullCount, nullBitmap, data: values });
}

/** Arrow's validity bitmap (bit set = value) and the null count; numbers blank after trimming spaces are null too. */
function validityBitmap(column: CsvColumnChunk, rows: number, numeric: boolean): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  const { valid, offsets, bytes } = column;
  let nullCount = 0;
  const bitmap = new Uint8Array((rows + 7) >> 3);
  for (let i = 0; i < rows; i++) {
    let present = valid[i] === 1;
    if (present && numeric) {
      present = false;
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        if (bytes[p] !== 32) {
          present = true;
          break;
        }
      }
    }
    if (present) bitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return nullCount === 0 ? { nullBitmap: undefined, nullCount: 0 } : { nullBitmap: bitmap, nullCount };
}
