import { describe, expect, it } from 'vitest';
import { hashCells } from './hash-cells';

describe('hashCells', () => {
  it('hashCells([]) is the FNV-1a offset basis and hashCells([\'a\']) is FNV-1a of "a,"', () => {
    expect(hashCells([])).toBe('811c9dc5');
    // FNV-1a("a") = 0xe40c292c; then (0xe40c292c ^ 0x2c) × 16777619 mod 2^32.
    expect(hashCells(['a'])).toBe(((Math.imul(0xe40c292c ^ 0x2c, 0x01000193) >>> 0).toString(16)));
  });

  it('hashCells depends on the order and on where one cell ends and the next begins', () => {
    expect(hashCells(['a', 'b'])).not.toBe(hashCells(['b', 'a']));
    expect(hashCells(['ab'])).not.toBe(hashCells(['a', 'b']));
  });
});
