const MAGIC = 0xfd2fb528;
const SKIPPABLE = 0x184d2a50; // …0x184D2A5F: skippable frames (upper 28 bits match)
const BLOCK_MAX = 1 << 17; // Block_Maximum_Size: 128 KiB
/** A window fzstd may allocate for a frame without a content size: zstd's levels 1–19 use ≤ 8 MiB. */
const WINDOW_ALLOWED = 1 << 23;

/**
 * Walks the frames of ZSTD data without decoding them, throws an Error ("ZSTD: …") when a frame
 * header would make the decoder allocate more than the frame can decode to, and returns the data
 * to decode. fzstd allocates a frame's declared content size (or, without one, its window size)
 * before reading a block, so one damaged header byte could ask for gigabytes. Here the most a
 * frame can yield is bounded from its block headers (a raw or RLE block yields its stated size, a
 * compressed block at most 128 KiB) and by `expected` (the buffer's declared uncompressed length,
 * or −1); a content size must stay within that bound, and a window without one may be up to 8 MiB
 * (zstd's levels 1–19) or the bound. A window larger than the bound is shrunk to it in a copy of
 * the data: no back-reference can reach past the content, so decoding is unchanged, and the
 * `zstd` command's 2 MiB windows no longer cost 2 MiB per Arrow buffer.
 * Reference: RFC 8878, "Zstandard Compression and the application/zstd Media Type", §3.1.
 *
 * @example checkZstdFrames(zstdCliOutput, -1) // → the data (a copy when a window was shrunk), or throws
 */
export function checkZstdFrames(input: Uint8Array, expected: number): Uint8Array {
  let data = input;
  let at = 0;
  while (at < data.length) {
    const magic = u32(data, at, 'a frame magic number');
    if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE) {
      at += 8 + u32(data, at + 4, 'a skippable frame size');
      continue;
    }
    if (magic !== MAGIC) throw new Error(`ZSTD: expected the frame magic number 0xFD2FB528 at byte ${at}, found 0x${magic.toString(16).toUpperCase()}`);
    const frame = checkFrame(data, at + 4, expected);
    if (frame.window >= 0) {
      if (data === input) data = input.slice();
      data[frame.window] = frame.descriptor;
    }
    at = frame.end;
  }
  return data;
}

/** The smallest window descriptor byte (exponent << 3 | mantissa) whose window holds `bytes`. */
function windowDescriptor(bytes: number): number {
  for (let exponent = 0; exponent < 32; exponent++) {
    const base = 2 ** (10 + exponent);
    for (let mantissa = 0; mantissa < 8; mantissa++) if (base + (base / 8) * mantissa >= bytes) return (exponent << 3) | mantissa;
  }
  return 0xff;
}

/**
 * Checks the frame whose header starts at `at`; returns the index after it, and the position and
 * new value of its window descriptor when the window should shrink (position −1 otherwise).
 */
function checkFrame(data: Uint8Array, at: number, expected: number): { end: number; window: number; descriptor: number } {
  const header = at;
  const descriptor = byte(data, at++);
  const fcsFlag = descriptor >> 6;
  const single = (descriptor >> 5) & 1;
  const checksum = (descriptor >> 2) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
  if (descriptor & 0x08) throw new Error(`ZSTD: a reserved bit is set in the frame header at byte ${header}`);
  let window = 0;
  const windowAt = at;
  if (!single) {
    const descriptorByte = byte(data, at++);
    const base = 2 ** (10 + (descriptorByte >> 3));
    window = base + (base / 8) * (descriptorByte & 7);
  }
  at += dictionaryBytes;
  const fcsBytes = fcsFlag === 0 ? single : 1 << fcsFlag;
  let content = -1;
  if (fcsBytes > 0) {
    if (at + fcsBytes > data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside a frame header`);
    content = 0;
    for (let i = fcsBytes - 1; i >= 0; i--) content = content * 256 + data[at + i];
    if (fcsBytes === 2) content += 256;
    at += fcsBytes;
  }
  if (single) window = content;
  let most = 0;
  for (let last = 0; !last;) {
    if (at + 3 > data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside a block header`);
    const block = at;
    const word = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16);
    last = word & 1;
    const type = (word >> 1) & 3;
    const size = word >>> 3;
    at += 3;
    if (type === 3) throw new Error(`ZSTD: a block at byte ${block} has the reserved block type`);
    if (size > BLOCK_MAX) throw new Error(`ZSTD: a block at byte ${block} claims ${size} bytes, over the 128 KiB maximum`);
    most += type === 2 ? BLOCK_MAX : size;
    at += type === 1 ? 1 : size;
    if (at > data.length) throw new Error(`ZSTD: a block at byte ${block} runs past the end of the data (${data.length} bytes)`);
  }
  if (expected >= 0) most = Math.min(most, expected);
  if (content > most) throw new Error(`ZSTD: the frame at byte ${header - 4} declares ${content} bytes but its blocks hold at most ${most}`);
  if (content < 0 && window > Math.max(WINDOW_ALLOWED, most)) {
    throw new Error(`ZSTD: the frame at byte ${header - 4} asks for a ${window}-byte window for at most ${most} bytes of content`);
  }
  const end = at + 4 * checksum;
  const smaller = windowDescriptor(most);
  return content < 0 && window > 1024 && smaller < data[windowAt] ? { end, window: windowAt, descriptor: smaller } : { end, window: -1, descriptor: 0 };
}

function byte(data: Uint8Array, at: number): number {
  if (at >= data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside a frame header`);
  return data[at];
}

function u32(data: Uint8Array, at: number, what: string): number {
  if (at + 4 > data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside ${what}`);
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;
}
