import { describe, expect, it } from 'vitest';
import type { Panel } from './panel';
import { regionFromCells, studyRegion } from './study-region';
import { extendPanel } from './extend-panel';
import { boundaryCells } from './boundary-cells';
import { areaOf, cellOf, diskOf, boundaryOf } from './h3';

const centre = cellOf({ lat: 41.8781, lng: -87.6298, res: 8 });
const cells = diskOf({ cell: centre, k: 1 }).flat().sort();
const area = Float64Array.from(cells, areaOf);
// 3 periods × 7 cells: cell 0 active in period 0, cell 1 only in period 2 (after the cutoff).
const counts = new Float32Array(21);
counts[0] = 2;
counts[2 * 7 + 1] = 5;
const panel: Panel = { res: 8, bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' }, cells, area, periods: Float64Array.from([0, 1, 2]), end: 3, counts };

describe('studyRegion', () => {
  it('takes only cells active before the first cutoff, so the region never peeks at the test span', () => {
    const region = studyRegion(panel, 2);
    expect(Array.from(region.mask)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(region).toMatchObject({ cells: 1, area: area[0], source: 'history' });
    expect(studyRegion(panel, 3).cells).toBe(2);
  });

  it('rejects a cutoff outside the panel and an empty region', () => {
    expect(() => studyRegion(panel, 0)).toThrow(/from 1 to 3/);
    expect(() => regionFromCells(panel, [])).toThrow(/study region is empty/);
  });
});

describe('extendPanel and boundaryCells', () => {
  it('adds zero-count cells in sorted position and keeps every count where it was', () => {
    const ring2 = diskOf({ cell: centre, k: 2 })[2];
    const bigger = extendPanel(panel, ring2);
    expect(bigger.cells).toHaveLength(7 + 12);
    expect([...bigger.cells]).toEqual([...bigger.cells].sort());
    const at = (p: Panel, t: number, cell: string): number => p.counts[t * p.cells.length + p.cells.indexOf(cell)];
    expect(at(bigger, 0, cells[0])).toBe(2);
    expect(at(bigger, 2, cells[1])).toBe(5);
    expect(at(bigger, 1, ring2[0])).toBe(0);
    expect(Array.from(bigger.counts).reduce((a, b) => a + b, 0)).toBe(7);
    expect(extendPanel(panel, cells)).toBe(panel);
    expect(() => extendPanel(panel, ['87283472bffffff'])).toThrow(/resolution 7, the panel at 8/);
  });

  it('covers a GeoJSON polygon drawn around one cell with exactly that cell', () => {
    const ring = boundaryOf(centre);
    expect(boundaryCells({ type: 'Polygon', coordinates: [ring] }, 8)).toEqual([centre]);
    const feature = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } }] };
    expect(boundaryCells(feature, 8)).toEqual([centre]);
    // At res 9 the cell's 7 children have centres inside it.
    expect(boundaryCells({ type: 'Polygon', coordinates: [ring] }, 9)).toHaveLength(7);
  });

  it('names the GeoJSON type it cannot use', () => {
    expect(() => boundaryCells({ type: 'LineString', coordinates: [] }, 8)).toThrow('The boundary is a GeoJSON LineString; expected a Polygon or MultiPolygon');
    expect(() => boundaryCells(42, 8)).toThrow(/not GeoJSON/);
  });
});
