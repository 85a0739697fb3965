import type { ByteSource } from '../io/byte-source';
import { nextTask } from '../pipeline/next-task';

/**
 * A ByteSource that yields to the event loop (`nextTask`) before each range or chunk it reads.
 * Reading and decoding a file otherwise runs from one resolved promise to the next — bytes
 * already in memory, or a Blob read faster than it is decoded — so a 'cancel' message waited
 * behind the whole file; now it is read before the next piece (an Arrow file's next IPC message,
 * a stream's next chunk), and the read's AbortSignal stops it there. One round trip (tens of
 * microseconds) per piece.
 * @example openStreamHeads([yieldingSource(blobSource(file, file.name))], { signal })
 */
export function yieldingSource(input: ByteSource): ByteSource {
  return {
    name: input.name,
    size: input.size,
    slice: async (start, end) => (await nextTask(), input.slice(start, end)),
    async *chunks() {
      for await (const chunk of input.chunks()) {
        await nextTask();
        yield chunk;
      }
    },
  };
}
