import { Field, RecordBatch, Schema, Struct, Table, makeData, type Data, type DataType } from 'apache-arrow';
import { parquetMetadataAsync, parquetScan, type AsyncBuffer, type FileMetaData, type ParquetParsers } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { bytesSource, type ByteSource } from './byte-source';
import { InputError } from './input-error';
import { parquetArrowType } from './parquet-arrow-type';
import { parquetColumnData } from './parquet-column-data';
import type { ArrowSource } from './read-arrow';
import { unsafeInt64Row } from './unsafe-int64-row';

/** The 4-byte magic that opens and closes a Parquet file ("PAR1"). */
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

/** Bytes read from the end for the footer at first (a longer footer is read in a second range). */
const FOOTER_FETCH = 1 << 16;

/** The codecs hyparquet (snappy built in) and hyparquet-compressors decompress. */
const CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'ZSTD', 'BROTLI', 'LZ4', 'LZ4_RAW']);

/** hyparquet's parsers made to hand out raw values: timestamps and int64 as bigint, dates as day numbers, text as bytes. */
const RAW: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v) => v,
  timestampFromMicroseconds: (v) => v,
  timestampFromNanoseconds: (v) => v,
  dateFromDays: (v) => v,
  stringFromBytes: (v) => v,
  jsonFromBytes: (v) => v,
};

/**
 * Reads a Parquet file into the same `ArrowSource` the Arrow route gives (format 'parquet'), so
 * column detection, time and CRS handling and row accounting are the same: the record batches of
 * `streamParquet` (one per row group) collected into one table. Fails as `streamParquet` does.
 *
 * @example (await readParquet(duckdbParquetBytes, 'chicago.parquet')).table.numRows // → 1306393
 */
export async function readParquet(bytes: Uint8Array, name: string): Promise<ArrowSource> {
  const batches: RecordBatch[] = [];
  const stream = streamParquet(bytesSource(name, bytes));
  for (let next = await stream.next(); ; next = await stream.next()) {
    if (next.done) return { name, bytes: next.value.bytes, table: new Table(batches[0].schema, batches), format: 'parquet' };
    batches.push(next.value);
  }
}

/**
 * Streams a Parquet file row group by row group, each one Arrow record batch of one schema, reading
 * only the bytes it needs through `input.slice` (Parquet is random-access: the footer first, then
 * each row group's column chunks), so a file larger than memory is read with a row group's worth
 * held. Method: the footer is parsed by hyparquet (pure JS; SNAPPY, GZIP, ZSTD, BROTLI, LZ4 pages
 * through hyparquet-compressors), every column's type mapped once (`parquetArrowType`), then each
 * row group's columns are decoded into Arrow data (`parquetColumnData`); nulls stay nulls. The
 * generator returns the file's size. Fails with an `InputError` naming the file — and the column
 * where there is one — when the file is truncated ('file-truncated'), its footer or a page is
 * corrupt ('file-corrupt'), a column's type or codec cannot be read ('parquet-unsupported'), a
 * timestamp lies beyond ±2^53 of its unit, or it has no rows.
 *
 * @example for await (const batch of streamParquet(fileByteSource('chicago.parquet'))) rows += batch.numRows
 */
