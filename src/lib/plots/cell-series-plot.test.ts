import { describe, expect, it } from 'vitest';
import { cellSeriesPlot } from './cell-series-plot';
import { ACTUAL_STYLE, MODEL_COLOURS } from './palette';

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
    expect(plot.series[0]).toMatchObject({ colour: MODEL_COLOURS[0], dash: '6 3', width: 2 });
    expect(plot.series[1]).toMatchObject({ colour: MODEL_COLOURS[1], dash: '', width: 2 });
    expect(plot.series[2]).toMatchObject({ colour: '#000000', dash: '', width: 3, marker: 'dot' });
    expect(plot.legend[2]).toMatchObject(ACTUAL_STYLE);
    expect(plot.series[2].points).toHaveLength(14); // periods 26–39
    expect(plot.series[1].points.map((p) => p.value)).toEqual([2, 2, 2, 2]);
  });

  it('with 16 models (the eighth a solid learned GLM) the actual counts share their style with none', () => {
    const models = Array.from({ length: 16 }, (_, m) => ({ name: `model-${m}`, kind: m < 8 ? ('baseline' as const) : ('learned' as const) }));
    const plot = cellSeriesPlot({ periods, actual: new Float32Array(40), forecastPeriods: periods.subarray(38, 40), forecasts: new Float32Array(32) }, models, {
      unit: 'week',
    });
    const actual = plot.series.at(-1)!;
    for (const s of plot.series.slice(0, -1)) {
      expect(s.colour).not.toBe(actual.colour);
      expect(s.width).toBeLessThan(actual.width);
      expect(s.marker).toBeUndefined();
    }
  });
});
