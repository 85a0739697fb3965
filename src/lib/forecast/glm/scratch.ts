/**
 * Float64 work arrays lent to Newton fits and taken back, so that the next fit (the refit on
 * all training periods, the next fold) writes into memory already mapped instead of fresh
 * pages: on this project's machines a fresh 20 MB array costs ~0.2 s of page faults before
 * the first value is written, more than the Newton iterations that read it (BENCHMARKS.md,
 * 2026-12-05 `cli-threads`). A borrowed array holds whatever the last borrower left: callers
 * write every value they read. Fits that run at once each get their own arrays.
 */
const free: Float64Array[] = [];

/** Most bytes kept between fits (beyond, returned arrays are left to the garbage collector). */
const KEPT_BYTES = 64 * 2 ** 20;

/**
 * A float64 array of `n` values whose contents are unspecified (a view on a kept buffer, or a new one).
 * @example const x = borrowFloat64(1000); try { x.fill(0); … } finally { returnFloat64(x); }
 */
export function borrowFloat64(n: number): Float64Array {
  let best = -1;
  for (let i = 0; i < free.length; i++) if (free[i].length >= n && (best < 0 || free[i].length < free[best].length)) best = i;
  // A new buffer has 1/8 more room than asked (untouched pages cost nothing): the next fold's design is a period longer.
  if (best < 0) return new Float64Array(Math.ceil(n * 1.125)).subarray(0, n);
  const [buffer] = free.splice(best, 1);
  return buffer.subarray(0, n);
}

/** Gives back arrays from `borrowFloat64` (each at most once); the biggest are kept up to `KEPT_BYTES`. */
export function returnFloat64(...arrays: Float64Array[]): void {
  for (const array of arrays) free.push(new Float64Array(array.buffer));
  free.sort((a, b) => b.length - a.length);
  let bytes = 0;
  for (let i = 0; i < free.length; i++) {
    bytes += free[i].byteLength;
    if (bytes > KEPT_BYTES) {
      free.length = i;
      break;
    }
  }
}
