import { RecordBatch, Schema, Table, TimestampMillisecond, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Clock } from './incidents';

/**
 * Serialises named columns as an Arrow IPC file (the random-access "file" format, which
 * DuckDB, pyarrow and Polars open directly), with string key–value schema metadata.
 */
export function arrowTableBytes(columns: Readonly<Record<string, Vector>>, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const table = new Table(columns);
  const schema = new Schema(table.schema.fields, new Map(Object.entries(metadata)));
  const withMetadata = new Table(schema, table.batches.map((batch) => new RecordBatch(schema, batch.data)));
  return tableToIPC(withMetadata, 'file');
}

/**
 * A millisecond timestamp column for times on a clock: instants carry their zone (Arrow's
 * "timestamp with time zone"), wall-clock readings carry none (Arrow's local-time convention).
 */
export function timeVector(times: ArrayLike<number>, clock: Clock, timeZone: string): Vector {
  return vectorFromArray(Array.from(times), new TimestampMillisecond(clock === 'instant' ? timeZone : null));
}
