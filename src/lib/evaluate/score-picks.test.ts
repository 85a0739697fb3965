import { describe, expect, it } from 'vitest';
import { historicAverage, naive } from '../forecast/baselines';
import type { Panel } from '../grid/panel';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { scorePicks } from './score-picks';

// Seven real H3 cells, each given an area of 1 so the sums are by hand; four periods, forecast period 2 from periods 0 and 1.
const cells = syntheticPanel({ rings: 1, periods: 4, rate: () => 0 }).panel;
const toy = (future = [0, 0, 0, 0, 0, 0, 0]): Panel => ({
  ...cells,
  area: new Float64Array(7).fill(1),
  // prettier-ignore
  counts: Float32Array.of(
    2, 0, 0, 1, 0, 0, 0, // period 0
    0, 3, 0, 1, 0, 0, 0, // period 1
    1, 0, 4, 2, 0, 0, 1, // period 2: the one scored, N = 8
    ...future, //           period 3: after it, never seen
  ),
});
const models = [
  { label: 'Naive', create: naive },
  { label: 'Historic average', create: historicAverage },
];
const everywhere = new Uint8Array(7).fill(1);
const contest = (picks: number[], panel = toy()) => scorePicks({ panel, region: everywhere, cutoff: 2, picks, coverage: 2 / 7, models });
const row = (picks: number[]) => Object.fromEntries(contest(picks).scores.map((s) => [s.label, [s.captured, s.hitRate, s.pai]]));

describe('scorePicks on a toy panel (7 cells of area 1, coverage 2/7: two cells)', () => {
  it('scores picks, baselines, hindsight and random by hand', () => {
    const scores = row([2, 3]);
    // Picks: cells 2 and 3 hold 4 + 2 = 6 of 8 → hit rate 0.75, PAI 0.75 / (2/7) = 2.625.
    expect(scores['Your picks'][0]).toBeCloseTo(6, 10);
    expect(scores['Your picks'][1]).toBeCloseTo(0.75, 10);
    expect(scores['Your picks'][2]).toBeCloseTo(2.625, 10);
    // Naive (period 1: 3 in cell 1, 1 in cell 3) flags cells 1 and 3: 0 + 2 = 2 → 0.25, PAI 0.875.
    expect(scores['Naive'][0]).toBeCloseTo(2, 10);
    expect(scores['Naive'][2]).toBeCloseTo(0.875, 10);
    // Historic average [1, 1.5, 0, 1, 0, 0, 0]: cell 1, then cells 0 and 3 tied for one cell's area, half each:
    // 0 + ½ · 1 + ½ · 2 = 1.5 → 0.1875, PAI 0.65625 (the mean over both orders of the tie).
    expect(scores['Historic average'][0]).toBeCloseTo(1.5, 10);
    expect(scores['Historic average'][2]).toBeCloseTo(0.65625, 10);
    // Hindsight: cells 2 and 3, 6 of 8. Random: 2/7 of the region's 8 → 16/7, hit rate 2/7, PAI 1.
    expect(scores['Hindsight (the best possible)'][0]).toBeCloseTo(6, 10);
    expect(scores['Random cells (on average)'][0]).toBeCloseTo(16 / 7, 10);
    expect(scores['Random cells (on average)'][2]).toBeCloseTo(1, 10);
  });

  it('spends unused budget at random: one pick (cell 2) leaves one cell of area to the six others, 1/6 each', () => {
    // 4 + (1 + 0 + 2 + 0 + 0 + 1) / 6 = 4.667 of 8.
    expect(row([2])['Your picks'][0]).toBeCloseTo(4 + 4 / 6, 10);
    const flags = contest([2]).scores[0].flags;
    expect(Array.from(flags, (f) => +f.toFixed(6))).toEqual([1 / 6, 1 / 6, 1, 1 / 6, 1 / 6, 1 / 6, 1 / 6].map((f) => +f.toFixed(6)));
  });

  it('marks what each entry flags: naive cells 1 and 3, hindsight cells 2 and 3', () => {
    const byLabel = Object.fromEntries(contest([2, 3]).scores.map((s) => [s.label, Array.from(s.flags)]));
    expect(byLabel['Naive']).toEqual([0, 1, 0, 1, 0, 0, 0]);
    expect(byLabel['Hindsight (the best possible)']).toEqual([0, 0, 1, 1, 0, 0, 0]);
    expect(contest([]).total).toBe(8);
  });

  it('is honest: what comes after the cutoff period changes no forecast', () => {
    const later = contest([2, 3], toy([9, 9, 0, 0, 0, 9, 9])).scores.map((s) => Array.from(s.flags));
    expect(later).toEqual(contest([2, 3]).scores.map((s) => Array.from(s.flags)));
  });

  it('refuses a cutoff with no period before it or none to score, and a pick that is not a cell', () => {
    expect(() => scorePicks({ panel: toy(), region: everywhere, cutoff: 0, picks: [], coverage: 0.5, models })).toThrow(
      'scorePicks: the cutoff must be a period index from 1 to 3, got 0',
    );
    expect(() => contest([7])).toThrow('scorePicks: pick 0 is 7, not a cell index from 0 to 6');
  });
});
