import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256-hex';

const text = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], // FIPS 180-2 empty message
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'], // FIPS 180-2 appendix B.1
  ])('sha256Hex(%j) is the published test vector', async (input, digest) => {
    expect(await sha256Hex(text(input))).toBe(digest);
  });

  it('sha256Hex of several files hashes their concatenation in order (like `cat a b | sha256sum`)', async () => {
    expect(await sha256Hex([text('a'), text('bc')])).toBe(await sha256Hex(text('abc')));
    expect(await sha256Hex([text('bc'), text('a')])).not.toBe(await sha256Hex(text('abc')));
    expect(await sha256Hex([text('abc')])).toBe(await sha256Hex(text('abc')));
  });

  it('sha256Hex of a view hashes only the viewed bytes', async () => {
    const whole = text('xxabcxx');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex(text('abc')));
  });
});
