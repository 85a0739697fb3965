import { describe, expect, it } from 'vitest';
import { choiceParam, intParam, lessonQuery, queryChoice, queryInteger } from './lesson-query';

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
