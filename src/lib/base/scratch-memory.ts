/**
 * Row-sized scratch memory handed from one pass of a load and bin to the next. A fresh typed
 * array is cheap to allocate but each of its pages faults in on first write, and on a VM that
 * costs more than the pass itself (a 5 MB Int32Array: 3–50 ms to fill fresh, 0.2 ms again); so a
 * pass done with a row-sized array gives its buffer back (`giveScratch`) and a later pass takes
 * it (`takeInt32`) instead of a fresh one: the duplicate finder's three arrays become the
 * binning's, whose two become the panel file's. Buffers are SharedArrayBuffers where the context
 * has them, so a taken array may also be written by another thread (the CLI's binning thread);
 * at most `MAX_BUFFERS` are kept, `MAX_BYTES` in all, and `dropScratch` lets them all go.
 */

/** Buffers kept at most (a load's duplicate finder gives back three). */
export const MAX_BUFFERS = 4;
/** Bytes kept at most, over all buffers (20 M rows' Int32 arrays are 80 MB each: not kept). */
export const MAX_BYTES = 96 << 20;

const free: ArrayBufferLike[] = [];
/** SharedArrayBuffer where the context has it (Node, a cross-origin isolated page), else ArrayBuffer. */
const Shared: new (bytes: number) => ArrayBufferLike = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

/**
 * A zeroed Int32Array of `n` entries on a SharedArrayBuffer (where there is one): a view of the smallest buffer given
 * back that holds it (taken out of the pool until given back again), else a fresh buffer.
 * @example const order = takeInt32(rows); … giveScratch(order);
 */
export function takeInt32(n: number): Int32Array {
  const bytes = n * 4;
  let best = -1;
  for (let i = 0; i < free.length; i++) if (free[i].byteLength >= bytes && (best < 0 || free[i].byteLength < free[best].byteLength)) best = i;
  if (best < 0) return new Int32Array(new Shared(bytes));
  const [buffer] = free.splice(best, 1);
  return new Int32Array(buffer, 0, n).fill(0);
}

/**
 * Gives arrays' buffers back for a later `takeInt32`; the caller must hold no other view of them.
 * Buffers not made by `takeInt32`'s kind (shared where there is sharing), or beyond the pool's bounds, are left to the garbage collector.
 * @example giveScratch(hashes, order)
 */
export function giveScratch(...arrays: readonly ArrayBufferView[]): void {
  for (const { buffer } of arrays) {
    if (!(buffer instanceof Shared) || free.includes(buffer)) continue;
    const held = free.reduce((sum, b) => sum + b.byteLength, 0);
    if (free.length >= MAX_BUFFERS || held + buffer.byteLength > MAX_BYTES) continue;
    free.push(buffer);
  }
}

/**
 * Lets every buffer given back go (at the end of a binning, so nothing outlives it).
 * @example dropScratch()
 */
export function dropScratch(): void {
  free.length = 0;
}
