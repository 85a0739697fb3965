const MAGIC = 0xfd2fb528;
const SKIPPABLE = 0x184d2a50; // …0x184D2A5F: skippable frames (upper 28 bits match)
const BLOCK_MAX = 1 << 17; // Block_Maximum_Size: 128 KiB
/** A window fzstd may allocate for a frame without a content size: zstd's levels 1–19 use ≤ 8 MiB. */
const WINDOW_ALLOWED = 1 << 23;

/**
 * Walks the frames of ZSTD data without decoding them and throws an Error ("ZSTD: …") when a
 * frame header would make the decoder allocate more than the frame can decode to. fzstd
 * allocates a frame's declared content size (or, without one, its window size) before reading a
 * block, so one damaged header byte could ask for gigabytes; here the most a frame can yield is
 * bounded from its block headers (a raw or RLE block yields its stated size, a compressed block
 * at most 128 KiB), and the content size must stay within it; a window without a content size
 * may be up to 8 MiB (zstd's levels 1–19) or that bound.
 * Reference: RFC 8878, "Zstandard Compression and the application/zstd Media Type", §3.1.
 *
 * @example checkZstdFrames(zstdCliOutput) // → undefined (sound), or throws
 */
export function checkZstdFrames(data: Uint8Array): void {
  let at = 0;
  while (at < data.length) {
    const magic = u32(data, at, 'a frame magic number');
    if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE) {
      at += 8 + u32(data, at + 4, 'a skippable frame size');
      continue;
    }
    if (magic !== MAGIC) throw new Error(`ZSTD: expected the frame magic number 0xFD2FB528 at byte ${at}, found 0x${magic.toString(16).toUpperCase()}`);
    at = checkFrame(data, at + 4);
  }
}

/** Checks the frame whose header starts at `at`; returns the index after it. */
function checkFrame(data: Uint8Array, at: number): number {
  const header = at;
  const descriptor = byte(data, at++);
  const fcsFlag = descriptor >> 6;
  const single = (descriptor >> 5) & 1;
  const checksum = (descriptor >> 2) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
  if (descriptor & 0x08) throw new Error(`ZSTD: a reserved bit is set in the frame header at byte ${header}`);
  let window = 0;
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
  if (content > most) throw new Error(`ZSTD: the frame at byte ${header - 4} declares ${content} bytes but its blocks hold at most ${most}`);
  if (content < 0 && window > Math.max(WINDOW_ALLOWED, most)) {
    throw new Error(`ZSTD: the frame at byte ${header - 4} asks for a ${window}-byte window for at most ${most} bytes of content`);
  }
  return at + 4 * checksum;
}

function byte(data: Uint8Array, at: number): number {
  if (at >= data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside a frame header`);
  return data[at];
}

function u32(data: Uint8Array, at: number, what: string): number {
  if (at + 4 > data.length) throw new Error(`ZSTD: the data ends (${data.length} bytes) inside ${what}`);
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;
}
