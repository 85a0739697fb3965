import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { blockStarts } from './block-starts';

describe('blockStarts(seed, n, block, resamples)', () => {
  test('blockStarts(9, 10, 4, 3) is ⌈10/4⌉ = 3 draws of random(9).int(10) per resample, in draw order', () => {
    const rng = random(9);
    expect(Array.from(blockStarts(9, 10, 4, 3))).toEqual(Array.from({ length: 9 }, () => rng.int(10)));
  });

  test('the same four give the same (shared) array; another seed, n, block or count gives its own', () => {
    const first = blockStarts(3, 52, 4, 2000);
    expect(blockStarts(3, 52, 4, 2000)).toBe(first);
    for (const [seed, n, block, resamples] of [
      [4, 52, 4, 2000],
      [3, 51, 4, 2000],
      [3, 52, 3, 2000],
      [3, 52, 4, 1999],
    ]) {
      const other = blockStarts(seed, n, block, resamples);
      expect(other).not.toBe(first);
      expect(other.length).toBe(resamples * Math.ceil(n / block));
    }
  });
});
