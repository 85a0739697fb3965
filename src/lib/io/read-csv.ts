import { Table, type RecordBatch } from 'apache-arrow';
import { CsvStreamer, type CsvStreamEnd, type CsvStreamOptions } from './csv-streamer';
import type { ArrowSource } from './read-arrow';

/** Options of `readCsv`: the header and the batch size, both detected or defaulted. */
export type ReadCsvOptions = Omit<CsvStreamOptions, 'types'>;

/**
 * Reads CSV (or TSV, ';'- or '|'-delimited) text into an Arrow table, the source every other
 * stage takes: the delimiter is chosen from the first records (`detectDelimiter`), the first
 * line is the header unless it holds data, records are parsed by `CsvParser` (RFC 4180 quotes,
 * CRLF or LF, a UTF-8 BOM), and each column becomes Int32, Float64 (decimal point, or decimal
 * comma with '.' or space thousands as European portals export) or Utf8 text from all its values
 * (`csvColumnTypes`). Times stay text for the time decoder. Records with another field count than
 * the header, and one whose quote never closes, are not rows: `dropped` counts them as
 * 'record-malformed' with their line; `notes` says how the file was read and why.
 * Fails with an InputError when no record is a row (`csv-malformed` naming the first bad line,
 * or `no-rows`). It collects the batches of `CsvStreamer` (`streamCsv` streams them).
 *
 * @example
 * readCsv(bytes('id;lat\n1;41,88\n'), 'a.csv').table.getChild('lat')?.get(0) // → 41.88
 */
export function readCsv(bytes: Uint8Array, name: string, options: ReadCsvOptions = {}): ArrowSource {
  return readCsvChunks([bytes], name, options);
}

/**
 * `readCsv` over the file's bytes in chunks, in order (any split gives the same table): the
 * first 64 KiB choose the delimiter, then each chunk is parsed as it comes. The chunks are
 * read a second time only when a value after the first batch changes a column's type.
 *
 * @example
 * readCsvChunks([bytes.subarray(0, 7), bytes.subarray(7)], 'a.csv').table.numRows // → readCsv(bytes, 'a.csv').table.numRows
 */
export function readCsvChunks(chunks: readonly Uint8Array[], name: string, options: CsvStreamOptions = {}): ArrowSource {
  const streamer = new CsvStreamer(name, options);
  const batches: RecordBatch[] = [];
  for (const chunk of chunks) batches.push(...streamer.push(chunk));
  batches.push(...streamer.finish());
  const end = streamer.end();
  if (end.retype) return readCsvChunks(chunks, name, { ...options, types: end.retype });
  return csvSource(name, batches, end);
}

/** The ArrowSource of a CSV file's accepted batches and the end of its stream. */
function csvSource(name: string, batches: readonly RecordBatch[], end: CsvStreamEnd): ArrowSource {
  const { bytes, notes, dropped, skipped } = end;
  return { name, bytes, table: new Table(batches[0].schema, [...batches]), format: 'csv', notes, ...(dropped && { dropped, skipped }) };
}
