import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label';

describe('periodLabel', () => {
  it.each([
    ['week', Date.UTC(2017, 2, 6), '6 Mar 2017'],
    ['day', Date.UTC(2017, 11, 31), '31 Dec 2017'],
    ['month', Date.UTC(2016, 1, 1), 'Feb 2016'],
    ['hour', Date.UTC(2016, 1, 1, 7), '1 Feb 2016, 07:00'],
  ] as const)('labels a %s starting at %s as %s, on the UTC clock whatever the machine zone', (unit, start, expected) => {
    expect(periodLabel(start, unit)).toBe(expected);
  });
});
