import { describe, expect, it } from 'vitest';
import { makeIncidents } from '../../../test/fixtures/make-incidents';
import { selectCategories } from './select-categories';

const incidents = makeIncidents(
  [
    [0, 41.8, -87.6, 0],
    [1, 41.9, -87.7, 1],
    [2, 42.0, -87.8, 2],
    [3, 42.1, -87.9, -1],
    [4, 42.2, -88.0, 1],
  ],
  { categories: ['BURGLARY', 'ROBBERY', 'THEFT'] },
);

describe('selectCategories', () => {
  it('selectCategories(incidents, null) returns the same object', () => {
    expect(selectCategories(incidents, null)).toBe(incidents);
  });

  it("selectCategories(incidents, ['ROBBERY']) keeps rows 1 and 4 and counts the other 3 as category-filtered", () => {
    const out = selectCategories(incidents, ['ROBBERY']);
    expect(out.length).toBe(2);
    expect(Array.from(out.time)).toEqual([1, 4]);
    expect(Array.from(out.lat)).toEqual([41.9, 42.2]);
    expect(Array.from(out.category)).toEqual([1, 1]);
    expect(out.categories).toEqual(incidents.categories);
    expect(out.report.kept).toBe(2);
    expect(out.report.dropped['category-filtered']).toBe(3);
    expect(out.report.read).toBe(out.report.kept + Object.values(out.report.dropped).reduce((a, b) => a + b, 0));
  });

  it('selectCategories(incidents, []) drops every row, uncategorised ones included', () => {
    const out = selectCategories(incidents, []);
    expect(out.length).toBe(0);
    expect(out.report.dropped['category-filtered']).toBe(5);
  });
});
