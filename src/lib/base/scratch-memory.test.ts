import { afterEach, describe, expect, it } from 'vitest';
import { dropScratch, giveScratch, MAX_BUFFERS, takeInt32 } from './scratch-memory';

describe('scratch memory', () => {
  afterEach(() => dropScratch());

  it('hands a buffer given back to the next take that fits, zeroed, and a fresh shared one otherwise', () => {
    const first = takeInt32(1000);
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    first.fill(7);
    giveScratch(first);
    const again = takeInt32(600); // fits in the 4,000 bytes given back
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(600);
    expect([...again].every((v) => v === 0)).toBe(true);
    expect(takeInt32(600).buffer).not.toBe(first.buffer); // taken out of the pool until given back
  });

  it('takes the smallest buffer that holds the rows, and never one too small', () => {
    const [small, large] = [takeInt32(100), takeInt32(10_000)];
    giveScratch(large, small);
    expect(takeInt32(200).buffer).toBe(large.buffer); // the small one holds 100
    expect(takeInt32(50).buffer).toBe(small.buffer);
  });

  it('keeps no buffer it was not made for, none twice, at most MAX_BUFFERS, and none after dropScratch', () => {
    const plain = new Int32Array(100);
    giveScratch(plain);
    expect(takeInt32(10).buffer).not.toBe(plain.buffer);
    const arrays = Array.from({ length: MAX_BUFFERS + 2 }, () => takeInt32(10));
    giveScratch(arrays[0], arrays[0], ...arrays.slice(1));
    const taken = Array.from({ length: MAX_BUFFERS + 2 }, () => takeInt32(10).buffer);
    expect(taken.filter((buffer) => arrays.some((a) => a.buffer === buffer))).toHaveLength(MAX_BUFFERS);
    giveScratch(arrays[0]);
    dropScratch();
    expect(takeInt32(10).buffer).not.toBe(arrays[0].buffer);
  });
});
