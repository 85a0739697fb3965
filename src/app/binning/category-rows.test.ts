import { describe, expect, it } from 'vitest';
import { matchingCategories, visibleRows } from './category-rows';

const CATEGORIES = [
  { name: 'THEFT', count: 9 },
  { name: 'ROBBERY', count: 4 },
  { name: 'Motor vehicle theft', count: 2 },
];

describe('matchingCategories', () => {
  it.each([
    ['', ['THEFT', 'ROBBERY', 'Motor vehicle theft']],
    ['  ', ['THEFT', 'ROBBERY', 'Motor vehicle theft']],
    ['theft', ['THEFT', 'Motor vehicle theft']], // case-insensitive, order kept
    [' OB ', ['ROBBERY']],
    ['arson', []],
  ])('matchingCategories(…, %j) → %j', (filter, names) => {
    expect(matchingCategories(CATEGORIES, filter).map((c) => c.name)).toEqual(names);
  });
});

describe('visibleRows', () => {
  it.each([
    // scrollTop, height, row, total, overscan → rows
    [0, 240, 24, 100_000, 5, { start: 0, end: 15 }], // rows 0–9 in view + 5 below
    [240, 240, 24, 100_000, 5, { start: 5, end: 25 }], // rows 10–19 in view
    [250, 240, 24, 100_000, 0, { start: 10, end: 21 }], // a row cut at each edge: 11 rows
    [0, 240, 24, 3, 5, { start: 0, end: 3 }], // fewer rows than the viewport holds
    [2_399_760, 240, 24, 100_000, 5, { start: 99_985, end: 100_000 }], // scrolled to the end
    [-30, 240, 24, 100, 0, { start: 0, end: 10 }], // overscroll bounce
  ])('visibleRows(%i, %i, %i, %i, %i) → %j', (scrollTop, height, row, total, overscan, expected) => {
    expect(visibleRows(scrollTop, height, row, total, overscan)).toEqual(expected);
  });
});
