import { checkCompressedPrefix, checkMessage, corrupt, type Columns, type IpcProblem, type WalkedMessage } from './check-ipc-metadata';
import { FlatBuffer } from './flat-buffer';

const DICTIONARY_BATCH = 2;
const RECORD_BATCH = 3;

/** A compressed buffer whose 8-byte uncompressed-length prefix starts at byte `at` of the stream. */
interface PendingPrefix {
  readonly at: number;
  readonly length: number;
  readonly codec: number;
  readonly what: string;
  readonly bytes: Uint8Array;
  got: number;
}

/**
 * `checkIpcMetadata`'s checks of each message, made as an IPC stream's bytes pass by in pieces
 * (a streamed read never holds the whole file): every message's metadata is checked as soon as
 * it is complete — before apache-arrow, which trusts the vector lengths it finds there, can read
 * it — and each compressed buffer's uncompressed-length prefix as soon as its 8 bytes pass. A
 * message that claims more bytes than the stream has left is not judged here: the reader then
 * runs out of bytes and reports the truncation. Checking stops at the end-of-stream marker.
 * @example const watch = new IpcMessageWatch(size); for (const piece of pieces) { const problem = watch.push(piece); if (problem) throw … }
 */
export class IpcMessageWatch {
  private seen = 0;
  private phase: 'prefix' | 'metadata' | 'body' | 'end' = 'prefix';
  /** The prefix or metadata being gathered: `want` bytes, `got` of them so far. */
  private buffer = new Uint8Array(4);
  private want = 4;
  private got = 0;
  private continued = false;
  private bodyEnd = 0;
  private pending: PendingPrefix[] = [];
  private problem: IpcProblem | null = null;
  private readonly schema: { columns: Columns | null } = { columns: null };
  private readonly counts = { [RECORD_BATCH]: 0, [DICTIONARY_BATCH]: 0 };
  private messageStart = 0;
  /** The record and dictionary batches seen whole so far, where they start in the file (for `compareBlocks`). */
  readonly batches: WalkedMessage[] = [];
  /** True once a message with a compressed (LZ4, ZSTD) buffer has passed: the reader decodes those into new buffers. */
  compressed = false;

  /**
   * @param size the stream's length in bytes, when known (Infinity otherwise)
   * @param offset what to add to a position in the stream to name it in the file (an IPC file's
   * stream part starts at byte 8; a reader fed a schema message first has it before that)
   */
  constructor(
    private readonly size: number = Infinity,
    private readonly offset = 0,
  ) {}

  /** Takes the next bytes of the stream; returns the first problem found so far, or null. */
  push(bytes: Uint8Array): IpcProblem | null {
    if (this.problem || this.phase === 'end') return this.problem;
    try {
      this.take(bytes);
    } catch (error) {
      this.problem = corrupt(error instanceof RangeError ? error.message : String(error));
    }
    return this.problem;
  }

  private take(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length && this.phase !== 'end') {
      if (this.phase === 'body') {
        const n = Math.min(bytes.length - i, this.bodyEnd - this.seen);
        if (this.pending.length > 0) this.fillPrefixes(bytes, i, n);
        i += n;
        this.seen += n;
        if (this.seen === this.bodyEnd) this.nextMessage();
        continue;
      }
      const n = Math.min(bytes.length - i, this.want - this.got);
      let piece: Uint8Array;
      if (this.got === 0 && n === this.want) piece = bytes.subarray(i, i + n);
      else {
        this.buffer.set(bytes.subarray(i, i + n), this.got);
        this.got += n;
        piece = this.buffer;
      }
      i += n;
      this.seen += n;
      if (piece === this.buffer && this.got < this.want) continue;
      if (this.phase === 'prefix') this.prefixRead(new DataView(piece.buffer, piece.byteOffset, 4).getInt32(0, true));
      else this.metadataRead(piece.subarray(0, this.want));
    }
  }

  /** A message ends here: the next one's length prefix follows. */
  private nextMessage(): void {
    this.messageStart = this.seen;
    this.expect('prefix', 4);
  }

  /** Gathers `want` bytes next for `phase`. */
  private expect(phase: 'prefix' | 'metadata', want: number): void {
    this.phase = phase;
    this.want = want;
    this.got = 0;
    if (this.buffer.length < want) this.buffer = new Uint8Array(want);
  }

  /** A length prefix: the continuation marker (0xFFFFFFFF, then the length), the end-of-stream marker (0), or the metadata's length. */
  private prefixRead(value: number): void {
    if (value === -1 && !this.continued) {
      this.continued = true;
      this.expect('prefix', 4);
      return;
    }
    this.continued = false;
    if (value === 0) this.phase = 'end';
    else if (value < 0) throw new RangeError(`a message claims ${value} metadata bytes`);
    else if (value > this.size - this.seen)
      this.phase = 'end'; // cut short: the reader reports it
    else this.expect('metadata', value);
  }

  private metadataRead(metadata: Uint8Array): void {
    const fb = new FlatBuffer(metadata, 0, metadata.length, this.seen - metadata.length + this.offset);
    const type = fb.u8Field(fb.root(), 1);
    const ordinal = type === RECORD_BATCH || type === DICTIONARY_BATCH ? ++this.counts[type] : 0;
    const bodyStart = this.seen;
    const { body, rows } = checkMessage(fb, Number.MAX_SAFE_INTEGER, ordinal, this.schema, (offset, length, codec, what) => {
      // Too short to hold the prefix: checkCompressedPrefix says so without reading the view.
      if (length < 8) checkCompressedPrefix(new DataView(new ArrayBuffer(8)), 0, length, codec, what);
      this.compressed = true;
      this.pending.push({ at: bodyStart + offset, length, codec, what, bytes: new Uint8Array(8), got: 0 });
    });
    if (body > this.size - bodyStart) {
      this.phase = 'end'; // cut short: the reader reports it
      return;
    }
    this.bodyEnd = bodyStart + body;
    if (type === RECORD_BATCH || type === DICTIONARY_BATCH) {
      this.batches.push({ start: this.messageStart + this.offset, type, metadataLength: bodyStart - this.messageStart, bodyLength: body, rows });
    }
    if (body === 0) this.nextMessage();
    else this.phase = 'body';
  }

  /** Copies what `bytes[i, i + n)` (stream bytes from `seen` on) holds of pending prefixes, and checks each one completed. */
  private fillPrefixes(bytes: Uint8Array, i: number, n: number): void {
    const from = this.seen;
    const to = from + n;
    for (const prefix of this.pending) {
      const start = Math.max(prefix.at + prefix.got, from);
      const stop = Math.min(prefix.at + 8, to);
      if (stop <= start) continue;
      prefix.bytes.set(bytes.subarray(i + start - from, i + stop - from), start - prefix.at);
      prefix.got = stop - prefix.at;
      if (prefix.got === 8) checkCompressedPrefix(new DataView(prefix.bytes.buffer), 0, prefix.length, prefix.codec, prefix.what);
    }
    this.pending = this.pending.filter((prefix) => prefix.got < 8);
  }
}
