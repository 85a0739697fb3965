/**
 * A region of bytes holding one FlatBuffer (one IPC message's metadata, or a file footer), with
 * bounds-checked readers: every read outside the region throws a RangeError saying where.
 * Layout reference: the FlatBuffers binary format (flatbuffers.dev/internals): a root offset,
 * tables that point back to their vtable (field offsets, 0 = absent), vectors prefixed by
 * their uint32 length.
 *
 * @example new FlatBuffer(bytes, start, length).root() // → position of the root table
 */
const DECODER = new TextDecoder();

export class FlatBuffer {
  private readonly view: DataView;

  /**
   * @param bytes holds the FlatBuffer at `start`, `size` bytes long
   * @param origin where it starts in the file, for messages (default `start`: `bytes` is the whole file)
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    readonly size: number,
    private readonly origin: number = start,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset + start, size);
  }

  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }

  /**
   * The int64 at `at` as a bigint (metadata lengths and offsets are int64; apache-arrow converts
   * them to numbers and throws a bare TypeError beyond 2^53, so they are checked here first).
   */
  i64(at: number): bigint {
    this.need(at, 8);
    return this.view.getBigInt64(at, true);
  }

  /** The int64 field `index` of the table at `table` (0 if absent). */
  i64Field(table: number, index: number): bigint {
    const at = this.field(table, index);
    return at === 0 ? 0n : this.i64(at);
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

  /** The UTF-8 string at `at` (a length-prefixed vector of bytes; '' if absent). */
  text(at: number): string {
    const length = this.vector(at, 1);
    return length === 0 ? '' : DECODER.decode(this.bytes.subarray(this.start + at + 4, this.start + at + 4 + length));
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
      throw new RangeError(`a metadata offset (${this.origin + at}) points outside its ${this.size}-byte message`);
    }
  }
}
