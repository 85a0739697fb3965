import { xxh32 } from './xxh32';

const MAGIC = 0x184d2204;
const SKIPPABLE = 0x184d2a50; // …0x184D2A5F: skippable frames (upper 28 bits match)
const BLOCK_MAX: Partial<Record<number, number>> = { 4: 1 << 16, 5: 1 << 18, 6: 1 << 20, 7: 1 << 22 };
const MIN_MATCH = 4;
/** Most output bytes one input byte can yield (a match-length byte of 255 adds 255 bytes). */
const MAX_RATIO = 256;

/**
 * Decodes LZ4 frames (the LZ4_FRAME buffer compression of Arrow IPC, pyarrow's Feather
 * default) into the bytes they hold. Concatenated frames decode one after the other; skippable
 * frames are skipped.
 *
 * Frame: magic 0x184D2204, FLG (version 01, block independence, block checksum, content size,
 * content checksum, dictionary id), BD (maximum block size 64 KB…4 MB), optional 8-byte
 * content size, header checksum (second byte of xxh32 of the descriptor); then blocks — a
 * 4-byte size whose top bit marks a stored (uncompressed) block, the data, an optional xxh32
 * — up to a zero-size end mark and an optional xxh32 of the content. A block is a run of
 * sequences: a token (literal length : match length − 4, 15 = continued in bytes of 255), the
 * literals, a 2-byte offset back into the output (1…65,535) and the match, copied byte by byte
 * so it may overlap itself; the last sequence has literals only.
 * Reference: Y. Collet, "LZ4 Frame Format Description" v1.6.4 and "LZ4 Block Format
 * Description", https://github.com/lz4/lz4/tree/dev/doc
 *
 * Every read and every match is bounds-checked and every checksum verified: a damaged frame
 * throws an Error saying what is wrong and at which byte, never returns wrong bytes. Frames
 * with a preset dictionary are refused (Arrow never writes them).
 *
 * @example decodeLz4Frame(lz4CliOutput) // → the original bytes
 */
export function decodeLz4Frame(input: Uint8Array): Uint8Array {
  const out = new Output(input.length);
  let at = 0;
  while (at < input.length) {
    const magic = u32(input, at, 'the frame magic number');
    if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE) {
      at += 8 + u32(input, at + 4, 'a skippable frame size');
      if (at > input.length) throw new Error(`LZ4: a skippable frame runs past the end of the data (${input.length} bytes)`);
      continue;
    }
    if (magic !== MAGIC) throw new Error(`LZ4: expected the frame magic number 0x184D2204 at byte ${at}, found 0x${magic.toString(16).toUpperCase()}`);
    at = decodeFrame(input, at + 4, out);
  }
  return out.result();
}

/** Decodes one frame whose descriptor starts at `at`; returns the index after it. */
function decodeFrame(input: Uint8Array, at: number, out: Output): number {
  const descriptor = at;
  const flg = byte(input, at++, 'the frame descriptor');
  const bd = byte(input, at++, 'the frame descriptor');
  if (flg >> 6 !== 1) throw new Error(`LZ4: frame version ${flg >> 6} at byte ${descriptor}: expected version 1`);
  if (flg & 0x02 || bd & 0x8f) throw new Error(`LZ4: reserved bits set in the frame descriptor at byte ${descriptor}`);
  if (flg & 0x01) throw new Error('LZ4: the frame needs a preset dictionary, which Arrow files never use');
  const blockChecksum = (flg & 0x10) !== 0;
  const contentChecksum = (flg & 0x04) !== 0;
  const blockMax = BLOCK_MAX[(bd >> 4) & 0x07];
  if (blockMax === undefined) throw new Error(`LZ4: block maximum size code ${(bd >> 4) & 0x07} at byte ${descriptor + 1}: expected 4 to 7`);
  let contentSize = -1;
  if (flg & 0x08) {
    const low = u32(input, at, 'the content size');
    const high = u32(input, at + 4, 'the content size');
    if (high >= 1 << 21) throw new Error(`LZ4: the content size at byte ${at} is beyond 2⁵³ bytes`);
    contentSize = high * 2 ** 32 + low;
    // Reserved before any block is read: bounded by what the input can decode to (≤ 255 bytes a byte).
    if (contentSize > MAX_RATIO * input.length)
      throw new Error(`LZ4: the content size at byte ${at} (${contentSize} bytes) is more than ${input.length} input bytes can hold`);
    out.reserve(contentSize);
    at += 8;
  }
  const headerChecksum = byte(input, at, 'the header checksum');
  if (((xxh32(input, descriptor, at) >>> 8) & 0xff) !== headerChecksum) throw new Error(`LZ4: the frame header checksum at byte ${at} does not match`);
  at++;
  const start = out.length;
  for (;;) {
    const word = u32(input, at, 'a block size');
    at += 4;
    if (word === 0) break;
    const stored = (word & 0x80000000) !== 0;
    const size = word & 0x7fffffff;
    if (size > blockMax) throw new Error(`LZ4: a block at byte ${at - 4} claims ${size} bytes, over the frame's ${blockMax}-byte maximum`);
    if (at + size > input.length) throw new Error(`LZ4: a block at byte ${at - 4} runs past the end of the data (${input.length} bytes)`);
    if (blockChecksum) {
      if (xxh32(input, at, at + size) !== u32(input, at + size, 'a block checksum'))
        throw new Error(`LZ4: the checksum of the block at byte ${at - 4} does not match`);
    }
    if (stored) out.append(input, at, at + size);
    else decodeBlock(input, at, at + size, out, start, blockMax);
    at += size + (blockChecksum ? 4 : 0);
  }
  if (contentSize >= 0 && out.length - start !== contentSize) {
    throw new Error(`LZ4: the frame decoded to ${out.length - start} bytes but its header says ${contentSize}`);
  }
  if (contentChecksum) {
    if (out.checksum(start) !== u32(input, at, 'the content checksum')) throw new Error(`LZ4: the content checksum at byte ${at} does not match`);
    at += 4;
  }
  return at;
}

