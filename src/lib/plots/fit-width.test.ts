import { describe, expect, it } from 'vitest';
import { fitWidth } from './fit-width';

describe('fitWidth(available, natural, least)', () => {
  it.each([
    [340, 640, 280, 340],
    [1200, 640, 280, 640],
    [0, 640, 280, 640],
    [Number.NaN, 640, 280, 640],
    [200, 640, 280, 280],
    [350.7, 640, 280, 350],
  ])('available %f, natural %i, least %i → %i', (available, natural, least, expected) => {
    expect(fitWidth(available, natural, least)).toBe(expected);
  });
});
