import { decompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { checkZstdFrames } from './check-zstd-frames';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** A raw block (type 0) of `bytes`, marked last: header = last | type << 1 | size << 3, 3 bytes little-endian. */
const rawBlock = (bytes: number[]): number[] => [1 | (bytes.length << 3), 0, 0, ...bytes];

describe('checkZstdFrames', () => {
  it('checkZstdFrames passes a single-segment frame whose 1-byte content size (5) matches its raw block, which fzstd decodes', () => {
    const frame = Uint8Array.from([...MAGIC, 0x20, 5, ...rawBlock([1, 2, 3, 4, 5])]);
    expect(() => checkZstdFrames(frame, -1)).not.toThrow();
    expect(Array.from(decompress(frame))).toEqual([1, 2, 3, 4, 5]);
  });

  it('checkZstdFrames refuses a content size of 2^40 bytes for a 5-byte block, before fzstd would allocate it', () => {
    // FHD 0xE0: 8-byte content size, single segment.
    const frame = Uint8Array.from([...MAGIC, 0xe0, 0, 0, 0, 0, 0, 1, 0, 0, ...rawBlock([1, 2, 3, 4, 5])]);
    expect(() => checkZstdFrames(frame, -1)).toThrow('ZSTD: the frame at byte 0 declares 1099511627776 bytes but its blocks hold at most 5');
  });

  it('checkZstdFrames allows an 8 MiB window without a content size, and refuses a 2 GiB one', () => {
    // FHD 0x00: no content size, a window descriptor: exponent e gives 2^(10 + e) bytes.
    const withWindow = (exponent: number) => Uint8Array.from([...MAGIC, 0x00, exponent << 3, ...rawBlock([7])]);
    expect(() => checkZstdFrames(withWindow(13), -1)).not.toThrow();
    expect(() => checkZstdFrames(withWindow(21), -1)).toThrow('ZSTD: the frame at byte 0 asks for a 2147483648-byte window for at most 1 bytes of content');
  });

  it('checkZstdFrames shrinks a 2 MiB window (the zstd command on a pipe) to the 1 KiB that 5 bytes need, in a copy fzstd decodes the same', () => {
    const frame = Uint8Array.from([...MAGIC, 0x00, 11 << 3, ...rawBlock([1, 2, 3, 4, 5])]);
    const bounded = checkZstdFrames(frame, 5);
    expect([frame[5], bounded[5]]).toEqual([11 << 3, 0]);
    expect(Array.from(decompress(bounded))).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    [[...MAGIC, 0x20], 'ZSTD: the data ends (5 bytes) inside a frame header'],
    [[...MAGIC, 0x20, 5, 0x07, 0, 0], 'ZSTD: a block at byte 6 has the reserved block type'],
    [[...MAGIC, 0x20, 5, 0x29, 0, 0, 1], 'ZSTD: a block at byte 6 runs past the end of the data (10 bytes)'],
    [[1, 2, 3, 4], 'ZSTD: expected the frame magic number 0xFD2FB528 at byte 0, found 0x4030201'],
  ])('checkZstdFrames of %j says what is wrong', (bytes, message) => {
    expect(() => checkZstdFrames(Uint8Array.from(bytes), -1)).toThrow(message);
  });
});