/**
 * Decodes the sequences of one compressed block `input[at, end)` into `out` (at most
 * `blockMax` bytes); matches reach back no further than `floor` (the frame's start).
 */
function decodeBlock(input: Uint8Array, at: number, end: number, out: Output, floor: number, blockMax: number): void {
  out.reserve(blockMax);
  const bytes = out.bytes;
  const limit = out.length + blockMax;
  let to = out.length;
  try {
    for (;;) {
      if (at >= end) throw new Error(`LZ4: a compressed block ends at byte ${end} before its last literals`);
      const token = input[at++];
      let literals = token >> 4;
      if (literals === 15) [literals, at] = extendLength(input, at, end, literals, 'literal');
      if (at + literals > end) throw new Error(`LZ4: ${literals} literals at byte ${at} run past the end of their block (byte ${end})`);
      if (to + literals > limit) throw new Error(`LZ4: a block decodes to more than its ${blockMax}-byte maximum`);
      if (literals > 16) bytes.set(input.subarray(at, at + literals), to);
      else for (let i = 0; i < literals; i++) bytes[to + i] = input[at + i];
      to += literals;
      at += literals;
      if (at === end) return;
      if (at + 2 > end) throw new Error(`LZ4: a match offset at byte ${at} runs past the end of its block`);
      const offset = input[at] | (input[at + 1] << 8);
      at += 2;
      if (offset === 0 || offset > to - floor) throw new Error(`LZ4: a match at byte ${at - 2} reaches ${offset} bytes back, before the start of the data`);
      let length = token & 0x0f;
      if (length === 15) [length, at] = extendLength(input, at, end, length, 'match');
      length += MIN_MATCH;
      if (to + length > limit) throw new Error(`LZ4: a block decodes to more than its ${blockMax}-byte maximum`);
      let from = to - offset;
      if (offset >= length && length > 32) {
        bytes.copyWithin(to, from, from + length); // no overlap: one native copy
        to += length;
      } else {
        for (const stop = to + length; to < stop;) bytes[to++] = bytes[from++];
      }
    }
  } finally {
    out.length = to;
  }
}

/**
 * Adds the continuation bytes of a length whose token nibble is 15 (each byte is added; 255
 * means another follows), reading `input[at, end)`; returns the length and the next index.
 */
function extendLength(input: Uint8Array, at: number, end: number, length: number, what: 'literal' | 'match'): [number, number] {
  let more: number;
  do {
    if (at >= end) throw new Error(`LZ4: a ${what} length runs past the end of its block (byte ${end})`);
    more = input[at++];
    length += more;
  } while (more === 255);
  return [length, at];
}

/** A growing output buffer: `bytes[0, length)` hold the output so far. */
class Output {
  bytes: Uint8Array;
  length = 0;

  constructor(inputLength: number) {
    this.bytes = new Uint8Array(Math.max(1 << 16, inputLength * 4));
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  append(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  checksum(start: number): number {
    return xxh32(this.bytes, start, this.length);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

function byte(input: Uint8Array, at: number, what: string): number {
  if (at >= input.length) throw new Error(`LZ4: the data ends (${input.length} bytes) inside ${what}`);
  return input[at];
}

function u32(input: Uint8Array, at: number, what: string): number {
  if (at + 4 > input.length) throw new Error(`LZ4: the data ends (${input.length} bytes) inside ${what}`);
  return (input[at] | (input[at + 1] << 8) | (input[at + 2] << 16) | (input[at + 3] << 24)) >>> 0;
}
