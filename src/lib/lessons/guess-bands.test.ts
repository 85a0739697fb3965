import { describe, expect, it } from 'vitest';
import { bandOf, CHANGE_GUESSES, INFLATION_GUESSES } from './guess-bands';

describe('bandOf(bands, relative)', () => {
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
  ])('puts an inflation of %d in %s', (relative, band) => {
    expect(bandOf(INFLATION_GUESSES, relative)).toBe(band);
  });

  it.each([
    [-0.6, 'halved'],
    [-0.5, 'big-drop'],
    [-0.3, 'big-drop'],
    [-0.1, 'drop'],
    [0.01, 'same'],
    [0.4, 'rise'],
  ])('puts a change of %d in %s', (relative, band) => {
    expect(bandOf(CHANGE_GUESSES, relative)).toBe(band);
  });

  it('orders both answer lists by their upper edges', () => {
    expect(INFLATION_GUESSES.map((g) => g.below)).toEqual([-0.25, -0.05, 0.05, 0.25, Infinity]);
    expect(CHANGE_GUESSES.map((g) => g.below)).toEqual([-0.5, -0.25, -0.05, 0.05, Infinity]);
  });
});
