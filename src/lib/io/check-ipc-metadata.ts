/**
 * Bounds checks on the FlatBuffers metadata of an Arrow IPC file or stream, run before
 * apache-arrow parses it. apache-arrow trusts the vector lengths it finds there: one corrupt
 * byte in a record batch's buffer count makes it loop billions of times (seconds, then out of
 * memory). This walks every message (schema, dictionary and record batches, and the file
 * footer) and checks that each vector arrow will iterate — fields, children, key/values, field
 * nodes, buffers, variadic counts, blocks — lies inside its message, so arrow's loops stay
 * bounded by the file size. Format references: the Arrow IPC specification
 * (arrow.apache.org/docs/format/Columnar.html#serialization-and-interprocess-communication-ipc),
 * Message.fbs / Schema.fbs / File.fbs, and the FlatBuffers binary layout
 * (flatbuffers.dev/internals).
 */

import { FlatBuffer } from './flat-buffer';

const SCHEMA = 1;
const DICTIONARY_BATCH = 2;
const RECORD_BATCH = 3;
/** arrow-js cannot index past 2^31 − 1 rows a batch (its writer refuses them too). */
const MAX_ROWS = 2 ** 31 - 1;
/**
 * Most bytes one compressed byte can decode to: LZ4 sequences add at most 255 bytes per
 * length byte; a ZSTD RLE block turns 4 bytes into up to 128 KiB (Block_Maximum_Size).
 */
const MAX_RATIO: Record<number, number> = { 0: 256, 1: 32768 };
const CODEC_NAME: Record<number, string> = { 0: 'LZ4_FRAME', 1: 'ZSTD' };

/** What is wrong with an IPC file or stream's framing and metadata: truncated (a cut) or corrupt. */
export interface IpcProblem {
  readonly code: 'file-truncated' | 'file-corrupt';
  readonly why: string;
}

/** One message as walked: where it starts, its header type, its body, and the rows of a record batch. */
export interface WalkedMessage {
  readonly start: number;
  readonly type: number;
  /** Bytes from the message start to its body (marker, length prefix, metadata). */
  readonly metadataLength: number;
  readonly bodyLength: number;
  readonly rows: number;
}

/**
 * Walks the messages of an IPC stream (or the stream part of a file, from byte 8 to the footer)
 * and the file footer, and returns the first inconsistency, or null when the metadata is sound.
 * Besides the bounds of every vector, it cross-checks what would otherwise lose rows without a
 * word: a stream must end with its end-of-stream marker and nothing may follow it (a cut
 * download ends at a message boundary as often as not); a file's footer must list exactly the
 * record batches and dictionary batches of its body, with their lengths; a record batch must
 * claim 0 to 2^31 − 1 rows, null counts within its node lengths, and buffers inside its body;
 * a compressed buffer's uncompressed length must be one its compressed bytes can hold.
 * Message bodies are not decoded, only stepped over.
 *
 * @example
 * checkIpcMetadata(tableToIPC(table, 'stream'), 'stream') // → null
 */
export function checkIpcMetadata(bytes: Uint8Array, format: 'file' | 'stream'): IpcProblem | null {
  try {
    if (format === 'file') {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const footerLength = view.getInt32(bytes.length - 10, true);
      const footerStart = bytes.length - 10 - footerLength;
      if (footerLength <= 0 || footerStart < 8) return corrupt(`its footer length (${footerLength}) does not fit the file`);
      const blocks = checkFooter(new FlatBuffer(bytes, footerStart, footerLength));
      const { messages } = walkMessages(bytes, 8, footerStart, blocks.columns);
      return compareBlocks(blocks, messages);
    }
    const { messages, marker, end } = walkMessages(bytes, 0, bytes.length, null);
    const { rows, batches } = rowsOf(messages);
    if (marker < 0) {
      return {
        code: 'file-truncated',
        why: `the Arrow IPC stream ends without its end-of-stream marker after ${rows} rows in ${batches} record batch${batches === 1 ? '' : 'es'}`,
      };
    }
    if (end < bytes.length) return corrupt(`an end-of-stream marker at byte ${marker} after ${rows} rows is followed by ${bytes.length - end} more bytes`);
    return null;
  } catch (error) {
    if (error instanceof Truncated) return { code: 'file-truncated', why: error.message };
    return corrupt(error instanceof RangeError ? error.message : String(error));
  }
}

/** A cut inside a message's framing: the bytes end where more must follow. */
class Truncated extends Error {}

/** A 'file-corrupt' problem saying `why`. */
export function corrupt(why: string): IpcProblem {
  return { code: 'file-corrupt', why };
}

function rowsOf(messages: readonly WalkedMessage[]): { rows: number; batches: number } {
  const batches = messages.filter((m) => m.type === RECORD_BATCH);
  return { rows: batches.reduce((sum, m) => sum + m.rows, 0), batches: batches.length };
}

