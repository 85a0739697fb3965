import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaryOf, cellOf, centreOf, diskOf } from '../grid/h3';
import { apportionAreas } from './apportion-areas';
import { chooseAreaColumns } from './choose-area-columns';
import { readAreas } from './read-areas';

// A toy grid: a res-7 cell and its six neighbours (1 + 6 cells), four of them in the panel.
const centre = cellOf({ lat: 40.61, lng: -74.41, res: 7 });
const [a, b, c, d, e] = diskOf({ cell: centre, k: 1 }).flat();
const panelCells = [a, b, c, d];
// Each toy polygon is a cell's hexagon shrunk by 5 % towards its centre (in degrees), so it lies
// strictly inside that cell: H3's own hexagons put some fine-cell centres exactly on their edges.
const hexagon = (cell: string): number[][][] => {
  const { lat, lng } = centreOf(cell);
  return [boundaryOf(cell).map(([x, y]) => [lng + 0.95 * (x - lng), lat + 0.95 * (y - lat)])];
};

function toy(features: object[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}
const P1 = { type: 'Feature', id: 'P1', properties: { black: '40', white: '60', total_pop: '100' }, geometry: { type: 'Polygon', coordinates: hexagon(a) } };
const P2 = {
  type: 'Feature',
  id: 'P2',
  properties: { black: 30, white: '30', total_pop: '60' },
  geometry: { type: 'MultiPolygon', coordinates: [hexagon(b), hexagon(c)] },
};
// P3 lies on cell e, outside the panel: its whole amount is accounted as outside.
const P3 = { type: 'Feature', id: 'P3', properties: { black: 5, white: 5, total_pop: 10 }, geometry: { type: 'Polygon', coordinates: hexagon(e) } };

describe('apportionAreas on a toy grid (1 + 6 res-7 cells, two polygons in the panel, one beside it)', () => {
  const layer = readAreas('toy.geojson', toy([P1, P2, P3]));
  const { attributes, apportioning } = apportionAreas(layer, panelCells, 7, chooseAreaColumns(layer, {}));

  it('gives P1 (cell a) whole to a, and splits P2 (cells b and c) by area, about half each', () => {
    const black = attributes.groups.find((g) => g.name === 'black')!.values;
    const total = attributes.total.values;
    // P1 is cell a's hexagon: every res-10 cell with its centre in it lies in a.
    expect(total[0]).toBeCloseTo(100, 9);
    expect(black[0]).toBeCloseTo(40, 9);
    // P2 = hexagons b ∪ c, 60 people: 60 · a_b / (a_b + a_c), the two hexagons' areas within 1 % of each other.
    expect(total[1]).toBeGreaterThan(29.7);
    expect(total[1]).toBeLessThan(30.3);
    expect(total[1] + total[2]).toBeCloseTo(60, 9);
    expect(black[1] + black[2]).toBeCloseTo(30, 9);
    // Cell d holds no polygon.
    expect(total[3]).toBe(0);
  });

  it('accounts for coverage and the polygon outside the cells', () => {
    // The polygon covers 0.95² = 90.25 % of cell a, measured by res-10 cells (1/343 of a cell each).
    expect(attributes.covered[0]).toBeGreaterThan(0.9025 - 0.02);
    expect(attributes.covered[0]).toBeLessThan(0.9025 + 0.02);
    expect(attributes.covered[3]).toBe(0);
    expect(apportioning).toMatchObject({ fineRes: 10, inside: 2, outside: ['P3'], tiny: [] });
    // 3 of 4 cells, each 90.25 % covered: 67.7 %.
    expect(apportioning.coveredArea / apportioning.cellArea).toBeGreaterThan(0.677 - 0.015);
    expect(apportioning.coveredArea / apportioning.cellArea).toBeLessThan(0.677 + 0.015);
    const totalPop = apportioning.columns.find((col) => col.name === 'total_pop')!;
    expect(totalPop.inFile).toBe(170);
    expect(totalPop.inCells).toBeCloseTo(160, 9); // P3's 10 are outside
    expect(attributes.method).toMatch(/resolution-10 cells/);
  });

  it('chooses its fine resolution from the polygons that meet the cells: a vast polygon far away does not coarsen it', () => {
    const far = {
      type: 'Feature',
      id: 'FAR',
      properties: { black: 1, white: 1, total_pop: 2 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [10, 0],
            [30, 0],
            [30, 20],
            [10, 20],
            [10, 0],
          ],
        ],
      },
    };
    const wide = readAreas('wide.geojson', toy([P1, P2, P3, far]));
    const { apportioning: wider } = apportionAreas(wide, panelCells, 7, chooseAreaColumns(wide, {}));
    expect(wider).toMatchObject({ fineRes: 10, outside: ['P3', 'FAR'] });
  });

  it('does not depend on the order of the polygons', () => {
    const reversed = readAreas('toy.geojson', toy([P3, P2, P1]));
    const again = apportionAreas(reversed, panelCells, 7, chooseAreaColumns(reversed, {}));
    for (let col = 0; col < attributes.groups.length; col++) {
      const name = attributes.groups[col].name;
      const other = again.attributes.groups.find((g) => g.name === name)!.values;
      attributes.groups[col].values.forEach((v, i) => expect(other[i]).toBeCloseTo(v, 9));
    }
    again.attributes.covered.forEach((v, i) => expect(v).toBeCloseTo(attributes.covered[i], 12));
    expect(again.apportioning.outside).toEqual(['P3']);
  });

  it('gives a polygon inside one cell all of its amount to that cell', () => {
    // P2 with hexagon b alone: all 60 people go to b.
    const split = readAreas('split.geojson', toy([{ ...P2, geometry: { type: 'Polygon', coordinates: hexagon(b) } }]));
    const out = apportionAreas(split, panelCells, 7, chooseAreaColumns(split, {}));
    expect(out.attributes.total.values[1]).toBeCloseTo(60, 9);
    expect(out.attributes.total.values[2]).toBe(0);
  });

  it('places a polygon smaller than one fine cell whole, and says so', () => {
    // A triangle of about 1 m² near cell a's centre, between fine-cell centres (res-10 cells are ~15,000 m²).
    const { lat, lng } = centreOf(a);
    const [x, y] = [lng + 0.0003, lat + 0.0002];
    const speck = [
      [x, y],
      [x + 1e-5, y],
      [x, y + 1e-5],
      [x, y],
    ];
    const tiny = readAreas('tiny.geojson', toy([{ ...P1, id: 'speck', geometry: { type: 'Polygon', coordinates: [speck] } }]));
    const out = apportionAreas(tiny, panelCells, 7, chooseAreaColumns(tiny, {}));
    expect(out.apportioning.tiny).toEqual(['speck']);
    expect(out.attributes.total.values.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
  });
});

