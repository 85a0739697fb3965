import { describe, expect, it } from 'vitest';
import { monthlyRates } from './monthly-rates';

const panel = (unit: 'day' | 'week' | 'month', counts: number[], cells = 2) => ({
  bucket: { unit, timeZone: 'UTC', clock: 'wall' as const },
  cells: Array.from({ length: cells }, (_, c) => `cell${c}`),
  periods: Float64Array.from({ length: counts.length / cells }, (_, p) => p),
  counts: Float32Array.from(counts),
});

describe('monthlyRates', () => {
  it.each([
    // Two periods × two cells: cell 0 has 1 + 3 = 4 incidents, cell 1 has 0 + 2 = 2, i.e. 2 and 1 a period.
    ['month', [1, 0, 3, 2], [2, 1]],
    ['week', [1, 0, 3, 2], [(2 * 30.436875) / 7, 30.436875 / 7]],
    ['day', [1, 0, 3, 2], [2 * 30.436875, 30.436875]],
  ] as const)('turns a mean count per %s into incidents a month', (unit, counts, expected) => {
    const rates = monthlyRates(panel(unit, [...counts]));
    expected.forEach((value, c) => expect(rates[c]).toBeCloseTo(value, 10));
  });

  it('gives 0 for every cell of a panel without periods', () => {
    expect(Array.from(monthlyRates(panel('week', [])))).toEqual([0, 0]);
  });
});
