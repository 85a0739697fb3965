import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeIncidents } from '../../../test/fixtures/make-incidents';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { binIncidents } from './bin-incidents';
import { CELL_NAME_RULE, cellPlaceNames } from './cell-place-names';
import { cellOf } from './h3';

describe('cellPlaceNames', () => {
  it('names a cell by its most common place; a tie goes to the value that sorts first; no value → null', () => {
    // cell 0: West End ×2, Kitsilano ×1 → West End; cell 1: one each → Kitsilano (sorts first); cell 2: only rows without a place → null;
    // the unbinned row (−1) is not counted.
    const names = cellPlaceNames(Int32Array.of(0, 0, 0, 1, 1, 2, -1), 3, Int32Array.of(1, 1, 0, 1, 0, -1, 0), ['Kitsilano', 'West End']);
    expect(names).toEqual(['West End', 'Kitsilano', null]);
    expect(CELL_NAME_RULE).toMatch(/most common value .* a tie goes to the value that sorts first/);
  });
});

describe('binIncidents names cells by the place column', () => {
  it('carries one name per cell, in cell order, and none without a place column', () => {
    const a = { lat: 41.88, lng: -87.63 };
    const b = { lat: 41.79, lng: -87.6 };
    const day = 86_400_000;
    const incidents = {
      ...makeIncidents([
        [0, a.lat, a.lng],
        [day, a.lat, a.lng],
        [2 * day, a.lat, a.lng],
        [0, b.lat, b.lng],
        [day, b.lat, b.lng],
      ]),
      place: Int32Array.of(0, 0, 1, 1, 0),
      places: ['Loop', 'Near South Side'],
    };
    const { panel, cellNames } = binIncidents(incidents, { res: 8, unit: 'day' });
    const name = (p: { lat: number; lng: number }): string | null | undefined => cellNames?.[panel.cells.indexOf(cellOf({ ...p, res: 8 }))];
    expect(name(a)).toBe('Loop'); // 2 × Loop, 1 × Near South Side
    expect(name(b)).toBe('Loop'); // 1 each: a tie, 'Loop' sorts first
    expect(binIncidents(makeIncidents([[0, a.lat, a.lng]]), { res: 8, unit: 'day' }).cellNames).toBeNull();
  });

  it('on the Chicago file: with community_area as the place, every cell is named and the cell at State & Madison is community area 32 (the Loop)', () => {
    const source = readArrow(readFileSync('../shared/data/chicago-crimes-2014-2018.arrow'), 'chicago.arrow');
    const incidents = loadIncidents([source], {
      time: { column: 'occurred_at' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'primary_type',
      categories: ['THEFT'],
      place: 'community_area',
    });
    const { panel, cellNames } = binIncidents(incidents, { res: 9, unit: 'month' });
    expect(cellNames).toHaveLength(panel.cells.length);
    expect(cellNames?.every((n) => n !== null)).toBe(true);
    const loop = panel.cells.indexOf(cellOf({ lat: 41.8819, lng: -87.6278, res: 9 }));
    expect(loop).toBeGreaterThanOrEqual(0);
    expect(cellNames?.[loop]).toBe('32');
  });
});
