import { describe, expect, it } from 'vitest';
import { lessonQuery, readQueryNumbers } from './lesson-query';

const SPECS = [
  { key: 'seed', min: 1, max: 999, step: 1, fallback: 1 },
  { key: 'noise', min: 0, max: 1.5, step: 0.1, fallback: 0.5 },
];

describe('readQueryNumbers', () => {
  it.each([
    ['?lesson=ceiling', { seed: 1, noise: 0.5 }],
    ['?lesson=ceiling&seed=7&noise=0.3', { seed: 7, noise: 0.3 }],
    ['?seed=abc&noise=', { seed: 1, noise: 0.5 }],
    ['?seed=5000&noise=-2', { seed: 999, noise: 0 }],
    ['?seed=2.6&noise=0.26', { seed: 3, noise: 0.3 }],
  ])('reads %s as %o (clamped, snapped to the step, fallback when missing)', (search, expected) => {
    expect(readQueryNumbers(search, SPECS)).toEqual(expected);
  });
});

describe('lessonQuery', () => {
  it('writes the lesson id first and leaves out empty entries, so reading it back gives the same numbers', () => {
    const query = lessonQuery('ceiling', { seed: 7, noise: 0.3, guess: null, reveal: undefined });
    expect(query).toBe('?lesson=ceiling&seed=7&noise=0.3');
    expect(readQueryNumbers(query, SPECS)).toEqual({ seed: 7, noise: 0.3 });
  });
});
