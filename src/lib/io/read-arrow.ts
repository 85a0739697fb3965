import { DataType, tableFromIPC, type Data, type Field, type RecordBatch, type Table } from 'apache-arrow';
import { checkColumnData } from './check-column-data';
import { checkIpcMetadata } from './check-ipc-metadata';
import type { DropReason, DroppedRow } from './incidents';
import { InputError } from './input-error';
import { registerArrowCodecs } from './register-arrow-codecs';
import { unsafeInt64Row } from './unsafe-int64-row';
import { ARROW_MAGIC, sniffFormat, type Sniffed } from './sniff-format';

/** The formats a source can come from: Arrow IPC file or stream, or another format read into Arrow. */
export type SourceFormat = 'file' | 'stream' | 'csv' | 'parquet' | 'geojson';

/** One incident file, parsed: its name, its size in bytes and the Arrow table (views on the bytes). */
export interface ArrowSource {
  readonly name: string;
  readonly bytes: number;
  readonly table: Table;
  /** The file's format: Arrow IPC 'file' or 'stream', or another format read into an Arrow table (`readSource`). */
  readonly format: SourceFormat;
  /** Records a text reader (CSV, GeoJSON) could not make rows of, by reason with examples; absent when every record is a row. */
  readonly dropped?: SourceDrops;
  /**
   * 0-based indices, among the file's records, of those that are not rows of the table (malformed
   * CSV records, GeoJSON features without a Point), ascending; drop examples number every row by
   * its record (`fileRow`), so a row number means the same record whatever the drop reason.
   */
  readonly skipped?: Int32Array;
  /** How a text file was read (delimiter, header, number formats, and why), for the load report and `inspect`. */
  readonly notes?: readonly string[];
  /**
   * When `table` holds only a sample of the file's rows (a streamed file's head,
   * `openStreamHeads`): each column's share of rows with a value over the whole file, from every
   * record batch's null count, by column index (two columns may share a name). Detection
   * reports and scores these rather than the sample's.
   */
  readonly complete?: readonly number[];
  /** True for an Arrow file with compressed (LZ4, ZSTD) buffers, read by `readArrowStream`: the table's buffers are decoded copies, not views on the bytes read. */
  readonly compressed?: true;
}

/** Records of a file that are not rows of its table: counts by reason (they add to the load's `read` and `dropped`) and a few examples. */
export interface SourceDrops {
  readonly counts: Readonly<Partial<Record<DropReason, number>>>;
  readonly examples: readonly DroppedRow[];
}

const EXPECTED = 'expected an Apache Arrow IPC file (.arrow, Feather v2) or stream (.arrows)';

const CONVERT: Partial<Record<string, string>> = {
  parquet: "convert it with pyarrow: pyarrow.feather.write_feather(pyarrow.parquet.read_table('in.parquet'), 'out.arrow', compression='uncompressed')",
  csv: "convert it with pyarrow: pyarrow.feather.write_feather(pyarrow.csv.read_csv('in.csv'), 'out.arrow', compression='uncompressed')",
  'feather-v1': "re-save it as Feather v2: pyarrow.feather.write_feather(pyarrow.feather.read_table('in.feather'), 'out.arrow', compression='uncompressed')",
  gzip: 'decompress it first',
  zip: 'extract it first',
};

/**
 * Parses the bytes of an Arrow IPC file or stream (told apart by the magic bytes "ARROW1" at the
 * start of the file format; apache-arrow's `tableFromIPC` reads both). Fails with an
 * `InputError` naming the file and what was expected when the bytes are empty, truncated,
 * corrupt, another format (CSV, Parquet, JSON… — said so), or hold no rows. Buffers compressed
 * with LZ4 or ZSTD (pyarrow's Feather writer compresses with LZ4 by default) are decompressed.
 * Columns stay views on `bytes`: keep the bytes alive and unmodified while the source is used.
 *
 * @example
 * readArrow(tableToIPC(tableFromArrays({ a: [1, 2] })), 'a.arrow').table.numRows // → 2
 */