/**
 * Walks the messages in [start, end); returns them, the offset of the end-of-stream marker
 * (−1 when the bytes end without one) and the offset just past the marker.
 */
function walkMessages(bytes: Uint8Array, start: number, end: number, columns: Columns | null): { messages: WalkedMessage[]; marker: number; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const messages: WalkedMessage[] = [];
  let at = start;
  const counts = { [RECORD_BATCH]: 0, [DICTIONARY_BATCH]: 0 };
  const schema = { columns };
  while (at < end) {
    const messageStart = at;
    if (at + 4 > end) throw new Truncated(`the Arrow IPC stream ends inside a message's length prefix, ${rowsText(messages)}`);
    let length = view.getInt32(at, true);
    at += 4;
    if (length === -1) {
      if (at + 4 > end) throw new Truncated(`the Arrow IPC stream ends inside a message's length prefix, ${rowsText(messages)}`);
      length = view.getInt32(at, true);
      at += 4;
    }
    if (length === 0) return { messages, marker: messageStart, end: at };
    if (length < 0 || at + length > end) throw new RangeError(`a message claims ${length} metadata bytes but only ${end - at} remain`);
    const fb = new FlatBuffer(bytes, at, length);
    const type = fb.u8Field(fb.root(), 1);
    const ordinal = type === RECORD_BATCH || type === DICTIONARY_BATCH ? ++counts[type] : 0;
    const bodyStart = at + length;
    const { body, rows } = checkMessage(fb, end - bodyStart, ordinal, schema, (offset, size, codec, what) =>
      checkCompressedPrefix(view, bodyStart + offset, size, codec, what),
    );
    at += length;
    if (body > end - at) throw new RangeError(`a message claims a ${body}-byte body but only ${end - at} bytes remain`);
    messages.push({ start: messageStart, type, metadataLength: at - messageStart, bodyLength: body, rows });
    at += body;
  }
  return { messages, marker: -1, end: at };
}

function rowsText(messages: readonly WalkedMessage[]): string {
  const { rows, batches } = rowsOf(messages);
  return `after ${rows} rows in ${batches} record batch${batches === 1 ? '' : 'es'}`;
}

/**
 * Where a compressed buffer lies in its message's body (`offset`, `length` bytes) and its codec:
 * the caller checks its uncompressed-length prefix (`checkCompressedPrefix`) once it has those bytes.
 */
export type CompressedBuffer = (offset: number, length: number, codec: number, what: string) => void;

/** What a checked message's metadata says: its header type, its body length and, for a record batch, its rows. */
export interface CheckedMessage {
  readonly type: number;
  readonly body: number;
  readonly rows: number;
}

/**
 * Checks one Message's metadata (a FlatBuffer); `room` is how many bytes may follow it (its
 * body must fit), `ordinal` numbers record (or dictionary) batches from 1, `schema` carries the
 * columns a schema message declares to the record batches after it, and `compressed` is told of
 * each compressed buffer. Throws a RangeError saying what is wrong.
 */
export function checkMessage(fb: FlatBuffer, room: number, ordinal: number, schema: { columns: Columns | null }, compressed: CompressedBuffer): CheckedMessage {
  const message = fb.root();
  const headerType = fb.u8Field(message, 1);
  const header = fb.target(message, 2);
  checkKeyValues(fb, fb.target(message, 4));
  if (header === 0) throw new RangeError('a message has no header');
  const bodyLength = fb.i64Field(message, 3);
  if (bodyLength < 0n || bodyLength > BigInt(room)) {
    throw new RangeError(`a message claims a ${bodyLength}-byte body but only ${room} bytes remain`);
  }
  const body = Number(bodyLength);
  let rows = 0;
  if (headerType === SCHEMA) schema.columns = checkSchema(fb, header);
  else if (headerType === RECORD_BATCH) rows = checkRecordBatch(fb, header, body, `record batch ${ordinal}`, schema.columns, compressed);
  else if (headerType === DICTIONARY_BATCH) {
    const data = fb.target(header, 1);
    if (data === 0) throw new RangeError('a dictionary batch has no data');
    checkRecordBatch(fb, data, body, `dictionary batch ${ordinal}`, null, compressed);
  } else throw new RangeError(`a message has header type ${headerType}, not a schema, dictionary or record batch`);
  return { type: headerType, body, rows };
}

/**
 * Checks one message's metadata on its own (no schema to hold its columns to, compressed
 * buffers' prefixes unread), before apache-arrow's `Message.decode` reads it: `room` bytes may
 * follow it. Null when sound.
 * @example checkMessageMetadata(metadata, input.size - end) // → null
 */
