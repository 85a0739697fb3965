import { Table, tableFromIPC, tableToIPC, type Data, type RecordBatch, type Schema } from 'apache-arrow';
import type { ByteSource } from '../io/byte-source';
import { valuesDetectionReads } from '../io/detect-mapping';
import type { ArrowSource } from '../io/read-arrow';
import { arrowBatches, arrowShares, type ReadStreamOptions } from '../io/read-arrow-stream';
import { isNumericType, readNumbers } from '../io/read-numbers';
import { validityOf } from '../io/validity';

/**
 * Rows a streamed file's head holds at least (20,000): the file's first rows, whatever its record
 * batches — at least the `DISTINCT_ROWS` (10,000) in which detection counts a column's distinct
 * values, with room for CRS ranking's 2,000 points spread over them and the preview's first 12.
 * 1.9 MB of Chicago's rows (its dictionaries included).
 */
export const HEAD_ROWS = 20_000;

/**
 * Rows a streamed file's head holds at most (100,000; 6.2 MB of Chicago's rows, under 3 % of
 * the 256 MiB from which the app streams): the head grows past `HEAD_ROWS` only while a
 * column detection reads values from has fewer than it reads (`valuesDetectionReads`), and stops
 * here: a column with fewer of those values in the file's first 100,000 rows (a location column
 * mostly empty there) is examined on the values it has there, where the whole-file read sees more;
 * and a text column empty throughout (detection reads 200 strings of every text column) grows
 * the head to this cap.
 */
export const HEAD_MAX_ROWS = 100_000;

/** Gathers a streamed file's head batch by batch (`headSampler`). */
export interface HeadSampler {
  /** Counts the batch (rows, each column's nulls) and takes its first rows the head still needs; false once the head is complete. */
  add(batch: RecordBatch): boolean;
  /** True once the head is complete: no later batch adds to it. */
  readonly done: boolean;
  /** The head: the rows taken, copied into buffers of their own. */
  head(): Table;
  /** Each column's share of rows with a value over every batch added (whole batches, not only the rows taken); 0 before any row. */
  complete(): number[];
}

/**
 * A streamed file's head, gathered from its record batches in order: the file's first rows — at
 * least `rows` (`HEAD_ROWS`), across batches however small or empty — and after them more rows
 * only while a column has fewer values than detection reads (`valuesDetectionReads`: 10,000
 * finite numbers of a location- or time-named numeric column, 200 strings), never past
 * `maxRows` (`HEAD_MAX_ROWS`). Detection on the head then sees what it sees on the whole file —
 * the same first rows, and each column's first values up to what it reads — unless a column
 * lacks them in the first `maxRows` rows. Rows taken are kept as views until the head is
 * complete (all but the last batch are taken whole), then copied once, so the batches are freed.
 * @example const s = headSampler(schema); for await (const b of batches) if (!s.add(b)) break; s.head().numRows // → 20000 (a full Chicago file)
 */
export function headSampler(schema: Schema, rows = HEAD_ROWS, maxRows = HEAD_MAX_ROWS): HeadSampler {
  const wanted = valuesDetectionReads(schema);
  const nulls = schema.fields.map(() => 0);
  const pieces: RecordBatch[] = [];
  let seen = 0;
  let taken = 0;
  let copy: Table | null = null;
  const compact = (): Table => (copy ??= copyRows(schema, pieces.splice(0)));
  return {
    add(batch) {
      seen += batch.numRows;
      batch.data.children.forEach((child, c) => (nulls[c] += child.nullCount));
      if (copy) return false;
      const n = Math.min(batch.numRows, maxRows - taken);
      let k = Math.min(n, Math.max(0, rows - taken));
      for (let c = 0; c < wanted.length; c++) {
        if (wanted[c] <= 0) continue;
        const { rows: upTo, values } = valuesAmong(batch.data.children[c], wanted[c], n, isNumericType(schema.fields[c].type));
        // Reached in this batch: the head takes rows up to that value. Not reached: every row, to go on in the next batch.
        if (upTo > 0) k = Math.max(k, upTo);
        else k = n;
        wanted[c] = upTo > 0 ? 0 : wanted[c] - values;
      }
      if (k > 0) pieces.push(k === batch.numRows ? batch : batch.slice(0, k));
      taken += k;
      if (taken >= maxRows || (taken >= rows && wanted.every((w) => w <= 0))) compact();
      return !copy;
    },
    get done() {
      return copy !== null;
    },
    head: compact,
    complete: () => nulls.map((n) => (seen === 0 ? 0 : 1 - n / seen)),
  };
}

/**
 * Options of `readHead`: a `signal` that cancels the read (the held read too), and `hold`, which
 * keeps the read open once the head is complete so the load decodes on from where the head
 * stopped instead of reading the file's first batches again (the CLI, whose fingerprint is
 * taken on its binning thread, so nothing here needs the read to start at byte 0).
 */
