import { Message, RecordBatchReader, Table, type DataType, type Field, type RecordBatch, type Schema } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import type { ByteSource } from './byte-source';
import type { BatchSource } from './load-incidents-stream';
import { InputError } from './input-error';
import { checkBatch, checkColumnsAndRows, checkTable, notArrow, truncated, unsoundMetadata, type ArrowSource } from './read-arrow';
import { checkIpcFooter, checkMessageMetadata, compareBlocks, type Block } from './check-ipc-metadata';
import { IpcMessageWatch } from './ipc-message-watch';
import { registerArrowCodecs } from './register-arrow-codecs';
import type { Sha256Stream } from './sha256-stream';
import { ARROW_MAGIC } from './sniff-format';
import { checkedSource } from './checked-source';
import { failedRead, sniffInput } from './sniff-input';

/** What `readArrowStream` reports while it reads: bytes of the file read so far, rows and record batches parsed. */
export interface StreamProgress {
  readonly bytes: number;
  readonly size: number;
  readonly rows: number;
  readonly batches: number;
}

/** Options of `readArrowStream`. */
export interface ReadStreamOptions {
  /** Fed every byte of the file in order as it streams past (the fingerprint); nothing is hashed twice. */
  readonly hash?: Sha256Stream;
  /** Called after each record batch. */
  readonly onProgress?: (progress: StreamProgress) => void;
  /** Stops reading between chunks with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The input's IPC format when it was sniffed already (`inputFormat`): its first bytes are not read again. */
  readonly format?: 'file' | 'stream';
  /** The first bytes `format` was sniffed from (`sniffInput`): read again, they must be the same, or the file changed since (`checkedSource`). */
  readonly first?: Uint8Array;
  /**
   * Called once, when the first message with a compressed (LZ4, ZSTD) buffer is seen, before the
   * reader decodes it (and awaited): from there the batches' buffers are decoded copies, not views
   * on the bytes read, so a fingerprint that keeps those bytes (`deferredSha256`) should hash them.
   */
  readonly onCompressed?: () => void | Promise<void>;
}

/**
 * Reads an Arrow IPC file or stream from a `ByteSource` record batch by record batch
 * (apache-arrow's `RecordBatchReader` over the chunks), so the file is never held whole as
 * bytes: each batch keeps only its own buffers, and the chunks between are dropped as soon as
 * parsed. The IPC file format is its stream format between an 8-byte magic and a footer; the
 * footer (read first, by `slice`) gives the schema — writers such as apache-arrow's leave the
 * schema message out of the stream part — and where the last batch ends. Every byte goes through
 * `options.hash` once, in order. The same checks as `readArrow` (`checkTable`: lengths, bounds,
 * 64-bit values, no rows; each batch checked once, as it is read); a reader failure is an InputError naming the file, the record batch
 * and the byte it had reached ('file-truncated' when the bytes ran out, else 'file-corrupt').
 *
 * @example
 * (await readArrowStream(bytesSource('c.arrow', chicagoBytes))).table.numRows // → 1306393
 */
export async function readArrowStream(input: ByteSource, options: ReadStreamOptions = {}): Promise<ArrowSource> {
  const batches: RecordBatch[] = [];
  const stream = arrowBatches(input, options);
  for await (const batch of stream) batches.push(batch);
  const table = new Table(stream.schema() as Schema, batches);
  checkColumnsAndRows(table, input.name);
  return { name: input.name, bytes: input.size, table, format: stream.format() as 'file' | 'stream', ...(stream.compressed() && { compressed: true }) };
}

/** The record batches of an Arrow IPC file or stream as they are parsed, with the schema and format once known. */
export interface ArrowBatches extends AsyncGenerator<RecordBatch, void, undefined> {
  /** The file's schema: known after the first batch (or the end, for a file without batches). */
  schema(): Schema | null;
  /** 'file' or 'stream': known once the first batch is read. */
  format(): 'file' | 'stream' | null;
  /** True once a compressed (LZ4, ZSTD) buffer was read: the batches' buffers are then decoded copies, not views on the bytes read. */
  compressed(): boolean;
}