export async function* streamParquet(input: ByteSource): AsyncGenerator<RecordBatch, { readonly bytes: number }> {
  const { name, size } = input;
  const tail = size < 12 ? new Uint8Array(0) : await input.slice(size - 4, size);
  if (size < 12 || !PARQUET_MAGIC.every((b, i) => tail[i] === b)) {
    throw new InputError(
      `file '${name}' is truncated (${size} bytes): it starts like a Parquet file but lacks the closing 'PAR1' magic that ends the footer (was the download or copy cut short?)`,
      { code: 'file-truncated', file: name },
    );
  }
  const file: AsyncBuffer = {
    byteLength: size,
    slice: async (start, end) => {
      const part = await input.slice(start, end ?? size);
      return part.byteOffset === 0 && part.byteLength === part.buffer.byteLength
        ? (part.buffer as ArrayBuffer)
        : (part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength) as ArrayBuffer);
    },
  };
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file, { geoparquet: false, initialFetchSize: FOOTER_FETCH });
  } catch (error) {
    throw new InputError(`file '${name}' is corrupt: its Parquet footer (the schema and row-group index) could not be read (${messageOf(error)})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  const fields = schemaFields(metadata, name);
  checkCodecs(metadata, name);
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  try {
    scan = await parquetScan({ file, metadata, compressors, parsers: RAW, geoparquet: false, useOffsetIndex: false });
  } catch (error) {
    throw new InputError(`file '${name}' is corrupt: its row groups could not be planned (${messageOf(error)})`, { code: 'file-corrupt', file: name });
  }
  const schema = new Schema(fields, new Map(metadata.key_value_metadata?.map((kv) => [kv.key, kv.value ?? '']) ?? []));
  let start = 0;
  for (const { rowStart, rowEnd } of scan.ranges) {
    const children: Data[] = [];
    for (const field of fields) {
      const values = await readColumn(scan, field, rowStart, rowEnd, name);
      const data = parquetColumnData(field.type, values);
      if (data === null || data.length !== rowEnd - rowStart) {
        throw new InputError(
          `file '${name}' is corrupt: column '${field.name}' (${String(field.type)}) in rows ${rowStart}–${rowEnd - 1} decoded to ${data === null ? 'values of another type' : `${data.length} values`}, expected ${rowEnd - rowStart}`,
          { code: 'file-corrupt', file: name, column: field.name, row: rowStart },
        );
      }
      const unsafe = unsafeInt64Row(data);
      if (unsafe >= 0) {
        throw new InputError(
          `file '${name}' is corrupt: column '${field.name}' (${String(field.type)}) row ${start + unsafe} holds ${String(values[unsafe])}, beyond ±2^53 of its unit, which no date reaches`,
          { code: 'file-corrupt', file: name, column: field.name, row: start + unsafe },
        );
      }
      children.push(data);
    }
    const length = rowEnd - rowStart;
    yield new RecordBatch(schema, makeData({ type: new Struct(fields), length, children, nullCount: 0 }));
    start += length;
  }
  if (start === 0) {
    throw new InputError(
      `file '${name}' has ${fields.length} columns (${fields.map((f) => f.name).join(', ')}) but zero rows: expected at least one incident`,
      {
        code: 'no-rows',
        file: name,
      },
    );
  }
  return { bytes: size };
}

/** The Arrow fields of the file's top-level columns; an InputError names the first column no type fits. */
function schemaFields(metadata: FileMetaData, name: string): Field[] {
  const [root, ...rest] = metadata.schema;
  const fields: Field[] = [];
  let i = 0;
  for (let c = 0; c < (root?.num_children ?? 0); c++) {
    const element = rest[i];
    if (element === undefined)
      throw new InputError(`file '${name}' is corrupt: its Parquet schema lists fewer columns than it declares`, { code: 'file-corrupt', file: name });
    const mapped = parquetArrowType(element);
    if ('unsupported' in mapped) {
      throw new InputError(
        `file '${name}': column '${element.name}' is ${mapped.unsupported}, which Hexcast does not read; ` +
          `write the file without it (DuckDB: COPY (SELECT * EXCLUDE ("${element.name}") FROM …) TO '…parquet') or cast it to text, a number or a timestamp`,
        { code: 'parquet-unsupported', file: name, column: element.name },
      );
    }
    fields.push(new Field(element.name, mapped.type, element.repetition_type !== 'REQUIRED'));
    i += 1 + descendants(rest, i);
  }
  if (fields.length === 0) throw new InputError(`file '${name}' holds no columns`, { code: 'no-columns', file: name });
  return fields;
}

/** How many schema elements sit below the element at `i` (its children, theirs, …). */
function descendants(elements: FileMetaData['schema'], i: number): number {
  let count = 0;
  let open = elements[i].num_children ?? 0;
  let j = i + 1;
  while (open > 0 && j < elements.length) {
    open += (elements[j].num_children ?? 0) - 1;
    count++;
    j++;
  }
  return count;
}

function checkCodecs(metadata: FileMetaData, name: string): void {
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec !== undefined && !CODECS.has(codec)) {
        const column = chunk.meta_data?.path_in_schema.join('.');
        throw new InputError(
          `file '${name}': column '${column}' is compressed with ${codec}, which Hexcast does not decompress: expected one of ${[...CODECS].join(', ')}`,
          {
            code: 'parquet-unsupported',
            file: name,
            column,
          },
        );
      }
    }
  }
}

async function readColumn(
  scan: Awaited<ReturnType<typeof parquetScan>>,
  field: Field<DataType>,
  rowStart: number,
  rowEnd: number,
  name: string,
): Promise<ArrayLike<unknown>> {
  try {
    return (await scan.readColumn({ column: field.name, rowStart, rowEnd })) as ArrayLike<unknown>;
  } catch (error) {
    throw new InputError(
      `file '${name}' is corrupt or truncated: column '${field.name}' in rows ${rowStart}–${rowEnd - 1} could not be decoded (${messageOf(error)})`,
      {
        code: 'file-corrupt',
        file: name,
        column: field.name,
        row: rowStart,
      },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
