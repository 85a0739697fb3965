import { random } from '../../base/random';

/** Start sequences kept for reuse, newest last (a report summarises every metric with the same seed and fold count). */
const kept = new Map<string, Int32Array>();
const KEEP = 4;

/**
 * The block starts of a circular block bootstrap (`foldInterval`): for each of `resamples`
 * resamples, ⌈n/block⌉ starts drawn by `random(seed).int(n)`, in the order `foldInterval` draws
 * them (`starts[r · ⌈n/block⌉ + j]` is resample r's block j). They depend on the seed, n, the
 * block length and the number of resamples only, not on the values resampled, so the last
 * few sequences are kept and shared by every call with the same four (the returned array is
 * shared: read it, never write it).
 * @example blockStarts(1, 3, 3, 2) // → two starts in 0 … 2, the first two of random(1).int(3)
 */
export function blockStarts(seed: number, n: number, block: number, resamples: number): Int32Array {
  const key = `${seed} ${n} ${block} ${resamples}`;
  const found = kept.get(key);
  if (found) return found;
  const perResample = Math.ceil(n / block);
  const rng = random(seed);
  const starts = new Int32Array(resamples * perResample);
  for (let i = 0; i < starts.length; i++) starts[i] = rng.int(n);
  if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
  kept.set(key, starts);
  return starts;
}
