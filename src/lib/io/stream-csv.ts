import type { RecordBatch } from 'apache-arrow';
import { CsvStreamer, type CsvStreamEnd, type CsvStreamOptions } from './csv-streamer';

/**
 * Streams CSV text (chunks of any size, in order: a ByteSource's `chunks()`, or decompressed
 * gzip) as Arrow record batches of one schema, never holding the whole text: `CsvStreamer`
 * detects delimiter, header and number formats from the first chunk(s) and batch, and counts
 * malformed records by file record number. The generator's return value is the `CsvStreamEnd`:
 * notes, drops, and `retype` when a later value changed a column's type — then the batches given
 * must be discarded and the chunks streamed again with `{ types: end.retype }`.
 *
 * @example
 * for await (const batch of streamCsv(input.chunks(), input.name)) rows += batch.numRows
 */
export async function* streamCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  name: string,
  options: CsvStreamOptions = {},
): AsyncGenerator<RecordBatch, CsvStreamEnd> {
  const streamer = new CsvStreamer(name, options);
  for await (const chunk of chunks) yield* streamer.push(chunk);
  yield* streamer.finish();
  return streamer.end();
}
