import { describe, expect, it } from 'vitest';
import { hotspotRegression, topCells } from './hotspot-regression';

// A toy panel of 4 cells × 3 periods (period-major):
//            c0 c1 c2 c3
// period 0:   5  1  3  0
// period 1:   2  2  1  0
// period 2:   3  0  4  1
const toy = [5, 1, 3, 0, 2, 2, 1, 0, 3, 0, 4, 1];

describe('topCells(counts, cells, t, k)', () => {
  it.each([
    [0, 2, [0, 2]],
    [1, 2, [0, 1]], // 2 = 2: the tie goes to the lower cell index
    [2, 3, [2, 0, 3]],
    [0, 9, [0, 2, 1, 3]],
  ])('period %d, k = %d → %j', (t, k, expected) => {
    expect([...topCells(toy, 4, t, k)]).toEqual(expected);
  });
});

describe('hotspotRegression(counts, cells, t, k, after)', () => {
  it('follows period 0’s two hottest cells (c0, c2) on the toy panel, as computed by hand', () => {
    const r = hotspotRegression(toy, 4, 0, 2, 2);
    expect([...r.top]).toEqual([0, 2]);
    // means of c0 and c2: period 0 (5 + 3)/2 = 4, period 1 (2 + 1)/2 = 1.5, period 2 (3 + 4)/2 = 3.5
    expect([...r.series]).toEqual([4, 1.5, 3.5]);
    // long-run means without period 0: c0 (2 + 3)/2 = 2.5, c2 (1 + 4)/2 = 2.5 → 2.5
    expect(r.longRun).toBe(2.5);
    // period 1's top 2 are c0, c1: c0 stays, c2 does not → 1/2
    expect(r.persistence).toBe(0.5);
  });

  it('runs past the last period as NaN and has no persistence there', () => {
    const r = hotspotRegression(toy, 4, 2, 1, 2);
    expect([...r.top]).toEqual([2]);
    expect([...r.series]).toEqual([4, NaN, NaN]);
    expect(r.longRun).toBe(2); // c2: (3 + 1)/2
    expect(r.persistence).toBeNaN();
  });

  it.each([
    [3, 1, /period 3 is not one of the 3 periods/],
    [0, 0, /k must be a whole number from 1 to 4, got 0/],
    [0, 5, /k must be a whole number from 1 to 4, got 5/],
  ])('refuses period %d with k = %d', (t, k, message) => {
    expect(() => hotspotRegression(toy, 4, t, k, 1)).toThrow(message);
  });
});
