import { describe, expect, it } from 'vitest';
import { areaChoropleth } from './area-choropleth';
import type { BinAreas } from '../../lib/worker/protocol';

// Two cells of 0.5 km² and 2 km²: 40 and 10 black residents of 100 and 0 people.
const areas: BinAreas = {
  attributes: {
    source: 'toy.geojson',
    cells: ['a', 'b'],
    groups: [{ name: 'black', values: Float64Array.from([40, 10]) }],
    total: { name: 'total', values: Float64Array.from([100, 0]) },
    others: [],
    covered: Float64Array.from([1, 0.25]),
    method: '',
  },
  lines: [],
  cellArea: Float64Array.from([0.5e6, 2e6]),
};

describe('areaChoropleth', () => {
  it('gives an amount per km² of cell: 40 / 0.5 = 80 and 10 / 2 = 5', () => {
    const map = areaChoropleth(areas, 'black', 'density');
    expect(Array.from(map.values)).toEqual([80, 5]);
    expect(map.title).toBe('black per km²');
    expect(map.describe(1)).toBe('b\nblack: 10 (5 per km²)\n25 % of the cell inside the areas');
  });

  it('gives a share of the total, NaN where the total is 0', () => {
    const map = areaChoropleth(areas, 'black', 'share');
    expect(Array.from(map.values)).toEqual([0.4, Number.NaN]);
    expect(map.describe(0)).toBe('a\nblack: 40 (40.0 % of total)\n100 % of the cell inside the areas');
    expect(map.describe(1)).toContain('(no total)');
  });
});
