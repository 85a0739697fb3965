import { describe, expect, it } from 'vitest';
import { categoryPredicate, compactSelection, keptCategories, keptCount, setCategories, type CategorySelection } from './category-selection';

const ALL = ['A', 'B', 'C', 'D', 'E'];

describe('category selections', () => {
  it.each<[CategorySelection, string[] | null, number]>([
    [null, null, 5],
    [['B', 'D'], ['B', 'D'], 2],
    [['D', 'B'], ['B', 'D'], 2], // in the order of all
    [{ except: ['A'] }, ['B', 'C', 'D', 'E'], 4],
    [{ except: [] }, null, 5], // leaves nothing out: no filter
    [[], [], 0],
  ])('keptCategories(%j) → %j, keptCount → %i', (selection, kept, count) => {
    expect(keptCategories(selection, ALL)).toEqual(kept);
    expect(keptCount(selection, ALL.length)).toBe(count);
    expect(ALL.filter(categoryPredicate(selection))).toEqual(kept ?? ALL);
  });

  it('keptCategories leaves out listed names the data lacks', () => {
    expect(keptCategories(['B', 'Z'], ALL)).toEqual(['B']);
  });

  it.each<[string, (name: string) => boolean, CategorySelection]>([
    ['every name', () => true, null],
    ['two of five: the kept list', (n) => n === 'A' || n === 'C', ['A', 'C']],
    ['four of five: the one left out', (n) => n !== 'C', { except: ['C'] }],
    ['three of five: the left-out list is shorter', (n) => n !== 'A' && n !== 'B', { except: ['A', 'B'] }],
    ['none', () => false, []],
  ])('compactSelection keeps the smaller form: %s', (_, keep, expected) => {
    expect(compactSelection(ALL, keep)).toEqual(expected);
  });

  it('a tie between the two lists is written as the kept list', () => {
    expect(compactSelection(['A', 'B'], (n) => n === 'B')).toEqual(['B']);
  });

  it('setCategories: untick one of all, tick it back, untick a second, tick all but one from none', () => {
    const one = setCategories(null, ALL, ['C'], false);
    expect(one).toEqual({ except: ['C'] });
    expect(setCategories(one, ALL, ['C'], true)).toBeNull();
    expect(setCategories(one, ALL, ['A'], false)).toEqual({ except: ['A', 'C'] });
    expect(setCategories([], ALL, ['A', 'B', 'C', 'D'], true)).toEqual({ except: ['E'] });
    expect(setCategories(['A'], ALL, ['B'], true)).toEqual(['A', 'B']);
  });

  it('unticking one of 100,000 categories gives a selection of one name', () => {
    const all = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    expect(setCategories(null, all, ['c42'], false)).toEqual({ except: ['c42'] });
    expect(keptCategories({ except: ['c42'] }, all)).toHaveLength(99_999);
  });
});
