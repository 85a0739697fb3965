import { describe, expect, it } from 'vitest';
import { makeIncidents } from '../../../test/fixtures/make-incidents';
import { dropScratch, takeInt32 } from '../base/scratch-memory';
import { binIncidents } from './bin-incidents';
import { assignCells, type CellAssigner } from './bin-range';
import { cellOf } from './h3';
import { assertPanel, panelTotal } from './panel';

const D = 86_400_000;
// Two places about 10 km apart in Chicago, in different res-8 cells.
const LOOP = [41.8781, -87.6298] as const;
const HYDE = [41.7943, -87.5907] as const;
const loopCell = cellOf({ lat: LOOP[0], lng: LOOP[1], res: 8 });
const hydeCell = cellOf({ lat: HYDE[0], lng: HYDE[1], res: 8 });

describe('binIncidents', () => {
  it('counts incidents per cell and day, dense and contiguous (an empty middle day is a row of zeros)', () => {
    const day0 = Date.UTC(2018, 0, 1);
    const incidents = makeIncidents([
      [day0 + 3_600_000, ...LOOP],
      [day0 + 7_200_000, ...LOOP],
      [day0 + 10_000_000, ...HYDE],
      [day0 + 2 * D + 5, ...HYDE],
    ]);
    const { panel, report } = binIncidents(incidents, { res: 8, unit: 'day' });
    assertPanel(panel);
    expect(panel.cells).toEqual([loopCell, hydeCell].sort());
    expect([...panel.periods]).toEqual([day0, day0 + D, day0 + 2 * D]);
    expect(panel.end).toBe(day0 + 3 * D);
    const at = (p: number, cell: string): number => panel.counts[p * 2 + panel.cells.indexOf(cell)];
    expect([at(0, loopCell), at(0, hydeCell), at(1, loopCell), at(1, hydeCell), at(2, loopCell), at(2, hydeCell)]).toEqual([2, 1, 0, 0, 0, 1]);
    expect(report).toEqual({ input: 4, binned: 4, trimmedFirst: 0, trimmedLast: 0, notes: [] });
    expect(panel.bucket).toEqual({ unit: 'day', timeZone: 'UTC', clock: 'wall' });
    expect(panel.area[0]).toBeGreaterThan(600_000);
  });

  it('trims a partial first and last week and accounts for their incidents', () => {
    // Weeks start Monday: 2018-01-01, 01-08, 01-15. Data runs Wed 01-03 .. Thu 01-18.
    const incidents = makeIncidents([
      [Date.UTC(2018, 0, 3, 12), ...LOOP],
      [Date.UTC(2018, 0, 9, 12), ...LOOP],
      [Date.UTC(2018, 0, 10, 12), ...HYDE],
      [Date.UTC(2018, 0, 18, 12), ...HYDE],
    ]);
    const trimmed = binIncidents(incidents, { res: 8, unit: 'week' });
    expect([...trimmed.panel.periods]).toEqual([Date.UTC(2018, 0, 8)]);
    expect(panelTotal(trimmed.panel)).toBe(2);
    expect(trimmed.report).toMatchObject({ input: 4, binned: 2, trimmedFirst: 1, trimmedLast: 1 });
    expect(trimmed.report.notes).toEqual([
      'the first week (starting 2018-01-01) is only partly covered by the data: dropped',
      'the last week (starting 2018-01-15) is only partly covered by the data: dropped',
    ]);
    const kept = binIncidents(incidents, { res: 8, unit: 'week', trimPartial: false });
    expect(kept.panel.periods.length).toBe(3);
    expect(kept.report.binned).toBe(4);
  });

  it('keeps a complete first week (data from Monday) and a complete last month', () => {
    const incidents = makeIncidents([
      [Date.UTC(2018, 0, 1, 0, 5), ...LOOP],
      [Date.UTC(2018, 1, 28, 23), ...HYDE],
    ]);
    expect(binIncidents(incidents, { res: 8, unit: 'month' }).report.notes).toEqual([]);
    expect(binIncidents(incidents, { res: 8, unit: 'week' }).report.trimmedFirst).toBe(0);
  });

  it("buckets instant data on the chosen zone's calendar: 05:30 UTC is the previous day in Chicago", () => {
    const incidents = makeIncidents(
      [
        [Date.UTC(2018, 6, 2, 5, 30), ...LOOP], // 00:30 CDT on 07-02
        [Date.UTC(2018, 6, 2, 4, 30), ...LOOP], // 23:30 CDT on 07-01
      ],
      { clock: 'instant', timeZone: 'America/Chicago' },
    );
    const { panel } = binIncidents(incidents, { res: 8, unit: 'day' });
    expect([...panel.periods]).toEqual([Date.UTC(2018, 6, 1, 5), Date.UTC(2018, 6, 2, 5)]);
    expect([...panel.counts]).toEqual([1, 1]);
    const utc = binIncidents(incidents, { res: 8, unit: 'day', timeZone: 'UTC' });
    expect([...utc.panel.counts]).toEqual([2]);
  });

  it('refuses empty input and oversized panels with a reason', () => {
    expect(() => binIncidents(makeIncidents([]), { res: 8, unit: 'day' })).toThrow(/No incidents to bin/);
    const wide = makeIncidents([
      [0, ...LOOP],
      [400 * D, ...HYDE],
    ]);
    expect(() => binIncidents(wide, { res: 8, unit: 'hour', maxValues: 1000 })).toThrow(
      'a panel of 9,601 hour periods (120 kB for a single cell) is too large: the limit is 1,000 values (4 kB), ' +
        'and binning also holds 8 bytes per incident, 16 B for these 2; choose a coarser resolution or a longer time bucket; ' +
        'or keep fewer incidents (a category filter, a shorter date range), or raise the limit with the panel size limit setting where the memory is there',
    );
    // The Loop and Hyde Park (~11 km apart) first share a parent at resolution 4 (edge ~22 km).
    expect(() => binIncidents(wide, { res: 8, unit: 'hour', maxValues: 10_000 })).toThrow(
      'a panel of 9,601 hour periods × 2 cells = 19,202 values (150 kB) is too large: the limit is 10,000 values (40 kB), ' +
        'and binning also holds 8 bytes per incident, 16 B for these 2; ' +
        'coarser that fits: the time bucket setting at day (401 day periods × 2 cells = 802 values (6.4 kB)) or the resolution setting at 4 (≈ 9,601 hour periods × 1 cell = 9,601 values (120 kB)); ' +
        'or keep fewer incidents (a category filter, a shorter date range), or raise the limit with the panel size limit setting where the memory is there',
    );
    expect(() => binIncidents(wide, { res: 16, unit: 'day' })).toThrow(/resolution/);
  });

  it("names only the resolutions a shell offers (coarserAdvice), and no grid at all with 'none' (a claim check's variant)", () => {
    const wide = makeIncidents([
      [0, ...LOOP],
      [400 * D, ...HYDE],
    ]);
    const tail =
      'keep fewer incidents (a category filter, a shorter date range), or raise the limit with the panel size limit setting where the memory is there';
    const size =
      'a panel of 9,601 hour periods × 2 cells = 19,202 values (150 kB) is too large: the limit is 10,000 values (40 kB), and binning also holds 8 bytes per incident, 16 B for these 2; ';
    // Only resolution 4 fits with hourly buckets: the app, offering 5–10, is told of the day bucket alone.
    const offered = [5, 6, 7, 8, 9, 10];
    expect(() => binIncidents(wide, { res: 8, unit: 'hour', maxValues: 10_000, coarserAdvice: offered })).toThrow(
      `${size}coarser that fits: the time bucket setting at day (401 day periods × 2 cells = 802 values (6.4 kB)); or ${tail}`,
    );
    // Monthly (no longer bucket), 14 months kept whole × 2 cells over a limit of 20: only resolution 4 would fit, which is not offered.
    expect(() => binIncidents(wide, { res: 8, unit: 'month', trimPartial: false, maxValues: 20, coarserAdvice: offered })).toThrow(
      'a panel of 14 month periods × 2 cells = 28 values (240 B) is too large: the limit is 20 values (80 B), and binning also holds 8 bytes per incident, 16 B for these 2; ' +
        `neither a longer time bucket nor a coarser resolution on offer fits by itself: ${tail}`,
    );
    expect(() => binIncidents(wide, { res: 8, unit: 'month', trimPartial: false, maxValues: 20 })).toThrow(
      /; coarser that fits: the resolution setting at 4 \(≈ 14 month periods × 1 cell/,
    );
    // A variant's grid is not the user's to change: sizes, limit and how to raise it, no grid.
    expect(() => binIncidents(wide, { res: 8, unit: 'hour', maxValues: 10_000, coarserAdvice: 'none' })).toThrow(`${size}${tail}`);
  });

  it('gives the scratch pool only memory it owns, and only when a panel file follows (scratchNext)', () => {
    const day0 = Date.UTC(2018, 0, 1);
    const incidents = makeIncidents(Array.from({ length: 64 }, (_, i) => [day0 + i * 3_600_000, ...(i % 2 ? LOOP : HYDE)] as const));
    // An assigner whose cellId lives on shared memory it keeps (as an app or a thread might).
    let kept: Int32Array | null = null;
    const keeping =
      (scratch: boolean): CellAssigner =>
      (rows, window) => {
        const plain = assignCells(rows, window);
        kept = new Int32Array(new SharedArrayBuffer(plain.cellId.length * 4));
        kept.set(plain.cellId);
        return { ...plain, cellId: kept, ...(scratch && { scratch }) };
      };
    const takeAll = (): ArrayBufferLike[] => Array.from({ length: 4 }, () => takeInt32(64).buffer);
    try {
      binIncidents(incidents, { res: 8, unit: 'day', assign: keeping(false), scratchNext: true });
      expect(takeAll()).not.toContain(kept!.buffer); // not the binning's to give
      dropScratch();
      binIncidents(incidents, { res: 8, unit: 'day', assign: keeping(true), scratchNext: true });
      expect(takeAll()).toContain(kept!.buffer); // marked scratch: it serves the panel file next
      dropScratch();
      binIncidents(incidents, { res: 8, unit: 'day', assign: keeping(true) });
      expect(takeAll()).not.toContain(kept!.buffer); // no panel file follows: nothing stays pooled
    } finally {
      dropScratch();
    }
  });
});
