import { describe, expect, it } from 'vitest';
import { hotspotScores, mae } from '../../lib/evaluate/metrics';
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
const actual = Float32Array.from([0, 2, 1, 1]);
const forecasts = Float32Array.from([0, 1, 1, 0, 3, 0.5, 0.5, 0]);
// The slice as the worker sends it: the scores are the core's, computed once by scoreForecasts.
const scores = [0, 1].map((m) => {
  const f = forecasts.subarray(m * 4, (m + 1) * 4);
  return { mae: mae(f, actual), hotspot: hotspotScores(f, actual, run.area, run.region, [0.25]) };
});
const slice: StepSlice = { fold: 0, step: 0, period: 0, actual, forecasts, scores };

describe('mapLayer', () => {
  it("mapLayer(…, 'hotspots', model 1, 0.25) flags kde's top cell and states the core's hit rate and PAI", () => {
    const layer = mapLayer(run, slice, 'hotspots', 1, 0.25);
    expect(layer.fills).toEqual([HOTSPOT_CLASSES[1].colour, HOTSPOT_CLASSES[4].colour, HOTSPOT_CLASSES[4].colour, HOTSPOT_CLASSES[4].colour]);
    expect(layer.caption).toBe('kde flags exactly 25 % of the study area: 1 cells whole, holding 0 of 4 incidents (hit rate 0 %; PAI 0).');
  });

  it("mapLayer(…, 'hotspots', model 0, 0.25) marks naive's tie at the boundary and gives the range the tie allows", () => {
    // naive forecasts (0, 1, 1, 0): 1 m² of the 2 m² tie {b, c} (2 + 1 incidents) → 1.5 of 4 expected,
    // hit rate 37.5 %, PAI 1.5; c first → 1 (25 %, PAI 1); b first → 2 (50 %, PAI 2).
    const layer = mapLayer(run, slice, 'hotspots', 0, 0.25);
    expect(layer.fills).toEqual([HOTSPOT_CLASSES[5].colour, HOTSPOT_CLASSES[2].colour, HOTSPOT_CLASSES[2].colour, HOTSPOT_CLASSES[4].colour]);
    expect(layer.describe(1)).toBe('b\nactual 2 · naive 1\ntied at the boundary, flagged in part, had incidents');
    expect(layer.caption).toBe(
      'naive flags exactly 25 % of the study area: 0 cells whole and 50 % of the area of 2 cells tied at the boundary, holding 1.5 of 4 incidents ' +
        '(hit rate 37.5 %; PAI 1.5; tied cells worst- to best-first: hit rate 25 %–50 %, PAI 1–2).',
    );
  });

  it('mapLayer(…) prints the scores it is given, not numbers of its own', () => {
    const hotspot = [{ ...scores[1].hotspot[0], hitRate: 0.123, pai: 0.492 }];
    const given: StepSlice = {
      ...slice,
      scores: [
        { mae: 7.25, hotspot },
        { mae: 7.25, hotspot },
      ],
    };
    expect(mapLayer(run, given, 'hotspots', 1, 0.25).caption).toContain('(hit rate 12.3 %; PAI 0.492)');
    expect(mapLayer(run, given, 'error', 0, 0.25).caption).toContain('mean absolute error 7.25');
    expect(() => mapLayer(run, given, 'hotspots', 1, 0.5)).toThrow(/not scored at coverage 0.5/);
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
