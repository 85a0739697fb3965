/**
 * A file's bytes as a shell can hand them over without reading them whole: its size, any range
 * of it (a disk file's `read`, a browser File's `slice`) and its bytes in order as chunks of
 * any size (a read stream, `File.stream()`). `readArrowStream` reads Arrow through it, so a file
 * larger than memory, or than the 2 GiB a single `readFile` allows, is read batch by batch.
 */
export interface ByteSource {
  /** The file's name, for messages and the report. */
  readonly name: string;
  /** Its size in bytes. */
  readonly size: number;
  /** Bytes [start, end) (clamped to the file). */
  slice(start: number, end: number): Promise<Uint8Array>;
  /** All bytes in order, from the first, as chunks of any size. */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * A ByteSource over bytes already in memory (tests, and shells that were handed a buffer), in
 * chunks of `chunkSize` bytes.
 * @example bytesSource('a.arrow', bytes, 4096).size // → bytes.length
 */
export function bytesSource(name: string, bytes: Uint8Array, chunkSize = 1 << 20): ByteSource {
  return {
    name,
    size: bytes.length,
    slice: async (start, end) => bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)),
    async *chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    },
  };
}

/**
 * A Blob (a browser File, in the page or posted to a worker) as a ByteSource: ranges by
 * `slice`, chunks from `stream()` read with a reader (Safari's ReadableStream is not async
 * iterable), so a file larger than a tab's memory for one ArrayBuffer is still read batch by batch.
 * @example blobSource(file, file.name).size // → file.size
 */
export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    async *chunks() {
      const reader = blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value) yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
