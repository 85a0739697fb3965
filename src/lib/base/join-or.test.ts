import { describe, expect, it } from 'vitest';
import { joinOr } from './join-or';

describe('joinOr', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A or B'],
    [['A', 'B', 'C'], 'A, B or C'],
  ])('%j → %j', (items, text) => {
    expect(joinOr(items)).toBe(text);
  });
});