describe('apportionAreas on Plainfield (35 block groups) over its res-8 cells', () => {
  const text = readFileSync(new URL('../../../../shared/data/plainfield-nj-block-groups.geojson', import.meta.url), 'utf8');
  const layer = readAreas('plainfield-nj-block-groups.geojson', text);
  const cells = [...new Set(layer.features.flatMap((f) => f.polygons[0][0].map(([lng, lat]) => cellOf({ lat, lng, res: 8 }))))].sort();
  const disk = [...new Set(cells.flatMap((cell) => diskOf({ cell, k: 1 }).flat()))].sort();
  const { attributes, apportioning } = apportionAreas(layer, disk, 8, chooseAreaColumns(layer, {}));

  it('keeps every person: the groups and the total sum to the file within rounding', () => {
    const sum = (v: Float64Array): number => v.reduce((s, x) => s + x, 0);
    expect(attributes.groups.map((g) => g.name)).toEqual(['asian_lb', 'black_lb', 'white_lb']);
    expect(attributes.total.name).toBe('total_race_lb');
    for (const column of apportioning.columns) expect(column.inCells).toBeCloseTo(column.inFile, 6);
    expect(sum(attributes.total.values)).toBeCloseTo(apportioning.columns.find((c) => c.name === 'total_race_lb')!.inFile, 6);
    expect(apportioning).toMatchObject({ fineRes: 11, inside: 35, partly: [], outside: [], tiny: [] });
  });
});
