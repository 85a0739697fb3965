import { describe, expect, it } from 'vitest';
import { cellOf, centreOf, isCell } from '../grid/h3';
import { emptyDropCounts, type Incidents } from '../io/incidents';
import { ResolutionCells } from './resolution-cells';

// Two siblings under one resolution-8 parent: digit 9 of '892664c1a9bffff' is 6 (bits 20–18 of
// 0x9bffff); with digit 9 = 0 the low bits are 0x83ffff. Their parent is '882664c1a9fffff'.
const CELL = '892664c1a9bffff';
const SIBLING = '892664c1a83ffff';
const PORTLAND = cellOf({ lat: 45.52, lng: -122.68, res: 9 });

function incidents(points: readonly { cell: string; category: number }[]): Incidents {
  const at = points.map((p) => centreOf(p.cell));
  const n = points.length;
  return {
    length: n,
    time: new Float64Array(n),
    lat: Float64Array.from(at, (p) => p.lat),
    lng: Float64Array.from(at, (p) => p.lng),
    category: Int32Array.from(points, (p) => p.category),
    categories: ['A', 'B'],
    clock: 'wall',
    timeZone: null,
    report: { files: [], read: n, kept: n, dropped: emptyDropCounts(), examples: [], warnings: [] },
  };
}

describe('ResolutionCells', () => {
  const data = incidents([
    { cell: CELL, category: 0 },
    { cell: CELL, category: 0 },
    { cell: SIBLING, category: 1 },
    { cell: PORTLAND, category: 1 },
  ]);

  it('the sibling cells are valid and the test data sits in them', () => {
    expect(isCell(SIBLING)).toBe(true);
    expect(cellOf({ ...centreOf(SIBLING), res: 9 })).toBe(SIBLING);
  });

  it.each([
    [null, [2, 2, 3]], // res 5: Chicago, Portland; res 8: the siblings' parent, Portland; res 9: three cells
    [['A'], [1, 1, 1]], // only the two incidents in CELL
    [['B'], [2, 2, 2]], // SIBLING and Portland
    [[], [0, 0, 0]],
    [{ except: ['B'] }, [1, 1, 1]], // all but B: as ['A']
    [{ except: [] }, [2, 2, 3]],
  ] as const)('count(%j) at resolutions 5, 8, 9 is %j', (keep, cells) => {
    const counter = new ResolutionCells(data, [9, 5, 8]);
    expect(counter.count(keep)).toEqual([
      { res: 5, cells: cells[0] },
      { res: 8, cells: cells[1] },
      { res: 9, cells: cells[2] },
    ]);
  });

  it('refuses an empty list of resolutions', () => {
    expect(() => new ResolutionCells(data, [])).toThrow('ResolutionCells needs at least one resolution');
  });
});
