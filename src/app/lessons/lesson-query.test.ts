import { describe, expect, it } from 'vitest';
import { choiceParam, intParam, lessonQuery, queryChoice, queryInteger, readQueryNumbers } from './lesson-query';

describe('lesson query', () => {
  it.each([
    ['?seed=7', 7],
    ['?seed=0', 0],
    ['?seed=', 1],
    ['?seed=2.5', 1],
    ['?seed=-3', 1],
    ['?seed=1001', 1],
    ['?other=3', 1],
  ])('intParam(%s, seed, 1, 0, 1000) → %s', (search, expected) => {
    expect(intParam(search, 'seed', 1, 0, 1000)).toBe(expected);
  });

  it('reads a choice only from its list', () => {
    expect(choiceParam('?guess=stay', 'guess', ['stay', 'converge'], 'converge')).toBe('stay');
    expect(choiceParam('?guess=maybe', 'guess', ['stay', 'converge'], 'converge')).toBe('converge');
  });

  it('writes the lesson first, then the values in order, leaving out nulls and escaping the rest', () => {
    expect(lessonQuery('paint', { seed: 7, picks: '8826~a.b', guess: null })).toBe('?lesson=paint&seed=7&picks=8826%7Ea.b');
  });
});

describe('queryInteger(params, key, fallback, min, max)', () => {
  it.each([
    ['k=250', 100],
    ['k=0', 1],
    ['k=7.6', 8],
    ['k=abc', 20],
    ['k=', 20],
    ['', 20],
  ])('%s → %d', (search, expected) => {
    expect(queryInteger(new URLSearchParams(search), 'k', 20, 1, 100)).toBe(expected);
  });
});

describe('queryChoice(params, key, allowed)', () => {
  it.each([
    ['metric=mae', 'mae'],
    ['metric=rmse', null],
    ['', null],
  ])('%s → %s', (search, expected) => {
    expect(queryChoice(new URLSearchParams(search), 'metric', ['pai', 'mae'])).toBe(expected);
  });
});

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