export function checkMessageMetadata(metadata: Uint8Array, room: number): IpcProblem | null {
  try {
    checkMessage(new FlatBuffer(metadata, 0, metadata.length), room, 1, { columns: null }, () => {});
    return null;
  } catch (error) {
    return corrupt(error instanceof RangeError ? error.message : String(error));
  }
}

/**
 * Checks an IPC file's footer (its schema and block vectors) before apache-arrow's
 * `Footer.decode` reads it. Null when sound.
 * @example checkIpcFooter(bytes.subarray(footerStart, bytes.length - 10)) // → null
 */
export function checkIpcFooter(footer: Uint8Array): IpcProblem | null {
  try {
    checkFooter(new FlatBuffer(footer, 0, footer.length));
    return null;
  } catch (error) {
    return corrupt(error instanceof RangeError ? error.message : String(error));
  }
}

/** A footer block: struct { offset: int64; metaDataLength: int32; bodyLength: int64 }, 24 bytes. */
export interface Block {
  readonly offset: number;
  readonly metadataLength: number;
  readonly bodyLength: number;
}

/** Checks the footer and returns its dictionary and record-batch blocks and its schema's columns (a file's body may omit the schema message). */
function checkFooter(fb: FlatBuffer): { dictionaries: Block[]; batches: Block[]; columns: Columns } {
  const footer = fb.root();
  const schema = fb.target(footer, 1);
  if (schema === 0) throw new RangeError('the footer has no schema');
  const columns = checkSchema(fb, schema);
  checkKeyValues(fb, fb.target(footer, 4));
  const blocks = (index: number): Block[] => {
    const vector = fb.target(footer, index);
    const length = fb.vector(vector, 24);
    return Array.from({ length }, (_, i) => {
      const at = vector + 4 + 24 * i;
      return {
        offset: safe(fb.i64(at), 'a footer block offset'),
        metadataLength: fb.u32(at + 8) | 0,
        bodyLength: safe(fb.i64(at + 16), 'a footer block body length'),
      };
    });
  };
  return { dictionaries: blocks(2), batches: blocks(3), columns };
}

/**
 * The footer against the body: apache-arrow reads a file through its footer alone, so a batch
 * the footer omits would vanish and one it lists twice would be read twice.
 */
export function compareBlocks(footer: { dictionaries: Block[]; batches: Block[] }, messages: readonly WalkedMessage[]): IpcProblem | null {
  const { rows } = rowsOf(messages);
  for (const [kind, type, blocks] of [
    ['record batch', RECORD_BATCH, footer.batches],
    ['dictionary batch', DICTIONARY_BATCH, footer.dictionaries],
  ] as const) {
    const inBody = messages.filter((m) => m.type === type);
    if (blocks.length !== inBody.length) {
      return corrupt(
        `the footer lists ${blocks.length} ${kind}es but the file holds ${inBody.length}` +
          (type === RECORD_BATCH ? ` (${rows} rows): rows would be lost or read twice` : ''),
      );
    }
    const byStart = new Map(inBody.map((m) => [m.start, m]));
    for (const block of blocks) {
      const message = byStart.get(block.offset);
      if (!message) return corrupt(`the footer points at byte ${block.offset}, where no ${kind} starts`);
      byStart.delete(block.offset);
      if (block.bodyLength !== message.bodyLength || block.metadataLength !== message.metadataLength) {
        return corrupt(
          `the footer's block for the ${kind} at byte ${block.offset} says ${block.metadataLength} + ${block.bodyLength} bytes, ` +
            `the message holds ${message.metadataLength} + ${message.bodyLength}`,
        );
      }
    }
  }
  return null;
}

