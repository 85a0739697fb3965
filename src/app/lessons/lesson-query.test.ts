import { describe, expect, it } from 'vitest';
import { queryChoice, queryInteger } from './lesson-query';

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
