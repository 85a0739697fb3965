import { describe, expect, it } from 'vitest';
import { ACTUAL_COLOUR, cellSeriesPlot } from './cell-series-plot';
import { OKABE_ITO } from './palette';

const WEEK = 7 * 86_400_000;
const periods = Float64Array.from({ length: 40 }, (_, p) => Date.UTC(2018, 0, 1) + p * WEEK);

describe('cellSeriesPlot', () => {
  it('shows the models in their run colours and the actual counts in black, from `context` periods before the first forecast', () => {
    const plot = cellSeriesPlot(
      {
        periods,
        actual: Float32Array.from({ length: 40 }, (_, p) => p % 3),
        forecastPeriods: periods.subarray(36, 40),
        forecasts: Float32Array.from([1, 1, 1, 1, 2, 2, 2, 2]),
      },
      [
        { name: 'naive', kind: 'baseline' },
        { name: 'mlp', kind: 'learned' },
      ],
      { unit: 'week', context: 10 },
    );
    expect(plot.series.map((s) => s.name)).toEqual(['naive', 'mlp', 'actual']);
    expect(plot.series[0].colour).toBe(OKABE_ITO[0]);
    expect(plot.series[1].colour).toBe(OKABE_ITO[1]);
    expect(plot.series[2].colour).toBe(ACTUAL_COLOUR);
    expect(plot.legend[2].colour).toBe(ACTUAL_COLOUR);
    expect(plot.series[2].points).toHaveLength(14); // periods 26–39
    expect(plot.series[1].points.map((p) => p.value)).toEqual([2, 2, 2, 2]);
  });
});
