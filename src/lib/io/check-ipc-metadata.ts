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

/** A region of bytes holding one FlatBuffer, with bounds-checked readers. */
class FlatBuffer {
  private readonly view: DataView;

  constructor(
    bytes: Uint8Array,
    private readonly start: number,
    readonly size: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset + start, size);
  }

  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }

  /** Position of the root table. */
  root(): number {
    return this.u32(0);
  }

  /** Position of field `index` of the table at `table`, or 0 if absent. */
  field(table: number, index: number): number {
    this.need(table, 4);
    const vtable = table - this.view.getInt32(table, true);
    this.need(vtable, 4);
    const vtableSize = this.view.getUint16(vtable, true);
    const slot = 4 + 2 * index;
    if (slot + 2 > vtableSize) return 0;
    this.need(vtable + slot, 2);
    const offset = this.view.getUint16(vtable + slot, true);
    return offset === 0 ? 0 : table + offset;
  }

  /** Target of the offset field `index` (a table, vector or string), or 0 if absent. */
  target(table: number, index: number): number {
    const at = this.field(table, index);
    return at === 0 ? 0 : at + this.u32(at);
  }

  /** The ubyte field `index` of the table at `table` (0 if absent). */
  u8Field(table: number, index: number): number {
    const at = this.field(table, index);
    if (at === 0) return 0;
    this.need(at, 1);
    return this.view.getUint8(at);
  }

  /** Length of the vector at `vector`, after checking its elements of `width` bytes fit. */
  vector(vector: number, width: number): number {
    if (vector === 0) return 0;
    const length = this.u32(vector);
    if (length * width > this.size - vector - 4) {
      throw new RangeError(`a metadata vector of ${length} entries overruns its ${this.size}-byte message`);
    }
    return length;
  }

  /** Positions of the tables in the vector of tables at `vector`. */
  tables(vector: number): number[] {
    const length = this.vector(vector, 4);
    return Array.from({ length }, (_, i) => {
      const slot = vector + 4 + 4 * i;
      return slot + this.u32(slot);
    });
  }

  private need(at: number, width: number): void {
    if (!(at >= 0 && at + width <= this.size)) {
      throw new RangeError(`a metadata offset (${this.start + at}) points outside its ${this.size}-byte message`);
    }
  }
}

const SCHEMA = 1;
const DICTIONARY_BATCH = 2;
const RECORD_BATCH = 3;

/**
 * Walks the messages of an IPC stream (or the stream part of a file, from `start`) and the file
 * footer, returning a description of the first inconsistency or null when the metadata is sound.
 * Message bodies are not read (apache-arrow checks their lengths), only stepped over.
 *
 * @example
 * checkIpcMetadata(tableToIPC(table, 'stream'), 'stream') // → null
 */
export function checkIpcMetadata(bytes: Uint8Array, format: 'file' | 'stream'): string | null {
  try {
    if (format === 'file') {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const footerLength = view.getInt32(bytes.length - 10, true);
      const footerStart = bytes.length - 10 - footerLength;
      if (footerLength <= 0 || footerStart < 8) return `its footer length (${footerLength}) does not fit the file`;
      const blocks = checkFooter(new FlatBuffer(bytes, footerStart, footerLength));
      const starts = walkMessages(bytes, 8, footerStart);
      const stray = blocks.find((offset) => !starts.has(offset));
      if (stray !== undefined) return `the footer points at byte ${stray}, where no message starts`;
    } else {
      walkMessages(bytes, 0, bytes.length);
    }
    return null;
  } catch (error) {
    return error instanceof RangeError ? error.message : String(error);
  }
}

/** Walks the messages in [start, end) and returns the offsets at which they start. */
function walkMessages(bytes: Uint8Array, start: number, end: number): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = new Set<number>();
  let at = start;
  while (at + 4 <= end) {
    starts.add(at);
    let length = view.getInt32(at, true);
    at += 4;
    if (length === -1) {
      if (at + 4 > end) break;
      length = view.getInt32(at, true);
      at += 4;
    }
    if (length === 0) break; // end-of-stream marker
    if (length < 0 || at + length > end) throw new RangeError(`a message claims ${length} metadata bytes but only ${end - at} remain`);
    const body = checkMessage(new FlatBuffer(bytes, at, length));
    at += length;
    if (body > end - at) throw new RangeError(`a message claims a ${body}-byte body but only ${end - at} bytes remain`);
    at += body;
  }
  return starts;
}

/** Checks one Message and returns its body length. */
function checkMessage(fb: FlatBuffer): number {
  const message = fb.root();
  const headerType = fb.u8Field(message, 1);
  const header = fb.target(message, 2);
  checkKeyValues(fb, fb.target(message, 4));
  if (header === 0) throw new RangeError('a message has no header');
  if (headerType === SCHEMA) checkSchema(fb, header);
  else if (headerType === RECORD_BATCH) checkRecordBatch(fb, header);
  else if (headerType === DICTIONARY_BATCH) {
    const data = fb.target(header, 1);
    if (data === 0) throw new RangeError('a dictionary batch has no data');
    checkRecordBatch(fb, data);
  } else throw new RangeError(`a message has header type ${headerType}, not a schema, dictionary or record batch`);
  const bodyAt = fb.field(message, 3);
  return bodyAt === 0 ? 0 : fb.u32(bodyAt) + fb.u32(bodyAt + 4) * 2 ** 32;
}

/** Checks the footer and returns the offsets of the messages its blocks point at. */
function checkFooter(fb: FlatBuffer): number[] {
  const footer = fb.root();
  const schema = fb.target(footer, 1);
  if (schema === 0) throw new RangeError('the footer has no schema');
  checkSchema(fb, schema);
  checkKeyValues(fb, fb.target(footer, 4));
  // Blocks (dictionaries, then record batches): struct { offset: int64; metaDataLength: int32; bodyLength: int64 }, 24 bytes.
  const offsets: number[] = [];
  for (const index of [2, 3]) {
    const vector = fb.target(footer, index);
    const length = fb.vector(vector, 24);
    for (let i = 0; i < length; i++) offsets.push(fb.u32(vector + 4 + 24 * i) + fb.u32(vector + 8 + 24 * i) * 2 ** 32);
  }
  return offsets;
}

function checkSchema(fb: FlatBuffer, schema: number): void {
  checkFields(fb, fb.target(schema, 1), 0);
  checkKeyValues(fb, fb.target(schema, 2));
  fb.vector(fb.target(schema, 3), 8); // features
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

function checkRecordBatch(fb: FlatBuffer, batch: number): void {
  fb.vector(fb.target(batch, 1), 16); // field nodes
  fb.vector(fb.target(batch, 2), 16); // buffers
  fb.vector(fb.target(batch, 4), 8); // variadic buffer counts
}