/**
 * `readArrowStream` one record batch at a time: yields each batch as it is parsed and checked
 * (`checkBatch`: lengths, bounds, 64-bit values), holding no reference to the batches before it,
 * so a consumer that decodes and drops each batch holds a few batches of raw rows at most. Every
 * byte goes through `options.hash` once, in order; after the last batch the rest of the file
 * (the footer) is hashed and the size checked. Read errors are the InputErrors `readArrowStream`
 * describes. Call it again to read the file again (e.g. without `hash`).
 * @example for await (const batch of arrowBatches(fileByteSource('big.arrow'))) decode(batch)
 */
export function arrowBatches(input: ByteSource, options: ReadStreamOptions = {}): ArrowBatches {
  let schema: Schema | null = null;
  let format: 'file' | 'stream' | null = null;
  let checked: IpcMessageWatch | null = null;
  // Every read checked against the file as opened (its size, and the bytes sniffed before): a file changed since is said to be.
  const source = checkedSource(input, options.first);
  const read = async function* (): AsyncGenerator<RecordBatch, void, undefined> {
    const { name, size } = input;
    const known = size > 0 ? options.format : undefined;
    let frame: { format: 'file' | 'stream'; prefix: Uint8Array | null; start: number; end: number; cuts?: readonly number[]; footer?: FooterBlocks };
    if (known) format = known;
    else {
      const { sniffed, ipc } = await sniffInput(source);
      if (sniffed.format === 'empty')
        throw new InputError(`file '${name}' is empty (0 bytes): expected an Apache Arrow IPC file or stream`, { code: 'file-empty', file: name });
      if (!ipc) throw notArrow(sniffed, name);
      format = ipc;
    }
    if (format === 'file') frame = await fileFrame(source);
    else frame = { format: 'stream', prefix: null, start: 0, end: size };

    registerArrowCodecs();
    const chunks = (frame.cuts ? alignedChunks(source, frame.cuts) : source.chunks())[Symbol.asyncIterator]();
    let position = 0;
    const pull = async (): Promise<IteratorResult<Uint8Array>> => {
      if (options.signal?.aborted) throw options.signal.reason;
      const next = await chunks.next();
      if (!next.done) {
        options.hash?.update(next.value);
        position += next.value.length;
      }
      return next;
    };
    let prefix = frame.prefix;
    // Each message's metadata is checked before apache-arrow reads it (it trusts the vector
    // lengths there: one corrupt byte can make it allocate without bound).
    const watch = new IpcMessageWatch((prefix?.length ?? 0) + frame.end - frame.start, frame.start - (prefix?.length ?? 0));
    checked = watch;
    const watched = (value: Uint8Array): IteratorResult<Uint8Array> => {
      const unsound = watch.push(value);
      if (unsound) throw unsoundMetadata(name, frame.format, unsound.why);
      return { done: false, value };
    };
    // The reader sees the framed stream part only; it may stop early (at the end-of-stream marker)
    // without closing the file: the rest is still hashed below.
    const feed: AsyncIterableIterator<Uint8Array> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        if (prefix) {
          const value = prefix;
          prefix = null;
          return watched(value);
        }
        for (;;) {
          const next = await pull();
          if (next.done) return next;
          const from = position - next.value.length;
          const a = Math.max(frame.start - from, 0);
          const b = Math.min(frame.end - from, next.value.length);
          if (b <= a) continue;
          const wasCompressed = watch.compressed;
          const result = watched(next.value.subarray(a, b));
          if (!wasCompressed && watch.compressed) await options.onCompressed?.();
          return result;
        }
      },
      async return() {
        return { done: true, value: undefined };
      },
    };

    let rows = 0;
    let count = 0;
    let reader: RecordBatchReader;
    try {
      reader = await RecordBatchReader.from(feed);
    } catch (error) {
      throw readFailure(error, input, frame.format, count, rows, position, options.signal);
    }
    const batches = reader[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<RecordBatch>;
        try {
          next = await batches.next();
        } catch (error) {
          throw readFailure(error, input, frame.format, count, rows, position, options.signal);
        }
        if (next.done) break;
        const batch = next.value;
        schema ??= batch.schema;
        if (batch.numRows === 0 && batch.data.children.length === 0) continue; // apache-arrow's placeholder for a stream with no batch
        checkBatch(batch, count, rows, name);
        count++;
        rows += batch.numRows;
        options.onProgress?.({ bytes: position, size, rows, batches: count });
        yield batch;
      }
      for (let next = await pull(); !next.done; next = await pull()); // hash what follows the last batch (the footer)
    } finally {
      await chunks.return?.(); // a consumer that stops early (a second pass that found its rows) closes the file
    }
    schema ??= reader.schema ?? null;
    // apache-arrow's whole-file reader (and other tools) read a file through its footer: one that
    // disagrees with the batches read here would give them other rows.
    const disagreement = frame.format === 'file' && frame.footer ? compareBlocks(frame.footer, watch.batches) : null;
    if (disagreement) throw unsoundMetadata(name, 'file', disagreement.why);
    // (`source` saw every byte: fewer or more than the file's size were the file changed.)
    if (!schema) throw new InputError(`file '${name}' holds no schema: expected an Apache Arrow IPC ${frame.format}`, { code: 'file-corrupt', file: name });
  };
  const generator = (async function* (): AsyncGenerator<RecordBatch, void, undefined> {
    try {
      yield* read();
    } catch (error) {
      // A file swapped for another since it was sniffed fails as truncated or corrupt Arrow: said to have changed instead.
      throw format && !options.signal?.aborted ? await failedRead(error, source, format) : error;
    }
  })();
  return Object.assign(generator, { schema: () => schema, format: () => format, compressed: () => checked?.compressed ?? false });
}

