import { describe, expect, it } from 'vitest';
import { diskOf } from '../grid/h3';
import { assertPanel } from '../grid/panel';
import { syntheticPanel } from './synthetic-panel';

describe('syntheticPanel', () => {
  it('draws 1 + 6 + 12 cells × P periods of Poisson counts whose mean matches the rate', () => {
    const { panel, rates } = syntheticPanel({ rings: 2, periods: 400, rate: ({ ring }) => 3 - ring, seed: 9 });
    assertPanel(panel);
    expect(panel.cells).toHaveLength(19);
    expect(panel.counts).toHaveLength(400 * 19);
    let sum = 0;
    let expected = 0;
    panel.counts.forEach((v, i) => {
      sum += v;
      expected += rates[i];
    });
    // Expected total: 400 × (1·3 + 6·2 + 12·1) = 10 800; Poisson s.d. ≈ 104.
    expect(expected).toBe(10_800);
    expect(Math.abs(sum - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('lets the rate read earlier counts (self-excitation) and neighbours', () => {
    const { panel, rates } = syntheticPanel({
      rings: 1,
      periods: 3,
      seed: 2,
      rate: ({ cell, period, count, neighbours }) => 1 + count(period - 1, cell) + neighbours.reduce((s, j) => s + count(period - 1, j), 0),
    });
    const C = panel.cells.length;
    expect(rates[0]).toBe(1);
    const c = 3;
    const expected =
      1 + panel.counts[c] + [0, 1, 2, 3, 4, 5, 6].filter((j) => j !== c).reduce((s, j) => s + (isNeighbour(panel.cells, c, j) ? panel.counts[j] : 0), 0);
    expect(rates[C + c]).toBe(expected);
  });

  it('rejects a negative or non-finite rate with its cell and period', () => {
    expect(() => syntheticPanel({ rings: 0, periods: 2, rate: ({ period }) => (period === 1 ? -1 : 1) })).toThrow('rate() returned -1 for cell 0, period 1');
  });
});

function isNeighbour(cells: readonly string[], a: number, b: number): boolean {
  return diskOf({ cell: cells[a], k: 1 })[1].includes(cells[b]);
}
