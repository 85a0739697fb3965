import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { skill } from './skill';

describe('skill', () => {
  test.each([
    // value, baseline, better, expected
    [0.8, 1, 'lower', 0.2],
    [1.5, 1, 'lower', -0.5],
    [0, 2, 'lower', 1],
    [3, 2, 'higher', 0.5],
    [1, 2, 'higher', -0.5],
    [2, 2, 'higher', 0],
  ] as const)('skill(%d, %d, %s) = %d (positive = better than the baseline)', (value, baseline, better, expected) => {
    expect(skill(value, baseline, better)).toBeCloseTo(expected, 12);
  });

  test('skill(value, baseline, better) matches the formula on seeded data', () => {
    const rng = random(51);
    for (let i = 0; i < 100; i++) {
      const value = rng.next() * 3;
      const baseline = 0.1 + rng.next() * 3;
      expect(skill(value, baseline, 'lower')).toBeCloseTo((baseline - value) / baseline, 12);
      expect(skill(value, baseline, 'higher')).toBeCloseTo((value - baseline) / baseline, 12);
    }
  });

  test.each([
    ['baseline 0', 1, 0],
    ['baseline NaN', 1, NaN],
    ['baseline negative', 1, -2],
    ['baseline ∞', 1, Infinity],
    ['value NaN', NaN, 1],
  ])('skill(…) edge case: %s → NaN', (_, value, baseline) => {
    expect(skill(value, baseline, 'lower')).toBeNaN();
    expect(skill(value, baseline, 'higher')).toBeNaN();
  });

  test('skill(…) of all zeros (value 0, baseline 0) is NaN, not 1', () => {
    expect(skill(0, 0, 'lower')).toBeNaN();
  });

  test('skill(…) throws on an unknown direction', () => {
    expect(() => skill(1, 1, 'up' as 'lower')).toThrow(/skill: better must be 'lower' or 'higher', got up/);
  });
});
