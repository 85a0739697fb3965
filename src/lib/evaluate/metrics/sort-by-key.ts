/**
 * A stable sort of `order` (indexes into `keys`) by `keys[order[k]]`: ascending, or descending
 * when `descending`; equal keys keep their order in `order`, −0 equals +0, and NaN keys come last
 * in either direction (all NaN equal). It returns a new array and leaves `order` as it was.
 * Method: each key's IEEE-754 bits are mapped to an unsigned 64-bit integer in the same order
 * (sign bit flipped for positives, every bit for negatives; all bits inverted for descending;
 * NaN the largest), then a least-significant-digit radix sort on bytes, skipping the bytes
 * every key shares — linear in n, without a JavaScript comparator call per comparison (the
 * hotspot metrics rank every step of every fold of every model). Float32Array keys (forecasts,
 * counts) are sorted on their own 32 bits in three 11-bit digits: the same order. Knuth, *The Art of Computer
 * Programming* vol. 3, §5.2.5 (radix sorting).
 * @example sortByKey([5, 1, 5, NaN, 3], Int32Array.of(0, 1, 2, 3, 4), true) // → [0, 2, 4, 1, 3]
 */
export function sortByKey(keys: ArrayLike<number>, order: Int32Array, descending: boolean): Int32Array {
  if (keys instanceof Float32Array) return sortByFloat32Key(keys, order, descending);
  const m = order.length;
  const work = scratch(m);
  // words[2k] is the low, words[2k + 1] the high half of position k's sortable key.
  const words = work.words;
  const float = work.float64;
  for (let k = 0; k < m; k++) float[k] = keys[order[k]] + 0; // −0 + 0 is +0
  const flip = descending ? 0xffffffff : 0;
  const count = work.count.fill(0, 0, 8 * 256);
  for (let k = 0; k < m; k++) {
    let lo = words[2 * k];
    let hi = words[2 * k + 1];
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0) {
      lo = hi = 0xffffffff; // NaN: last either way
    } else if (hi & 0x80000000) {
      lo = ~lo ^ flip;
      hi = ~hi ^ flip;
    } else {
      lo ^= flip;
      hi = (hi | 0x80000000) ^ flip;
    }
    words[2 * k] = lo;
    words[2 * k + 1] = hi;
    count[lo & 255]++;
    count[256 + ((lo >>> 8) & 255)]++;
    count[512 + ((lo >>> 16) & 255)]++;
    count[768 + (lo >>> 24)]++;
    count[1024 + (hi & 255)]++;
    count[1280 + ((hi >>> 8) & 255)]++;
    count[1536 + ((hi >>> 16) & 255)]++;
    count[1792 + (hi >>> 24)]++;
  }
  let from = work.from;
  for (let k = 0; k < m; k++) from[k] = k;
  let to = work.to;
  for (let digit = 0; digit < 8; digit++) {
    const base = digit * 256;
    const word = digit >> 2;
    const shift = (digit & 3) * 8;
    let b = 0;
    while (b < 256 && count[base + b] === 0) b++;
    if (b === 256 || count[base + b] === m) continue; // every key has this byte: nothing to move
    let at = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[base + d];
      count[base + d] = at;
      at += c;
    }
    for (let k = 0; k < m; k++) {
      const p = from[k];
      to[count[base + ((words[2 * p + word] >>> shift) & 255)]++] = p;
    }
    [from, to] = [to, from];
  }
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = order[from[k]];
  return out;
}

/**
 * `sortByKey` for float32 keys (forecasts and counts are Float32Array): the same order, since
 * float32 → float64 is exact and keeps the order, from the keys' 32 bits mapped alike (sign
 * flipped for positives, every bit for negatives, all inverted for descending, NaN largest) and
 * sorted on three 11-bit digits instead of up to eight bytes.
 */
function sortByFloat32Key(keys: Float32Array, order: Int32Array, descending: boolean): Int32Array {
  const m = order.length;
  const work = scratch(m);
  const float = work.float32;
  const words = work.words;
  for (let k = 0; k < m; k++) float[k] = keys[order[k]] + 0; // −0 + 0 is +0
  const flip = descending ? 0xffffffff : 0;
  const count = work.count.fill(0, 0, 3 * 2048);
  for (let k = 0; k < m; k++) {
    let w = words[k];
    if ((w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0)
      w = 0xffffffff; // NaN: last either way
    else if (w & 0x80000000) w = ~w ^ flip;
    else w = (w | 0x80000000) ^ flip;
    words[k] = w;
    count[w & 2047]++;
    count[2048 + ((w >>> 11) & 2047)]++;
    count[4096 + (w >>> 22)]++;
  }
  let from = work.from;
  for (let k = 0; k < m; k++) from[k] = k;
  let to = work.to;
  for (let digit = 0; digit < 3; digit++) {
    const base = digit * 2048;
    const shift = digit * 11;
    let b = 0;
    while (b < 2048 && count[base + b] === 0) b++;
    if (b === 2048 || count[base + b] === m) continue; // every key has this digit: nothing to move
    let at = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[base + d];
      count[base + d] = at;
      at += c;
    }
    for (let k = 0; k < m; k++) {
      const p = from[k];
      to[count[base + ((words[p] >>> shift) & 2047)]++] = p;
    }
    [from, to] = [to, from];
  }
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = order[from[k]];
  return out;
}

/** Working arrays of a radix sort, kept between calls (`scratch`). */
interface Scratch {
  /** Room for 2 × capacity 32-bit words: the keys' bits (float64: two words a key). */
  readonly words: Uint32Array;
  readonly float64: Float64Array;
  readonly float32: Float32Array;
  /** Digit counts: room for 3 × 2048 (float32 keys; float64 keys use 8 × 256), cleared by each sort. */
  readonly count: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly capacity: number;
}

let kept: Scratch | undefined;

/**
 * The working arrays for a sort of `m` positions: those of the previous sort when they are large
 * enough, else new ones (room for at least twice the previous), kept for the next. Every sort
 * overwrites what it reads of them before reading it (the counts it clears), so no sort sees another's
 * values; reusing them spares ~100 KB of fresh memory a ranking (the scoring ranks every step of
 * every fold of every model, and fresh memory costs page faults and collections).
 */
function scratch(m: number): Scratch {
  if (kept && kept.capacity >= m) return kept;
  const capacity = Math.max(m, 2 * (kept?.capacity ?? 0), 1024);
  const buffer = new ArrayBuffer(8 * capacity);
  kept = {
    words: new Uint32Array(buffer),
    float64: new Float64Array(buffer),
    float32: new Float32Array(buffer, 0, capacity),
    count: new Int32Array(3 * 2048),
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    capacity,
  };
  return kept;
}
