import { describe, expect, it } from 'vitest';
import { neighbours } from '../grid/neighbours';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { historyOf } from './history';

describe('historyOf', () => {
  const { panel } = syntheticPanel({ rings: 1, periods: 10, rate: () => 1, unit: 'week', seed: 3 });
  const lists = neighbours(panel.cells, 1);

  it('views periods [start, cutoff) without copying and cannot reach past the cutoff', () => {
    const history = historyOf(panel, lists, 6, 2);
    expect(history.periods.length).toBe(4);
    expect(history.counts.length).toBe(4 * 7);
    expect(history.counts[0]).toBe(panel.counts[2 * 7]);
    expect(history.counts[4 * 7]).toBeUndefined();
    expect(history.counts.buffer).toBe(panel.counts.buffer);
  });

  it('futurePeriods(h) continues the calendar after the cutoff, also past the end of the panel', () => {
    const history = historyOf(panel, lists, 10);
    const week = 7 * 86_400_000;
    expect([...history.futurePeriods(2)]).toEqual([panel.end, panel.end + week]);
    expect([...historyOf(panel, lists, 8).futurePeriods(1)]).toEqual([panel.periods[8]]);
  });

  it('rejects cutoffs and starts outside the panel', () => {
    expect(() => historyOf(panel, lists, 0)).toThrow(/from 1 to 10/);
    expect(() => historyOf(panel, lists, 5, 5)).toThrow(/from 0 to 4/);
  });
});