export function readArrow(bytes: Uint8Array, name: string): ArrowSource {
  const sniffed = sniffFormat(bytes);
  if (sniffed.format === 'empty') throw new InputError(`file '${name}' is empty (0 bytes): ${EXPECTED}`, { code: 'file-empty', file: name });
  const format = ipcFormatOf(sniffed, bytes);
  if (format === 'file') {
    if (bytes.length < 12 || !ARROW_MAGIC.every((b, i) => bytes[bytes.length - 6 + i] === b)) {
      throw truncated(name, bytes.length, "it starts like an Arrow IPC file but lacks the closing 'ARROW1' magic");
    }
  } else if (format === 'stream') {
    const framed = streamSchemaEnd(bytes);
    if (framed > bytes.length) {
      throw truncated(name, bytes.length, `its first message (the schema) needs ${framed} bytes`);
    }
  } else {
    throw notArrow(sniffed, name);
  }
  const unsound = checkIpcMetadata(bytes, format);
  if (unsound?.code === 'file-truncated') throw truncated(name, bytes.length, unsound.why);
  if (unsound !== null) throw unsoundMetadata(name, format, unsound.why);
  registerArrowCodecs();
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^(LZ4|ZSTD):/.test(message)) {
      throw new InputError(`file '${name}' is corrupt: a compressed buffer could not be decompressed (${message})`, { code: 'file-corrupt', file: name });
    }
    throw new InputError(`file '${name}' could not be read as an Arrow IPC ${format}: it is truncated or corrupt (${message})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  checkTable(table, name);
  return { name, bytes: bytes.length, table, format };
}

/**
 * Reads a Blob (a browser `File` is one) with `readArrow`; the name defaults to the File's name.
 *
 * @example
 * (await readArrowBlob(fileInput.files[0])).name // → 'chicago.arrow'
 */
export async function readArrowBlob(blob: Blob, name?: string): Promise<ArrowSource> {
  const fileName = name ?? ('name' in blob && typeof blob.name === 'string' && blob.name !== '' ? blob.name : 'blob');
  return readArrow(new Uint8Array(await blob.arrayBuffer()), fileName);
}

/**
 * The error for bytes of another format (CSV, Parquet, JSON…), saying what they are and how to convert them.
 * @example notArrow(sniffFormat(csvBytes), 'a.csv').code // → 'not-arrow'
 */
export function notArrow(sniffed: Sniffed, name: string): InputError {
  const advice = CONVERT[sniffed.format];
  return new InputError(`file '${name}' is ${sniffed.description}, not Apache Arrow: ${EXPECTED}${advice ? `; ${advice}` : ''}`, {
    code: 'not-arrow',
    file: name,
  });
}

/**
 * `checkTable`'s checks of one record batch (its `b`-th, 0-based, whose first row is row `start`
 * of the file): each column's length, data bounds and 64-bit values; an InputError naming file,
 * batch, column and row otherwise. A streamed reader checks each batch as it arrives.
 * @example checkBatch(table.batches[0], 0, 0, 'a.arrow') // passes, or throws 'file-corrupt'
 */
export function checkBatch(batch: RecordBatch, b: number, start: number, name: string): void {
  batch.schema.fields.forEach((field, i) => {
    const data = batch.data.children[i];
    const where = { code: 'file-corrupt', file: name, column: field.name } as const;
    if (data.length !== batch.numRows) {
      throw new InputError(
        `file '${name}' is corrupt or truncated: record batch ${b + 1} declares ${batch.numRows} row${batch.numRows === 1 ? '' : 's'} ` +
          `but its column '${field.name}' holds ${data.length}: the batch length or the column's length is damaged`,
        where,
      );
    }
    const problem = checkColumnData(data);
    if (problem !== null) {
      const row = problem.row === undefined ? {} : { row: start + problem.row };
      throw new InputError(`file '${name}' is corrupt or truncated: column '${field.name}' (${String(field.type)}): ${problem.why}`, { ...where, ...row });
    }
    const unsafe = unsafeInt64Row(data);
    if (unsafe >= 0) throw unsafeInt64(name, field, data, unsafe, start);
  });
}

/**
 * Checks a parsed table batch by batch: every column as long as its batch, buffers in bounds
 * (`checkColumnData`), 64-bit values within ±2^53, at least one column and one row. Throws an
 * InputError naming the file, the record batch, the column and the row.
 * @example checkTable(tableFromArrays({ a: [] }), 'a.arrow') // throws 'no-rows'
 */
export function checkTable(table: Table, name: string): void {
  checkColumns(table, name);
  let start = 0;
  table.batches.forEach((batch, b) => {
    checkBatch(batch, b, start, name);
    start += batch.numRows;
  });
  checkRows(table, name);
}

/**
 * `checkTable` for a table whose record batches were each checked as they were read
 * (`checkBatch`, as `arrowBatches` does): at least one column and one row.
 * @example checkColumnsAndRows(tableFromArrays({ a: [] }), 'a.arrow') // throws 'no-rows'
 */
export function checkColumnsAndRows(table: Table, name: string): void {
  checkColumns(table, name);
  checkRows(table, name);
}

/** Throws 'no-columns' for a table without columns. */
function checkColumns(table: Table, name: string): void {
  if (table.schema.fields.length === 0)
    throw new InputError(`file '${name}' holds no columns: ${EXPECTED} with incident columns`, { code: 'no-columns', file: name });
}

/** Throws 'no-rows' for a table without rows, naming its columns. */
function checkRows(table: Table, name: string): void {
  if (table.numRows > 0) return;
  const names = table.schema.fields.map((f) => f.name);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  throw new InputError(`file '${name}' has ${names.length} columns (${shown}) but zero rows: expected at least one incident`, {
    code: 'no-rows',
    file: name,
  });
}

