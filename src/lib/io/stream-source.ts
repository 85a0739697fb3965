import { Table, type RecordBatch } from 'apache-arrow';
import type { ByteSource } from './byte-source';
import { concatBytes } from './concat-bytes';
import type { CsvColumnTypes } from './csv-column-types';
import { gunzipChunks } from './gunzip';
import type { ArrowSource, SourceDrops, SourceFormat } from './read-arrow';
import { readSource } from './read-source';
import { sniffFormat } from './sniff-format';
import { SNIFF_BYTES } from './sniff-input';
import { streamCsv } from './stream-csv';

/**
 * What a source's batch stream ends with: everything an `ArrowSource` carries besides its
 * batches. `restart`, when set, means the batches given were wrong and must be discarded: consume
 * the stream it makes instead (a CSV column whose type a value after the first batch changed; it
 * reads the file again, with the types all values give, and never restarts again).
 */
export interface SourceStreamEnd {
  /** The file's size in bytes (compressed, for gzip). */
  readonly bytes: number;
  readonly notes?: readonly string[];
  /** Records that are not rows (malformed CSV records), by reason with examples. */
  readonly dropped?: SourceDrops;
  /** 0-based file record numbers of those records, ascending: the rows are the other records, in order. */
  readonly skipped?: Int32Array;
  readonly restart?: () => SourceBatches;
}

/** Record batches of one fixed schema, as they are read, ending with the `SourceStreamEnd`. */
export type SourceBatches = AsyncGenerator<RecordBatch, SourceStreamEnd>;

/** A file being read: its name and format, and its batches. */
export interface SourceStream {
  readonly name: string;
  readonly format: SourceFormat;
  readonly batches: SourceBatches;
}

/**
 * Opens a non-Arrow file as a stream of record batches, told apart by its first bytes: CSV/TSV
 * streamed from `input.chunks()` (`streamCsv`), gzip inflated as it streams (`gunzipChunks`)
 * then CSV streamed the same way, Parquet row group by row group through `input.slice`
 * (`streamParquet`, its reader loaded on first use). GeoJSON, and gzip around another format,
 * are read whole by `readSource` and handed over as its batches. Arrow IPC has its own route
 * (`readArrowStream`). `input.chunks()` is iterated once in order (twice only on a `restart`).
 *
 * @example
 * const { batches } = await streamSource(fileByteSource('chicago.csv')); for await (const b of batches) rows += b.numRows
 */
export async function streamSource(input: ByteSource): Promise<SourceStream> {
  const { name } = input;
  const head = await input.slice(0, SNIFF_BYTES);
  const { format } = sniffFormat(head);
  if (format === 'parquet') return { name, format: 'parquet', batches: (await import('./read-parquet')).streamParquet(input) };
  if (format === 'csv' || format === 'text') return { name, format: 'csv', batches: csvBatches(() => input.chunks(), input) };
  if (format === 'gzip') return gzipStream(input);
  return wholeStream(concatBytes(await allChunks(input.chunks())), input, null);
}

/**
 * Collects a stream's batches into the `ArrowSource` the whole-file readers give (following a
 * `restart`), so callers that need the whole table get the same one.
 * @example (await collectSource(await streamSource(input))).table.numRows // → rows of the file
 */
export async function collectSource({ name, format, batches }: SourceStream): Promise<ArrowSource> {
  for (let stream = batches; ;) {
    const kept: RecordBatch[] = [];
    let next = await stream.next();
    for (; !next.done; next = await stream.next()) kept.push(next.value);
    const end = next.value;
    if (end.restart) {
      stream = end.restart();
      continue;
    }
    return {
      name,
      bytes: end.bytes,
      table: new Table(kept[0].schema, kept),
      format,
      ...(end.notes && { notes: end.notes }),
      ...(end.dropped && { dropped: end.dropped, skipped: end.skipped }),
    };
  }
}

/** CSV batches from chunks made by `chunks` (called again for the second pass of a restart). */
async function* csvBatches(
  chunks: () => AsyncIterable<Uint8Array>,
  input: ByteSource,
  types?: CsvColumnTypes,
  note?: (inflated: number) => string,
): SourceBatches {
  const end = yield* streamCsv(chunks(), input.name, types && { types });
  const notes = note ? [note(end.bytes), ...end.notes] : end.notes;
  return {
    bytes: input.size,
    notes,
    ...(end.dropped && { dropped: end.dropped, skipped: end.skipped }),
    ...(end.retype && { restart: () => csvBatches(chunks, input, end.retype, note) }),
  };
}

/** A gzip file: CSV inside is streamed as it inflates; anything else is inflated whole and read by `readSource`. */
async function gzipStream(input: ByteSource): Promise<SourceStream> {
  const { name } = input;
  const inflated = gunzipChunks(input.chunks(), name);
  const first: Uint8Array[] = [];
  let held = 0;
  let done = false;
  while (held < SNIFF_BYTES) {
    const next = await inflated.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    held += next.value.length;
  }
  const note = (size: number) => `decompressed from gzip: ${input.size.toLocaleString('en-US')} → ${size.toLocaleString('en-US')} bytes`;
  const { format } = sniffFormat(concatBytes(first));
  if (format === 'csv' || format === 'text') {
    let fresh = true;
    // The first pass continues the inflation begun for sniffing; a restart inflates again.
    const chunks = (): AsyncIterable<Uint8Array> => (fresh ? ((fresh = false), resumed(first, done ? null : inflated)) : gunzipChunks(input.chunks(), name));
    return { name, format: 'csv', batches: csvBatches(chunks, input, undefined, note) };
  }
  const whole = concatBytes([...first, ...(done ? [] : await allChunks(inflated))]);
  return wholeStream(whole, input, note(whole.length));
}

async function* resumed(first: readonly Uint8Array[], rest: AsyncIterable<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  yield* first;
  if (rest) yield* rest;
}

async function allChunks(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

/** A file read whole by `readSource`, handed over as its table's batches. */
async function wholeStream(bytes: Uint8Array, input: ByteSource, note: string | null): Promise<SourceStream> {
  const source = await readSource(bytes, input.name);
  async function* batches(): SourceBatches {
    yield* source.table.batches;
    const notes = note ? [note, ...(source.notes ?? [])] : source.notes;
    return { bytes: input.size, ...(notes && { notes }), ...(source.dropped && { dropped: source.dropped, skipped: source.skipped }) };
  }
  return { name: input.name, format: source.format, batches: batches() };
}