/** A reader failure as an InputError naming the file, the record batch and the byte reached ('file-truncated' when the bytes ran out). */
function readFailure(
  error: unknown,
  input: ByteSource,
  format: 'file' | 'stream',
  count: number,
  rows: number,
  position: number,
  signal: AbortSignal | undefined,
): unknown {
  if (error instanceof InputError || signal?.aborted) return error;
  const { name, size } = input;
  const message = error instanceof Error ? error.message : String(error);
  const at = `record batch ${count + 1} (after ${rows.toLocaleString('en-US')} rows, at byte ${position.toLocaleString('en-US')} of ${size.toLocaleString('en-US')})`;
  if (position >= size) return truncated(name, size, `the bytes run out in ${at} (${message})`);
  return new InputError(`file '${name}' could not be read as an Arrow IPC ${format}: ${at} is truncated or corrupt (${message})`, {
    code: 'file-corrupt',
    file: name,
  });
}

/** Where the stream part of an IPC file lies, and its schema message (from the footer) to put first. */
async function fileFrame(input: ByteSource): Promise<{
  format: 'file';
  prefix: Uint8Array;
  start: number;
  end: number;
  cuts: number[];
  footer: FooterBlocks;
}> {
  const { name, size } = input;
  const tail = size >= 12 ? await input.slice(size - 10, size) : new Uint8Array(0);
  if (tail.length < 10 || !ARROW_MAGIC.every((b, i) => tail[4 + i] === b)) {
    throw truncated(name, size, "it starts like an Arrow IPC file but lacks the closing 'ARROW1' magic");
  }
  const footerLength = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  if (footerLength <= 0 || footerLength > size - 18) {
    throw new InputError(`file '${name}' is corrupt: its footer length ${footerLength} does not fit in ${size} bytes`, { code: 'file-corrupt', file: name });
  }
  const footerBytes = await input.slice(size - 10 - footerLength, size - 10);
  const unsound = checkIpcFooter(footerBytes);
  if (unsound) throw unsoundMetadata(name, 'file', unsound.why);
  let footer: Footer;
  try {
    footer = Footer.decode(footerBytes);
  } catch (error) {
    throw new InputError(`file '${name}' is corrupt: its footer cannot be read (${error instanceof Error ? error.message : String(error)})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  const blocks: FooterBlocks = { dictionaries: [...footer.dictionaryBatches()].map(asBlock), batches: [...footer.recordBatches()].map(asBlock) };
  let end = 8;
  const cuts = [8];
  for (const { offset, metadataLength, bodyLength } of [...blocks.dictionaries, ...blocks.batches]) {
    const stop = offset + metadataLength + bodyLength;
    end = Math.max(end, stop);
    cuts.push(offset, stop);
  }
  if (end > size - 10 - footerLength) {
    throw new InputError(`file '${name}' is corrupt: its footer places a record batch beyond the data (byte ${end} of ${size})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  const inside = cuts.filter((cut) => cut > 0 && cut < size);
  return {
    format: 'file',
    prefix: schemaMessage(footer.schema),
    start: 8,
    end,
    cuts: [...new Set(inside)].sort((a, b) => a - b),
    footer: blocks,
  };
}

/** A file's dictionary and record batch blocks, as its footer lists them. */
type FooterBlocks = { readonly dictionaries: Block[]; readonly batches: Block[] };

function asBlock(block: { offset: number | bigint; metaDataLength: number; bodyLength: number | bigint }): Block {
  return { offset: Number(block.offset), metadataLength: block.metaDataLength, bodyLength: Number(block.bodyLength) };
}

/**
 * A file's bytes in order, read by `slice` in pieces that end at `cuts` (the message boundaries
 * the footer gives), so each IPC message arrives as one chunk: apache-arrow's reader then takes
 * views of it, where chunks that straddle messages make it join and re-join them (on Chicago's
 * one 69 MB batch, 0.75 s of copying against none). A piece is as long as its message: the
 * reader needs a message whole anyway.
 */
async function* alignedChunks(input: ByteSource, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const cut of [...cuts, input.size]) {
    if (cut <= at) continue;
    const piece = await input.slice(at, cut);
    if (piece.length === 0) return;
    yield piece;
    at += piece.length;
    if (at < cut) return; // the file is shorter than its footer says: the reader reports the truncation
  }
}

/** A schema as one framed IPC message: continuation marker, metadata length, flatbuffer, padding to 8 bytes. */
function schemaMessage(schema: Schema): Uint8Array {
  const body = Message.encode(Message.from(schema));
  const length = (body.length + 7) & ~7;
  const framed = new Uint8Array(8 + length);
  const view = new DataView(framed.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, length, true);
  framed.set(body, 8);
  return framed;
}

/**
 * The rows of an Arrow IPC file from its footer and each record batch's metadata (a few hundred
 * bytes a batch, read by `slice`), before any batch is read; null for an IPC stream, which has no
 * footer, or metadata that cannot be read (the full read then reports what is wrong). `format`:
 * the input's IPC format when sniffed already (its first bytes are then not read again).
 * @example await arrowFileRows(fileByteSource('chicago.arrow')) // → 1306393
 */
export async function arrowFileRows(input: ByteSource, format?: 'file' | 'stream'): Promise<number | null> {
  if (format === 'stream') return null;
  const headers = await arrowFileBatchHeaders(input, format === 'file');
  return headers && headers.reduce((rows, header) => rows + Number(header.length), 0);
}

/**
 * Each top-level column's share of rows with a value over a whole Arrow IPC file or stream, from
 * its record batch headers (their field nodes' null counts; no column data is read: a file's
 * footer points to them, a stream's are found by skipping each message's body), in the schema's
 * order; null for a file without batches or headers that cannot be read. Nested columns count
 * their own node only (their children's nodes are skipped).
 * @example await arrowShares(fileByteSource('chicago.arrow'), schema) // → [1, 1, 0.9937, …]
 */
export async function arrowShares(input: ByteSource, schema: Schema): Promise<number[] | null> {
  const headers = (await arrowFileBatchHeaders(input)) ?? (await arrowStreamBatchHeaders(input));
  if (!headers || headers.length === 0) return null;
  // Field nodes are listed depth first: each top-level field's node, then its children's.
  const nodeOf: number[] = [];
  const descendants = (type: DataType): number => (type.children ?? []).reduce((n: number, child: Field) => n + 1 + descendants(child.type), 0);
  let node = 0;
  for (const field of schema.fields) {
    nodeOf.push(node);
    node += 1 + descendants(field.type);
  }
  let rows = 0;
  const nulls = new Array<number>(nodeOf.length).fill(0);
  for (const header of headers) {
    if (header.nodes.length !== node) return null;
    rows += Number(header.length);
    nodeOf.forEach((at, i) => (nulls[i] += Number(header.nodes[at].nullCount)));
  }
  return nulls.map((n) => (rows === 0 ? 0 : 1 - n / rows));
}

/**
 * The headers `arrowFileBatchHeaders` read, by input: a streamed load asks twice (the head's "% filled"
 * shares, `arrowShares`, then the row count, `arrowFileRows`), and the footer is read and decoded once.
 */
const fileHeaders = new WeakMap<ByteSource, Promise<RecordBatchHeader[] | null>>();

/** The record batch headers of an Arrow IPC file, read through its footer's blocks once per input; null for a stream or an unreadable footer. `sniffed`: known to be an IPC file. */
function arrowFileBatchHeaders(input: ByteSource, sniffed = false): Promise<RecordBatchHeader[] | null> {
  let headers = fileHeaders.get(input);
  if (!headers) {
    headers = readFileBatchHeaders(input, sniffed);
    fileHeaders.set(input, headers);
    headers.catch(() => fileHeaders.delete(input)); // a failed read (a transient slice error) is tried again next time
  }
  return headers;
}

async function readFileBatchHeaders(input: ByteSource, sniffed: boolean): Promise<RecordBatchHeader[] | null> {
  if (!sniffed && (await sniffInput(input)).ipc !== 'file') return null;
  try {
    const { footer } = await fileFrame(input);
    const headers: RecordBatchHeader[] = [];
    for (const { offset, metadataLength } of footer.batches) {
      const meta = await input.slice(offset, offset + metadataLength);
      const skip = new DataView(meta.buffer, meta.byteOffset, 4).getUint32(0, true) === 0xffffffff ? 8 : 4;
      if (checkMessageMetadata(meta.subarray(skip), input.size - offset - metadataLength)) return null;
      const message = Message.decode(meta.subarray(skip));
      if (!message.isRecordBatch()) return null;
      headers.push(message.header());
    }
    return headers;
  } catch {
    return null;
  }
}

/**
 * The record batch headers of an Arrow IPC stream, read message by message: each message's
 * prefix (the 0xFFFFFFFF continuation, when present, and the metadata length), its metadata, then
 * a jump over its body. Null when the input is not a stream or a message cannot be read.
 */
async function arrowStreamBatchHeaders(input: ByteSource): Promise<RecordBatchHeader[] | null> {
  if ((await sniffInput(input)).ipc !== 'stream') return null;
  try {
    const headers: RecordBatchHeader[] = [];
    for (let at = 0; at + 4 <= input.size;) {
      const prefix = await input.slice(at, Math.min(input.size, at + 8));
      const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.length);
      const continued = view.getUint32(0, true) === 0xffffffff;
      if (continued && prefix.length < 8) return null;
      const length = view.getInt32(continued ? 4 : 0, true);
      if (length === 0) break; // the end-of-stream marker
      const start = at + (continued ? 8 : 4);
      if (length < 0 || start + length > input.size) return null;
      const metadata = await input.slice(start, start + length);
      if (checkMessageMetadata(metadata, input.size - start - length)) return null;
      const message = Message.decode(metadata);
      const body = Number(message.bodyLength);
      // A body length that is negative or runs past the end is a corrupt stream (and must not walk back: no endless loop).
      if (!(body >= 0) || start + length + body > input.size) return null;
      if (message.isRecordBatch()) headers.push(message.header());
      at = start + length + body;
    }
    return headers;
  } catch {
    return null;
  }
}

