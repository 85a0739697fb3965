const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

/**
 * The 32-bit xxHash of `bytes[start, end)` with `seed`, as an unsigned integer: the checksum
 * the LZ4 frame format puts on its header, blocks and content.
 *
 * Stripes of 16 bytes feed four lanes `v ← rotl(v + lane·P2, 13)·P1`, merged as
 * `rotl(v1,1) + rotl(v2,7) + rotl(v3,12) + rotl(v4,18)` (or `seed + P5` under 16 bytes); then
 * the length is added, remaining 4-byte words and bytes are mixed in, and an avalanche of
 * shifts and multiplies finishes. All arithmetic is modulo 2³².
 * Reference: Y. Collet, "xxHash fast digest algorithm", XXH32 specification, v0.1.1 (2019),
 * https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md
 *
 * @example xxh32(new TextEncoder().encode('abc')) // → 0x32d153ff
 */
export function xxh32(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  const word = (at: number): number => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  let at = start;
  let h: number;
  if (end - start >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const last = end - 16;
    for (; at <= last; at += 16) {
      v1 = round(v1, word(at));
      v2 = round(v2, word(at + 4));
      v3 = round(v3, word(at + 8));
      v4 = round(v4, word(at + 12));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + (end - start)) | 0;
  for (; at + 4 <= end; at += 4) h = Math.imul(rotl((h + Math.imul(word(at), P3)) | 0, 17), P4);
  for (; at < end; at++) h = Math.imul(rotl((h + Math.imul(bytes[at], P5)) | 0, 11), P1);
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}

function round(acc: number, lane: number): number {
  return Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
