import { Dictionary, Int32, Utf8, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { AreaAttributes } from '../areas/area-attributes';
import type { Panel } from '../grid/panel';
import { forecastsFileBytes } from './forecasts-file';
import type { ForecastSet } from './run-forecasts';

// 2 cells × 3 periods, one fold at cutoff 2 with horizon 1; the areas list the cells in the other order.
const panel: Panel = {
  res: 8,
  bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
  cells: ['a', 'b'],
  area: Float64Array.from([1e6, 1e6]),
  periods: Float64Array.from([0, 1, 2]),
  end: 3,
  counts: new Float32Array(6),
};
const set = {
  protocol: { coverage: [0.05], seed: 1 },
  cutoffs: [2],
  horizon: 1,
  cells: 2,
  universe: Uint8Array.from([1, 1]),
  models: [{ name: 'naive', values: Float32Array.from([1, 2]) }],
} as unknown as ForecastSet;
const areas: AreaAttributes = {
  source: 'toy.geojson',
  cells: ['b', 'a'],
  groups: [{ name: 'black pop', values: Float64Array.from([30, 10]) }],
  total: { name: 'total', values: Float64Array.from([60, 20]) },
  others: [{ name: 'm2', values: Float64Array.from([5, 7]) }],
  covered: Float64Array.from([0.5, 1]),
  method: 'toy',
};

describe('forecastsFileBytes(…, areas)', () => {
  it('adds each cell’s apportioned attributes as area_<name>, matched by cell, without replacing area_m2', () => {
    const region = { mask: Uint8Array.from([1, 1]), cells: 2, area: 2e6, source: 'history' as const };
    const table = tableFromIPC(forecastsFileBytes(panel, set, region, { naiveScale: Float64Array.from([1]) }, areas));
    const column = (name: string): number[] => Array.from(table.getChild(name)!.toArray() as Float64Array);
    expect(table.schema.fields.map((f) => f.name).slice(-4)).toEqual(['area_black_pop', 'area_total', 'area_m2_2', 'area_covered']);
    expect(column('area_m2')).toEqual([1e6, 1e6]);
    expect(column('area_black_pop')).toEqual([10, 30]); // cell a, cell b
    expect(column('area_total')).toEqual([20, 60]);
    expect(column('area_m2_2')).toEqual([7, 5]);
    expect(column('area_covered')).toEqual([1, 0.5]);
    expect(JSON.parse(table.schema.metadata.get('hexcast.areas')!)).toEqual({ source: 'toy.geojson', groups: ['black pop'], total: 'total', method: 'toy' });
  });
});

describe('forecastsFileBytes', () => {
  it('writes the same bytes however many dictionaries the process made before (the cell dictionary has id 0)', () => {
    const region = { mask: Uint8Array.from([1, 1]), cells: 2, area: 2e6, source: 'history' as const };
    const write = (): Uint8Array => forecastsFileBytes(panel, set, region, { naiveScale: Float64Array.from([1]) });
    const first = write();
    new Dictionary(new Utf8(), new Int32()); // takes the next id of arrow-js's process-wide counter
    expect(Buffer.from(write()).equals(Buffer.from(first))).toBe(true);
    expect((tableFromIPC(first).schema.fields.find((f) => f.name === 'cell')!.type as Dictionary).id).toBe(0);
  });
});