/** The error for a 64-bit value no JavaScript number holds exactly, naming the file, column and row. */
function unsafeInt64(name: string, field: Field, data: Data, local: number, start: number): InputError {
  const value = (data.values as BigInt64Array)[local];
  const unit = DataType.isTimestamp(field.type) ? ['seconds', 'milliseconds', 'microseconds', 'nanoseconds'][field.type.unit] : 'milliseconds';
  const finer = { seconds: 'milliseconds as seconds', milliseconds: 'nanoseconds as milliseconds', microseconds: 'nanoseconds as microseconds' }[unit];
  const row = start + local;
  return new InputError(
    `file '${name}' is corrupt: column '${field.name}' (${String(field.type)}) row ${row} holds ${value}, beyond ±2^53 (${Number.MAX_SAFE_INTEGER}), ` +
      `which no date in ${unit} reaches: the value is damaged, or the column holds a finer unit than it declares (${finer}?)`,
    { code: 'file-corrupt', file: name, column: field.name, row },
  );
}

/** Byte offset just past the stream's first message (continuation marker, length, metadata). */
function streamSchemaEnd(bytes: Uint8Array): number {
  if (bytes.length < 8) return 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const continued = view.getUint32(0, true) === 0xffffffff;
  const length = view.getInt32(continued ? 4 : 0, true);
  return (continued ? 8 : 4) + Math.max(length, 1);
}

/**
 * The Arrow IPC format a file opens as, from its sniffed first bytes (`sniffFormat` of `head`):
 * 'file', 'stream' (also the legacy stream without continuation markers, `looksLikeLegacyStream`),
 * or null for anything else. The one rule every Arrow reader and the open's plan follow.
 * @example ipcFormatOf(sniffFormat(head), head) // → 'stream' for a legacy stream's first 4 KiB
 */
export function ipcFormatOf(sniffed: Sniffed, head: Uint8Array): 'file' | 'stream' | null {
  if (sniffed.format === 'arrow-file') return 'file';
  return sniffed.format === 'arrow-stream' || (sniffed.format === 'unknown' && looksLikeLegacyStream(head)) ? 'stream' : null;
}

/**
 * True for a stream written before Arrow 0.15 (or with `writeLegacyIpcFormat`), which opens with
 * the schema message's length (no 0xFFFFFFFF marker): a multiple of 4 (the 4-byte length and the
 * message end on an 8-byte boundary), the message within `bytes`, and the message a flatbuffer
 * `Message` whose header type is Schema (its root table and vtable in bounds). A small number at
 * the start of another binary file (a UTF-32 text, a BSON dump, a shortcut) is not taken for one.
 * @example looksLikeLegacyStream(new Uint8Array(8)) // → false
 */
export function looksLikeLegacyStream(bytes: Uint8Array): boolean {
  const length = legacySchemaLength(bytes);
  return length !== null && length <= bytes.length - 4;
}

/**
 * The length of the schema message a legacy Arrow IPC stream opening with `bytes` has (its first
 * 4 bytes), when the bytes at hand are those of one: `looksLikeLegacyStream`'s checks, each read
 * bounded by the message's end and by the bytes at hand (the flatbuffer's root table, its vtable
 * and the header type lie at the message's start). Null otherwise. A length past the bytes at hand
 * (a wide schema or long metadata) asks for the whole message, to check it again whole.
 * @example legacySchemaLength(first4KiB) // → 5124 for a schema message longer than 4 KiB
 */
export function legacySchemaLength(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getInt32(0, true);
  if (length < 8 || length % 4 !== 0) return null;
  const end = Math.min(4 + length, bytes.length);
  const table = 4 + view.getUint32(4, true);
  if (table < 8 || table + 4 > end) return null;
  const vtable = table - view.getInt32(table, true);
  if (vtable < 8 || vtable + 8 > end) return null;
  const vtableSize = view.getUint16(vtable, true);
  // The vtable holds its own size and the table's, then one offset per field: version, then header type.
  if (vtableSize < 8 || vtableSize % 2 !== 0 || vtable + vtableSize > end) return null;
  const headerType = view.getUint16(vtable + 6, true);
  return headerType !== 0 && table + headerType < end && bytes[table + headerType] === SCHEMA_HEADER ? length : null;
}

/** Arrow's `MessageHeader.Schema`: the header type of a stream's first message. */
const SCHEMA_HEADER = 1;

/**
 * The error for a file cut short, with its size and what is missing.
 * @example truncated('a.arrow', 10, 'it lacks the closing magic').code // → 'file-truncated'
 */
export function truncated(name: string, size: number, why: string): InputError {
  return new InputError(`file '${name}' is truncated (${size} bytes): ${why}; ${EXPECTED} (was the download or copy cut short?)`, {
    code: 'file-truncated',
    file: name,
  });
}

/** An InputError for Arrow IPC metadata that `checkIpcMetadata`'s rules find unsound (`why`). */
export function unsoundMetadata(name: string, format: 'file' | 'stream', why: string): InputError {
  return new InputError(`file '${name}' is corrupt or truncated: its Arrow IPC ${format} metadata is inconsistent (${why})`, {
    code: 'file-corrupt',
    file: name,
  });
}
