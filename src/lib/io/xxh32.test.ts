import { describe, expect, it } from 'vitest';
import { xxh32 } from './xxh32';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('xxh32', () => {
  it.each([
    // Published XXH32 values (seed 0): the reference implementation's test vectors and python-xxhash's example.
    ['', 0x02cc5d05],
    ['a', 0x550d7456],
    ['abc', 0x32d153ff],
    ['Nobody inspects the spammish repetition', 0xe2293b2f],
  ])('xxh32(%j) is the published value', (input, hash) => {
    expect(xxh32(text(input))).toBe(hash);
  });

  it('hashes a sub-range the same as a copy of it, and a seed changes the hash', () => {
    const bytes = text('0123456789abcdef0123456789abcdef-tail');
    expect(xxh32(bytes, 3, 30)).toBe(xxh32(bytes.slice(3, 30)));
    expect(xxh32(text('abc'), 0, 3, 1)).not.toBe(0x32d153ff);
  });
});
