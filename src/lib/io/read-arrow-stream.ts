import { Message, RecordBatchReader, Table, type RecordBatch, type Schema } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import type { ByteSource } from './byte-source';
import { InputError } from './input-error';
import { checkTable, looksLikeLegacyStream, notArrow, truncated, type ArrowSource } from './read-arrow';
import { registerArrowCodecs } from './register-arrow-codecs';
import type { Sha256Stream } from './sha256-stream';
import { ARROW_MAGIC, sniffFormat } from './sniff-format';

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
}

/**
 * Reads an Arrow IPC file or stream from a `ByteSource` record batch by record batch
 * (apache-arrow's `RecordBatchReader` over the chunks), so the file is never held whole as
 * bytes: each batch keeps only its own buffers, and the chunks between are dropped as soon as
 * parsed. The IPC file format is its stream format between an 8-byte magic and a footer; the
 * footer (read first, by `slice`) gives the schema — writers such as apache-arrow's leave the
 * schema message out of the stream part — and where the last batch ends. Every byte goes through
 * `options.hash` once, in order. The same checks as `readArrow` (`checkTable`: lengths, bounds,
 * 64-bit values, no rows); a reader failure is an InputError naming the file, the record batch
 * and the byte it had reached ('file-truncated' when the bytes ran out, else 'file-corrupt').
 *
 * @example
 * (await readArrowStream(bytesSource('c.arrow', chicagoBytes))).table.numRows // → 1306393
 */
export async function readArrowStream(input: ByteSource, options: ReadStreamOptions = {}): Promise<ArrowSource> {
  const { name, size } = input;
  const head = await input.slice(0, Math.min(size, 4096));
  const sniffed = sniffFormat(head);
  if (sniffed.format === 'empty')
    throw new InputError(`file '${name}' is empty (0 bytes): expected an Apache Arrow IPC file or stream`, { code: 'file-empty', file: name });
  let frame: { format: 'file' | 'stream'; prefix: Uint8Array | null; start: number; end: number };
  if (sniffed.format === 'arrow-file') frame = await fileFrame(input);
  else if (sniffed.format === 'arrow-stream' || (sniffed.format === 'unknown' && looksLikeLegacyStream(head)))
    frame = { format: 'stream', prefix: null, start: 0, end: size };
  else throw notArrow(sniffed, name);

  registerArrowCodecs();
  const chunks = input.chunks()[Symbol.asyncIterator]();
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
        return { done: false, value };
      }
      for (;;) {
        const next = await pull();
        if (next.done) return next;
        const from = position - next.value.length;
        const a = Math.max(frame.start - from, 0);
        const b = Math.min(frame.end - from, next.value.length);
        if (b > a) return { done: false, value: next.value.subarray(a, b) };
      }
    },
    async return() {
      return { done: true, value: undefined };
    },
  };

  const batches: RecordBatch[] = [];
  let rows = 0;
  let schema: Schema | null = null;
  try {
    const reader = await RecordBatchReader.from(feed);
    for await (const batch of reader) {
      schema ??= batch.schema;
      if (batch.numRows === 0 && batch.data.children.length === 0) continue; // apache-arrow's placeholder for a stream with no batch
      batches.push(batch);
      rows += batch.numRows;
      options.onProgress?.({ bytes: position, size, rows, batches: batches.length });
    }
    schema ??= reader.schema ?? null;
  } catch (error) {
    if (error instanceof InputError || options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const at = `record batch ${batches.length + 1} (after ${rows.toLocaleString('en-US')} rows, at byte ${position.toLocaleString('en-US')} of ${size.toLocaleString('en-US')})`;
    if (position >= size) {
      throw truncated(name, size, `the bytes run out in ${at} (${message})`);
    }
    throw new InputError(`file '${name}' could not be read as an Arrow IPC ${frame.format}: ${at} is truncated or corrupt (${message})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  for (let next = await pull(); !next.done; next = await pull()); // hash what follows the last batch (the footer)
  if (position !== size) throw truncated(name, size, `only ${position.toLocaleString('en-US')} bytes could be read`);
  if (!schema) throw new InputError(`file '${name}' holds no schema: expected an Apache Arrow IPC ${frame.format}`, { code: 'file-corrupt', file: name });
  const table = new Table(schema, batches);
  checkTable(table, name);
  return { name, bytes: size, table, format: frame.format };
}

/** Where the stream part of an IPC file lies, and its schema message (from the footer) to put first. */
async function fileFrame(input: ByteSource): Promise<{ format: 'file'; prefix: Uint8Array; start: number; end: number }> {
  const { name, size } = input;
  const tail = size >= 12 ? await input.slice(size - 10, size) : new Uint8Array(0);
  if (tail.length < 10 || !ARROW_MAGIC.every((b, i) => tail[4 + i] === b)) {
    throw truncated(name, size, "it starts like an Arrow IPC file but lacks the closing 'ARROW1' magic");
  }
  const footerLength = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  if (footerLength <= 0 || footerLength > size - 18) {
    throw new InputError(`file '${name}' is corrupt: its footer length ${footerLength} does not fit in ${size} bytes`, { code: 'file-corrupt', file: name });
  }
  let footer: Footer;
  try {
    footer = Footer.decode(await input.slice(size - 10 - footerLength, size - 10));
  } catch (error) {
    throw new InputError(`file '${name}' is corrupt: its footer cannot be read (${error instanceof Error ? error.message : String(error)})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  let end = 8;
  for (const blocks of [footer.dictionaryBatches(), footer.recordBatches()]) {
    for (const block of blocks) end = Math.max(end, Number(block.offset) + block.metaDataLength + Number(block.bodyLength));
  }
  if (end > size - 10 - footerLength) {
    throw new InputError(`file '${name}' is corrupt: its footer places a record batch beyond the data (byte ${end} of ${size})`, {
      code: 'file-corrupt',
      file: name,
    });
  }
  return { format: 'file', prefix: schemaMessage(footer.schema), start: 8, end };
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
