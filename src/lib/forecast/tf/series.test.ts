import { describe, expect, it } from 'vitest';
import { historyOf } from '../history';
import { cellOf, diskOf } from '../../grid/h3';
import { neighbours } from '../../grid/neighbours';
import type { Panel } from '../../grid/panel';
import { timeBucket } from '../../grid/time-bucket';
import { append, seriesOf, windowMean } from './series';

/** A 1 + 6 cell disk over 5 weeks with count(p, c) = p + c; also returns the centre's index. */
function diskPanel(): { panel: Panel; centre: number } {
  const origin = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
  const cells = diskOf({ cell: origin, k: 1 }).flat().sort();
  const bucket = timeBucket({ unit: 'week', timeZone: 'UTC', clock: 'wall' });
  const periods = bucket.range(Date.UTC(2018, 0, 1), Date.UTC(2018, 1, 5));
  const counts = Float32Array.from({ length: periods.length * 7 }, (_, i) => Math.floor(i / 7) + (i % 7));
  const panel: Panel = { res: 8, bucket: bucket.spec, cells, area: new Float64Array(7).fill(1), periods, end: Date.UTC(2018, 1, 5), counts };
  return { panel, centre: cells.indexOf(origin) };
}

describe('seriesOf(history, extra)', () => {
  const { panel, centre } = diskPanel();
  const history = historyOf(panel, neighbours(panel.cells, 2), 4);
  const series = seriesOf(history, 2);

  it('holds the history and room for the extra periods, with their start times', () => {
    expect(series.length).toBe(4);
    expect(series.capacity).toBe(6);
    expect(series.times[4]).toBe(Date.UTC(2018, 0, 29));
    expect(series.times[5]).toBe(Date.UTC(2018, 1, 5));
  });

  it('gives the centre the mean of its 6 neighbours: p + (0 + … + 6 − centre) / 6, and no ring-2 cells', () => {
    for (let p = 0; p < 4; p++) {
      expect(series.ring1[p * 7 + centre]).toBeCloseTo(p + (21 - centre) / 6, 5);
      expect(series.ring2[p * 7 + centre]).toBe(0);
    }
  });

  it('gives an outer cell 3 ring-1 neighbours in the disk (centre + 2) and 3 at ring 2', () => {
    const outer = centre === 0 ? 1 : 0;
    const count = (d: 1 | 2): number => {
      const lists = d === 1 ? series.ring1Lists : series.ring2Lists;
      return lists.offsets[outer + 1] - lists.offsets[outer];
    };
    expect([count(1), count(2)]).toEqual([3, 3]);
  });

  it('keeps prefix sums: cumCounts[3·C + c] = (0 + c) + (1 + c) + (2 + c)', () => {
    for (let c = 0; c < 7; c++) expect(series.cumCounts[3 * 7 + c]).toBe(3 + 3 * c);
    // mean count per cell in period p is p + 3, so the sum over periods 0..3 is 3 + 4 + 5 + 6
    expect(series.cumMean[4]).toBe(18);
  });

  it('windowMean(cum, C, t, w, c) averages the w periods before t, fewer at the start', () => {
    expect(windowMean(series.cumCounts, 7, 4, 2, 5)).toBe((2 + 5 + (3 + 5)) / 2);
    expect(windowMean(series.cumCounts, 7, 1, 4, 5)).toBe(5);
  });

  it('append() fills the next period and its sums, then refuses past capacity', () => {
    const copy = seriesOf(history, 1);
    append(copy, new Float32Array(7).fill(10));
    expect(copy.length).toBe(5);
    expect(copy.ring1[4 * 7 + centre]).toBe(10);
    expect(copy.cumCounts[5 * 7 + 2]).toBe(copy.cumCounts[4 * 7 + 2] + 10);
    expect(() => append(copy, new Float32Array(7))).toThrow(/full/);
  });

  it('throws when the neighbour lists have fewer than 2 rings', () => {
    expect(() => seriesOf(historyOf(panel, neighbours(panel.cells, 1), 4), 0)).toThrow(/k = 1/);
  });
});
