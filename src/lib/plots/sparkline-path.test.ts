import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline-path';

describe('sparklinePath(values, width, height)', () => {
  it.each([
    [[0, 1, 2], 'M0,10L10,5L20,0'],
    [[3, 3], 'M0,5L20,5'],
    [[0, Number.NaN, 4, 2], 'M0,10M13.3,0L20,5'],
    [[], ''],
  ])('%j in a 20 × 10 box → %s', (values, path) => {
    expect(sparklinePath(values, 20, 10)).toBe(path);
  });
});
