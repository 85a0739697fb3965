import { describe, expect, it } from 'vitest';
import { formatCompact } from './format-compact';

describe('formatCompact', () => {
  it.each([
    [0.5, '0.5'],
    [3, '3'],
    [2.0004, '2'],
    [-1.25, '−1.25'],
    [1234.5, '1,235'],
    [0.000012345, '1.23e−5'],
    [Number.NaN, '–'],
    [100, '100'],
  ])('formatCompact(%d) → %s', (x, text) => {
    expect(formatCompact(x)).toBe(text);
  });
});
