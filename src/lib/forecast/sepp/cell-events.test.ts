import { describe, expect, it } from 'vitest';
import { cellEvents } from './cell-events';

describe('cellEvents(counts, periods, cells)', () => {
  // 3 periods × 2 cells, period-major: p0 = [0, 2], p1 = [1, 0], p2 = [3, 1].
  const events = cellEvents([0, 2, 1, 0, 3, 1], 3, 2);

  it('lists each cell’s non-zero counts in period order', () => {
    expect(Array.from(events.offsets)).toEqual([0, 2, 4]);
    expect(Array.from(events.period)).toEqual([1, 2, 0, 2]);
    expect(Array.from(events.count)).toEqual([1, 3, 2, 1]);
  });

  it('totals counts by cell, overall and by periods before the end', () => {
    expect(Array.from(events.cellTotals)).toEqual([4, 3]);
    expect(events.total).toBe(7);
    expect(Array.from(events.byAge)).toEqual([4, 1, 2]); // m = 0 is the last period
  });

  it.each([
    { counts: [0, 2, 1, 0, 3, 1], expected: Math.log(2) + Math.log(6) }, // ln 2! + ln 3!
    { counts: [0.5, 0, 0, 0, 0, 0], expected: Math.log(Math.sqrt(Math.PI) / 2) }, // ln Γ(1.5)
    { counts: [1200, 0, 0, 0, 0, 0], expected: 1200 * Math.log(1200) - 1200 + 0.5 * Math.log(2 * Math.PI * 1200) + 1 / 14400 },
  ])('sums ln Γ(y + 1) over the counts: $counts', ({ counts, expected }) => {
    expect(cellEvents(counts, 3, 2).logFactorials).toBeCloseTo(expected, 9);
  });

  it.each([
    { counts: [0, -1], message: 'period 0, cell 1 is -1' },
    { counts: [NaN, 0], message: 'period 0, cell 0 is NaN' },
    { counts: [0, Infinity], message: 'period 0, cell 1 is Infinity' },
  ])('throws naming the cell-period of a bad count: $message', ({ counts, message }) => {
    expect(() => cellEvents(counts, 1, 2)).toThrow(message);
  });

  it('throws when the length is not periods × cells', () => {
    expect(() => cellEvents([1, 2, 3], 2, 2)).toThrow('expected 2 periods × 2 cells = 4');
  });
});
