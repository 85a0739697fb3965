import { describe, expect, it } from 'vitest';
import { CEILING_DEFAULTS } from '../../../lib/lessons/ceiling-defaults';
import { bandOf } from '../../../lib/lessons/guess-bands';
import { CEILING_CONTROLS, CEILING_GUESSES } from './ceiling-controls';

describe('CEILING_GUESSES', () => {
  it.each([
    [0, 'about-5'],
    [0.05, 'about-5'],
    [0.1, 'about-15'],
    [0.31, 'about-30'],
    [0.4, 'about-50'],
    [0.65, 'over-80'],
    [1, 'over-80'],
  ])('puts a hit rate of %f in %s', (value, band) => {
    expect(bandOf(CEILING_GUESSES, value)).toBe(band);
  });
});

describe('CEILING_CONTROLS', () => {
  it('starts every control at the core default of the field it sets', () => {
    for (const control of CEILING_CONTROLS) expect(control.fallback).toBe(CEILING_DEFAULTS[control.field]);
    expect(CEILING_CONTROLS.map((c) => c.key)).toEqual(['hot', 'rate', 'noise', 'repeat', 'report', 'seed']);
  });
});
