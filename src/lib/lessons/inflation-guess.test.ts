import { describe, expect, it } from 'vitest';
import { guessOf, INFLATION_GUESSES } from './inflation-guess';

describe('guessOf(relative)', () => {
  it.each([
    [-0.9, 'much-worse'],
    [-0.25, 'worse'],
    [-0.1, 'worse'],
    [-0.05, 'same'],
    [0, 'same'],
    [0.0499, 'same'],
    [0.05, 'better'],
    [0.23, 'better'],
    [0.25, 'much-better'],
    [3, 'much-better'],
    [Infinity, null],
    [NaN, null],
  ])('puts %d in %s', (relative, band) => {
    expect(guessOf(relative)).toBe(band);
  });

  it('offers five ordered bands', () => {
    expect(INFLATION_GUESSES.map((g) => g.below)).toEqual([-0.25, -0.05, 0.05, 0.25, Infinity]);
  });
});
