import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSkill } from './format-number';

describe('number formatting', () => {
  it.each([
    [0.012345, '0.0123'],
    [1234.5, '1,235'],
    [2.5, '2.50'],
    [-0.5, '−0.500'],
    [0, '0'],
    [Number.NaN, '–'],
    [Infinity, '∞'],
    [0.00001234, '1.23e−5'],
  ])('formatNumber(%d) → %s', (x, text) => expect(formatNumber(x)).toBe(text));

  it.each([
    [0.05, '5 %'],
    [0.125, '12.5 %'],
    [-0.2, '−20 %'],
  ])('formatPercent(%d) → %s', (x, text) => expect(formatPercent(x)).toBe(text));

  it.each([
    [0.0523, '+5.2 %'],
    [-0.00043, '−0.043 %'],
    [0.0099, '+0.99 %'],
    [-5.74, '−574.0 %'],
    [0, '±0 %'],
    [Number.NaN, '–'],
  ])('formatSkill(%d) → %s: small differences never print as 0 %', (x, text) => expect(formatSkill(x)).toBe(text));
});
