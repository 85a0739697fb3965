import type { ByteSource } from './byte-source';

/**
 * `input` with the last `ranges` ranges it was asked for remembered, up to `budget` bytes in all
 * (least recently used forgotten first; a range larger than the budget is never kept), so a range
 * asked for again soon is not read again. A streamed load asks for the same ranges more than once — the first record
 * batch for the column heads and again for the decode pass, and the batches holding the rows the
 * report quotes in a last pass — and on a file of one large batch (Chicago: one 69 MB record
 * batch) each read costs as much as the rest of the load: fresh memory is faulted in page by page.
 * The bytes given out are shared between the reads, so callers must not write into them (the
 * Arrow reader and the hash only read). `chunks()` is passed through unchanged. A file of many
 * small batches keeps only its last few (memory: the 20 M-row file's 1.6 MB batches would
 * otherwise fill the budget for nothing).
 * @example const source = rememberSlices(await fileByteSource('chicago.arrow'), 128 << 20)
 */
export function rememberSlices(input: ByteSource, budget: number, ranges = 16): ByteSource {
  const kept = new Map<string, Promise<Uint8Array>>();
  const sizes = new Map<string, number>();
  let total = 0;
  const forget = (key: string): void => {
    total -= sizes.get(key) ?? 0;
    kept.delete(key);
    sizes.delete(key);
  };
  return {
    name: input.name,
    size: input.size,
    chunks: () => input.chunks(),
    slice(start, end) {
      const key = `${start}:${end}`;
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key); // re-inserted last: the Map's order is the order of use
        kept.set(key, hit);
        return hit;
      }
      const length = Math.max(0, Math.min(end, input.size) - Math.max(0, start));
      const read = input.slice(start, end);
      if (length > budget) return read;
      kept.set(key, read);
      sizes.set(key, length);
      total += length;
      read.catch(() => forget(key)); // a failed read is tried again next time
      for (const oldest of kept.keys()) {
        if (total <= budget && kept.size <= ranges) break;
        forget(oldest);
      }
      return read;
    },
  };
}
