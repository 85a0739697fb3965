import { describe, expect, it } from 'vitest';
import { quarticRingWeights } from './quartic-ring-weights';

describe('quarticRingWeights', () => {
  it.each([
    { h: 0.5, expected: [1] },
    { h: 1, expected: [1] }, // d = 1 sits on the bandwidth: weight 0, left out
    { h: 2, expected: [1, 9 / 16] }, // (1 − 1/4)²
    { h: 2.5, expected: [1, 0.7056, 0.1296] }, // (1 − 0.16)², (1 − 0.64)²
    { h: 3, expected: [1, 64 / 81, 25 / 81] }, // (1 − 1/9)², (1 − 4/9)²
  ])('quarticRingWeights($h) → $expected', ({ h, expected }) => {
    const out = Array.from(quarticRingWeights(h));
    expect(out.length).toBe(expected.length);
    out.forEach((w, d) => expect(w).toBeCloseTo(expected[d], 12));
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('quarticRingWeights(%s) throws', (h) => {
    expect(() => quarticRingWeights(h)).toThrow(`bandwidth must be a finite number of rings > 0, got ${h}`);
  });
});
