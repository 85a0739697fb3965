/** One column of a batch of CSV records: the fields' unquoted UTF-8 bytes back to back, as an Arrow Utf8 column holds them. */
export interface CsvColumnChunk {
  /** The bytes of every field, back to back (quotes removed, doubled quotes made single). */
  readonly bytes: Uint8Array;
  /** Field i is `bytes[offsets[i], offsets[i + 1])`; rows + 1 entries. */
  readonly offsets: Int32Array;
  /** 1 where the field holds a value (possibly "" written as `""`), 0 where it is empty (null). */
  readonly valid: Uint8Array;
}

/**
 * Collects one column's fields while a batch of records is parsed: bytes are appended in runs,
 * a field is committed when its delimiter is reached, and a record found malformed is rolled
 * back to the last committed row. Its buffers grow by doubling.
 *
 * @example
 * const column = new CsvColumnBuilder(4); column.append(bytes, 0, 3); column.commit(true); column.take().offsets // → [0, 3]
 */
export class CsvColumnBuilder {
  private bytes: Uint8Array;
  private offsets: Int32Array;
  private valid: Uint8Array;
  private length = 0;
  /** Rows committed. */
  rows = 0;

  constructor(rowCapacity: number) {
    this.bytes = new Uint8Array(1 << 12);
    this.offsets = new Int32Array(rowCapacity + 1);
    this.valid = new Uint8Array(rowCapacity);
  }

  /** Appends `chunk[start, end)` to the field being read. */
  append(chunk: Uint8Array, start: number, end: number): void {
    const need = this.length + end - start;
    if (need > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const bytes = this.bytes;
    if (end - start > 64) bytes.set(chunk.subarray(start, end), this.length);
    else for (let i = start, at = this.length; i < end; i++, at++) bytes[at] = chunk[i]; // short fields: no view objects
    this.length = need;
  }

  /** Ends the field being read as the next row; `present` is false for an empty unquoted field (null). */
  commit(present: boolean): void {
    if (this.rows === this.valid.length) {
      const valid = new Uint8Array(this.valid.length * 2 + 1);
      valid.set(this.valid);
      this.valid = valid;
      const offsets = new Int32Array(valid.length + 1);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.valid[this.rows] = present ? 1 : 0;
    this.rows++;
    this.offsets[this.rows] = this.length;
  }

  /** Forgets everything after row `rows` (a record that turned out malformed). */
  rollback(rows: number): void {
    this.rows = rows;
    this.length = this.offsets[rows];
  }

  /** The bytes of committed row `row`. */
  field(row: number): Uint8Array {
    return this.bytes.subarray(this.offsets[row], this.offsets[row + 1]);
  }

  /** Whether committed row `row` holds a value (not an empty unquoted field). */
  present(row: number): boolean {
    return this.valid[row] === 1;
  }

  /** The committed rows as a chunk (copied to their exact sizes), and a fresh start. */
  take(): CsvColumnChunk {
    const chunk = {
      bytes: this.bytes.slice(0, this.length),
      offsets: this.offsets.slice(0, this.rows + 1),
      valid: this.valid.slice(0, this.rows),
    };
    this.rows = 0;
    this.length = 0;
    return chunk;
  }
}