/** What `arrowShares` reads of a record batch header. */
interface RecordBatchHeader {
  readonly length: number | bigint;
  readonly nodes: readonly { readonly nullCount: number | bigint }[];
}

/**
 * Bytes of decoded record batches (`Data.byteLength`) a streamed load may keep from its decode pass
 * for its quote pass, one budget shared by all its files (`arrowBatchSource`): `left` shrinks as
 * batches are kept and grows back by a file's share when that file goes over it.
 */
export interface KeepBudget {
  left: number;
}

/** Options of `arrowBatchSource`: the decode pass's read (`ReadStreamOptions`), the budget to keep its batches within, a read already begun. */
export interface BatchSourceOptions extends ReadStreamOptions {
  /** The budget of decoded bytes the load's files share for keeping their decode pass's batches (`KeepBudget`). */
  readonly keep?: KeepBudget;
  /** A read of the file already begun (`HeldRead.batches`), which the decode pass goes on with. */
  readonly held?: AsyncGenerator<RecordBatch, void, undefined>;
}

/**
 * An Arrow IPC file or stream as a `BatchSource` for `loadIncidentsStream`: the decode pass is
 * `arrowBatches` with `options` (hash, progress, cancel) and checks, at its end, that the file had
 * rows (`checkTable`'s 'no-rows'); the quote pass reads the batches again without hashing. `rows`
 * is the footer's count (`arrowFileRows`) when known. With `options.keep`, the decode pass's batches are
 * kept for the quote pass instead (no second read and parse of the file, the same batches) while
 * their decoded bytes fit the budget the load's files share; a file whose batches do not fit keeps
 * none (its share goes back) and is read again. Kept batches are let go once the quote pass has
 * run, or by `release` when it will not. `options.held`: a read of the file already begun (`readHead`'s,
 * `HeldRead.batches`: from its first batch, not hashed) that the decode pass goes on with instead
 * of reading the file from its start again.
 * @example loadIncidentsStream([await arrowBatchSource(fileByteSource('big.arrow'), { hash })], mapping)
 */