export interface ReadHeadOptions {
  /** Stops the read (and a held read) between chunks with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Goes on holding the read: `to` takes it once the head is read; `onProgress` hears the whole read's progress (the head's batches included). */
  readonly hold?: { readonly to: (held: HeldRead) => void; readonly onProgress?: ReadStreamOptions['onProgress'] };
}

/**
 * An Arrow file's head read from its first record batches (`headSampler`), without reading on
 * once it is complete: its rows copied, and each column's share of rows with a value (`complete`)
 * over the whole file — from an Arrow file's footer (`arrowShares`) when the head stopped
 * early; over the batches read for an Arrow stream, which holds no such counts up front. Null for a
 * file without a record batch. With `options.hold`, the read is not ended but handed to `hold.to`
 * (`HeldRead`): the batches it read and the rest of the file, to decode in the same read, whose
 * progress goes to `hold.onProgress` (no hash, as it starts before one is chosen). `options.signal`
 * cancels the read, the held read too.
 * @example (await readHead(fileByteSource('chicago.arrow')))?.table.numRows // → 20000
 */
export async function readHead(input: ByteSource, options: ReadHeadOptions = {}): Promise<ArrowSource | null> {
  const { signal, hold } = options;
  const stream = arrowBatches(input, { signal, onProgress: hold?.onProgress });
  const batches: RecordBatch[] = [];
  let sampler: HeadSampler | undefined;
  let stopped = false; // the head was complete before the file's end
  let held = false;
  try {
    // Not `for await`: leaving it would end the read, which `hold` goes on with.
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      const batch = next.value;
      if (hold) batches.push(batch);
      if (!(sampler ??= headSampler(batch.schema)).add(batch)) {
        stopped = true;
        break;
      }
    }
    if (hold && sampler) {
      hold.to({ batches: goOn(batches, stream), close: async () => void (await stream.return()) });
      held = true;
    }
  } finally {
    if (!held) await stream.return();
  }
  if (!sampler) return null;
  // The record batch headers give each column's nulls over the whole file without reading its data, so the head's
  // "% filled" (category scores) is the whole file's, as the app's open pass and the whole-file load count it.
  const table = sampler.head();
  const complete = (stopped ? await arrowShares(input, table.schema) : null) ?? sampler.complete();
  return { name: input.name, bytes: input.size, table, format: 'stream', complete };
}

/**
 * A file's read that `readHead` went on holding: `batches` yields the record batches the head
 * read, then reads on to the file's end (with `arrowBatches`' checks there), once; `close` ends
 * the read when `batches` is not read to its end (the file is then opened otherwise).
 */
export interface HeldRead {
  readonly batches: AsyncGenerator<RecordBatch, void, undefined>;
  close(): Promise<void>;
}

/** The batches read so far (let go as yielded), then the rest of `stream`; ends `stream` however it stops. */
async function* goOn(read: RecordBatch[], stream: AsyncGenerator<RecordBatch, void, undefined>): AsyncGenerator<RecordBatch, void, undefined> {
  try {
    while (read.length > 0) yield read.shift()!;
    for (let next = await stream.next(); !next.done; next = await stream.next()) yield next.value;
  } finally {
    await stream.return();
  }
}

/**
 * Where, among the first `n` rows of a column chunk, its `want`-th value is (finite numbers for
 * a numeric column, non-null values for another): `rows` up to and including it and `values` =
 * `want`; or `rows` = 0 and the `values` the `n` rows hold when they hold fewer. Reads the chunk in
 * windows, so a long batch is not converted whole to find a quota met in its first rows.
 */
function valuesAmong(data: Data, want: number, n: number, numeric: boolean): { rows: number; values: number } {
  const WINDOW = 65_536;
  let values = 0;
  for (let at = 0; at < n; at += WINDOW) {
    const part = data.slice(at, Math.min(n, at + WINDOW) - at);
    const has = present(part, numeric);
    for (let i = 0; i < part.length; i++) {
      if (has && !has(i)) continue;
      if (++values === want) return { rows: at + i + 1, values };
    }
  }
  return { rows: 0, values };
}

/** Whether row `i` of a chunk holds a value (a finite number for numeric columns), or null when every row does. */
function present(data: Data, numeric: boolean): ((i: number) => boolean) | null {
  if (numeric) {
    const numbers = new Float64Array(data.length);
    readNumbers(data, numbers, 0);
    return (i) => Number.isFinite(numbers[i]);
  }
  const valid = validityOf(data);
  return valid && ((i) => valid[i] === 1);
}

/**
 * Record batches of one schema as one table of their own: copied through an Arrow IPC stream,
 * so that none of its buffers is a view on the batches' (which can then be freed). The schema,
 * its metadata and dictionaries (whole: their size is the number of distinct values) are kept.
 */
function copyRows(schema: Schema, batches: RecordBatch[]): Table {
  if (batches.length === 0) return new Table(schema);
  return tableFromIPC(tableToIPC(new Table(batches), 'stream'));
}
