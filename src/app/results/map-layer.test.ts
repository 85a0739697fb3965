import { describe, expect, it } from 'vitest';
import { HOTSPOT_CLASSES } from '../../lib/plots/hotspot-classes';
import { ZERO_FILL } from '../../lib/plots/colour-scale';
import type { RunResult, StepSlice } from '../../lib/worker/protocol';
import { mapLayer } from './map-layer';

const run = {
  models: ['naive', 'kde'],
  cells: ['a', 'b', 'c', 'd'],
  area: Float64Array.from([1, 1, 1, 1]),
  region: Uint8Array.from([1, 1, 1, 1]),
} as unknown as RunResult;
const slice: StepSlice = { fold: 0, step: 0, period: 0, actual: Float32Array.from([0, 2, 1, 1]), forecasts: Float32Array.from([0, 1, 1, 0, 3, 0.5, 0.5, 0]) };

describe('mapLayer', () => {
  it("mapLayer(…, 'hotspots', model 1, 0.25) flags kde's top cell and reports its hit rate and PAI", () => {
    const layer = mapLayer(run, slice, 'hotspots', 1, 0.25);
    expect(layer.fills).toEqual([HOTSPOT_CLASSES[1].colour, HOTSPOT_CLASSES[2].colour, HOTSPOT_CLASSES[2].colour, HOTSPOT_CLASSES[2].colour]);
    expect(layer.caption).toBe('kde flags 1 cells (25 % of the study area) that held 0 of 4 incidents (hit rate 0 %; PAI 0).');
  });

  it("mapLayer(…, 'error', model 0) describes forecast − actual per cell", () => {
    const layer = mapLayer(run, slice, 'error', 0, 0.25);
    expect(layer.describe(1)).toBe('b\nactual 2 · naive 1\nerror −1');
    expect(layer.caption).toBe('Forecast minus actual count per cell; mean absolute error 0.5.');
  });

  it("mapLayer(…, 'actual') shares one scale with the forecasts and leaves zero cells grey", () => {
    const layer = mapLayer(run, slice, 'actual', 0, 0.25);
    expect(layer.fills[0]).toBe(ZERO_FILL);
    expect(layer.caption).toBe('4 incidents in this period.');
    expect('scale' in layer.legend && layer.legend.scale.ticks.at(-1)?.label).toBe('3');
  });
});