export async function arrowBatchSource(input: ByteSource, options: BatchSourceOptions = {}): Promise<BatchSource> {
  const { keep, held, ...read } = options;
  const rows = await arrowFileRows(input, read.format);
  let kept: RecordBatch[] | null = null; // every batch of a finished decode pass, when kept
  let begun = held;
  return {
    name: input.name,
    bytes: input.size,
    ...(rows !== null && { rows }),
    batches: (pass) => {
      if (pass === 'decode') {
        const stream = begun ?? arrowBatches(input, read);
        begun = undefined;
        return decodePass(input, stream, keep && { budget: keep, done: (batches) => (kept = batches) });
      }
      const batches = kept;
      kept = null;
      return batches ? keptPass(batches, read.signal) : arrowBatches(input, { signal: read.signal, format: read.format, first: read.first });
    },
    quoteHeld: () => kept !== null,
    release: () => void (kept = null),
  };
}

async function* decodePass(
  input: ByteSource,
  stream: AsyncGenerator<RecordBatch, void, undefined> & Partial<Pick<ArrowBatches, 'schema'>>,
  keep?: { readonly budget: KeepBudget; readonly done: (batches: RecordBatch[]) => void },
): AsyncGenerator<RecordBatch, void, undefined> {
  let batches: RecordBatch[] | null = keep ? [] : null;
  let taken = 0; // bytes of `batches`, taken from the budget
  let schema: Schema | null = null;
  let rows = 0;
  for await (const batch of stream) {
    schema ??= batch.schema;
    rows += batch.numRows;
    if (keep && batches) {
      const bytes = batch.data.byteLength;
      if (bytes <= keep.budget.left) {
        keep.budget.left -= bytes;
        taken += bytes;
        batches.push(batch);
      } else {
        keep.budget.left += taken; // over the budget: this file keeps none, its share goes back
        batches = null;
      }
    }
    yield batch;
  }
  if (rows === 0) checkTable(new Table((stream.schema?.() ?? schema) as Schema), input.name);
  if (batches) keep?.done(batches); // only a pass read to its end (every check passed) is kept
}

/** The batches a decode pass kept, yielded again (a cancel stops between them, as between read batches). */
async function* keptPass(batches: RecordBatch[], signal?: AbortSignal): AsyncGenerator<RecordBatch, void, undefined> {
  for (const batch of batches) {
    if (signal?.aborted) throw signal.reason;
    yield batch;
  }
}