/** An int64 from the metadata as a number, or a RangeError naming it beyond 2^53. */
function safe(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is ${value}, outside 0 to 2^53`);
  return Number(value);
}

/** The top-level columns of a schema: their names and the index of each one's first field node. */
export interface Columns {
  readonly names: readonly string[];
  readonly firstNode: readonly number[];
}

function checkSchema(fb: FlatBuffer, schema: number): Columns {
  const fields = fb.target(schema, 1);
  checkFields(fb, fields, 0);
  checkKeyValues(fb, fb.target(schema, 2));
  fb.vector(fb.target(schema, 3), 8); // features
  const names: string[] = [];
  const firstNode: number[] = [];
  let node = 0;
  for (const field of fb.tables(fields)) {
    names.push(fb.text(fb.target(field, 0)));
    firstNode.push(node);
    node += nodeCount(fb, field);
  }
  return { names, firstNode };
}

/** Field nodes a field spans in a record batch: one, plus its children's unless dictionary-encoded (the indices only). */
function nodeCount(fb: FlatBuffer, field: number): number {
  if (fb.target(field, 4) !== 0) return 1;
  let count = 1;
  for (const child of fb.tables(fb.target(field, 5))) count += nodeCount(fb, child);
  return count;
}

function checkFields(fb: FlatBuffer, vector: number, depth: number): void {
  if (depth > 64) throw new RangeError('fields nest more than 64 levels deep');
  for (const field of fb.tables(vector)) {
    fb.vector(fb.target(field, 0), 1); // name
    checkFields(fb, fb.target(field, 5), depth + 1);
    checkKeyValues(fb, fb.target(field, 6));
  }
}

function checkKeyValues(fb: FlatBuffer, vector: number): void {
  for (const pair of fb.tables(vector)) {
    fb.vector(fb.target(pair, 0), 1);
    fb.vector(fb.target(pair, 1), 1);
  }
}

/**
 * Checks a RecordBatch table (Message.fbs) whose body is `body` bytes long: its row count,
 * field nodes (length, null count), buffers (inside the body) and, when compressed, hands each
 * buffer to `compressed` (whose uncompressed-length prefix lies in the body); the top-level columns' nodes (`columns`,
 * from the schema; null for a dictionary batch, whose one column is its first node) must hold
 * exactly its rows. Returns its rows.
 */
function checkRecordBatch(fb: FlatBuffer, batch: number, body: number, what: string, columns: Columns | null, compressed: CompressedBuffer): number {
  const rows = fb.i64Field(batch, 0);
  if (rows < 0n || rows > BigInt(MAX_ROWS)) throw new RangeError(`${what} claims ${rows} rows, outside 0 to 2^31 − 1`);
  const nodes = fb.target(batch, 1);
  const n = fb.vector(nodes, 16);
  for (let i = 0; i < n; i++) {
    const length = fb.i64(nodes + 4 + 16 * i);
    const nulls = fb.i64(nodes + 12 + 16 * i);
    if (length < 0n || length > BigInt(MAX_ROWS)) throw new RangeError(`${what}: column node ${i + 1} claims ${length} values, outside 0 to 2^31 − 1`);
    if (nulls < 0n || nulls > length) throw new RangeError(`${what}: column node ${i + 1} claims ${nulls} nulls in ${length} values`);
  }
  // apache-arrow pads a column shorter than the longest with nulls and takes the longest as the
  // batch's length: each top-level column must hold exactly the batch's rows.
  const top: readonly number[] = columns?.firstNode ?? [0];
  top.forEach((node, c) => {
    if (node >= n) return;
    const length = fb.i64(nodes + 4 + 16 * node);
    if (length !== rows) {
      const column = columns ? `column '${columns.names[c]}'` : 'its values';
      throw new RangeError(`${what} declares ${rows} row${rows === 1n ? '' : 's'} but ${column} claim${columns ? 's' : ''} ${length}: a length is damaged`);
    }
  });
  const buffers = fb.target(batch, 2);
  const compression = fb.target(batch, 3);
  const codec = compression === 0 ? -1 : fb.u8Field(compression, 0);
  if (codec !== -1 && MAX_RATIO[codec] === undefined) throw new RangeError(`${what} is compressed with codec ${codec}, neither LZ4_FRAME (0) nor ZSTD (1)`);
  for (let i = 0, n = fb.vector(buffers, 16); i < n; i++) {
    const offset = fb.i64(buffers + 4 + 16 * i);
    const length = fb.i64(buffers + 12 + 16 * i);
    if (offset < 0n || length < 0n || offset + length > BigInt(body)) {
      throw new RangeError(`${what}: buffer ${i + 1} (bytes ${offset} to ${offset + length}) lies outside its ${body}-byte body`);
    }
    if (codec !== -1 && length > 0n) compressed(Number(offset), Number(length), codec, `${what}: buffer ${i + 1}`);
  }
  fb.vector(fb.target(batch, 4), 8); // variadic buffer counts
  return Number(rows);
}

/**
 * A compressed buffer starts with its uncompressed length (int64; −1 = stored uncompressed).
 * apache-arrow ignores it and decodes whatever the frame yields; checked here so no decoder
 * allocates more than the compressed bytes could possibly hold.
 */
export function checkCompressedPrefix(view: DataView, at: number, length: number, codec: number, what: string): void {
  if (length < 8) throw new RangeError(`${what} holds ${length} bytes, too few for the 8-byte uncompressed length of a compressed buffer`);
  const declared = view.getBigInt64(at, true);
  if (declared === -1n) return;
  const most = (length - 8) * MAX_RATIO[codec] + 1024;
  if (declared < 0n || declared > BigInt(Math.min(most, MAX_ROWS))) {
    throw new RangeError(`${what} declares ${declared} uncompressed bytes, more than its ${length - 8} ${CODEC_NAME[codec]} bytes can hold`);
  }
}
