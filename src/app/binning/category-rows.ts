/** A category as the list shows it: its name and how many loaded incidents carry it. */
export interface CategoryCount {
  readonly name: string;
  readonly count: number;
}

/**
 * The categories whose name contains `filter` (case-insensitive, surrounding spaces ignored),
 * in their given order (by count, from the load's summary); all of them for an empty filter.
 * One pass over the list.
 * @example matchingCategories([{ name: 'THEFT', count: 9 }, { name: 'ROBBERY', count: 4 }], 'ob') // → [{ name: 'ROBBERY', count: 4 }]
 */
export function matchingCategories(categories: readonly CategoryCount[], filter: string): readonly CategoryCount[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return categories;
  return categories.filter((c) => c.name.toLowerCase().includes(needle));
}

/**
 * The rows `[start, end)` a virtualised list renders: those that intersect the viewport
 * (`scrollTop` to `scrollTop + height`, rows of `rowHeight` px) and `overscan` more on each
 * side, within `[0, total)`. The DOM holds at most `ceil(height / rowHeight) + 1 + 2 · overscan`
 * rows whatever `total` is.
 * @example visibleRows(240, 240, 24, 100_000, 5) // → { start: 5, end: 25 }
 */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, total: number, overscan: number): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  return { start: Math.min(total, Math.max(0, first - overscan)), end: Math.min(total, last + overscan) };
}
