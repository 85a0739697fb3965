import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '< 1 ms'],
    [0.2, '< 1 ms'],
    [1, '1 ms'],
    [9.8, '10 ms'],
    [999.4, '999 ms'],
    [999.6, '1.00 s'],
    [1234, '1.23 s'],
    [9994, '9.99 s'],
    [9996, '10.0 s'],
    [59_940, '59.9 s'],
    [59_960, '1 min 0 s'],
    [75_000, '1 min 15 s'],
    [3_599_000, '59 min 59 s'],
    [Number.NaN, '–'],
    [-5, '–'],
  ])('formatDuration(%s) is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
