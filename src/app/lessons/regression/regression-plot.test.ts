import { describe, expect, it } from 'vitest';
import type { RegressionLessonOutput } from '../../../lib/lessons/regression-lesson';
import { regressionPlot } from './regression-plot';

const side = (series: number[], level: number) => ({ series: Float64Array.from(series), level, change: series[1] / series[0] - 1, persistence: 0.2 });
const output = {
  unit: 'week',
  real: side([5, 2, 2, 2, 2], 2),
  world: side([4, 1.5, 2, 1.5, 1.5], 1.75),
} as unknown as RegressionLessonOutput;

describe('regressionPlot(output, width)', () => {
  it('draws the real and the simulated hottest cells, each with the level they tend to, against weeks after the selection', () => {
    const plot = regressionPlot(output, 360);
    expect(plot.series.map((s) => [s.name, s.dash, s.points.length])).toEqual([
      ['Real: hottest cells', '', 5],
      ['Real: their long-run mean', '6 3', 5],
      ['No change: hottest cells', '', 5],
      ['No change: their true rate', '6 3', 5],
    ]);
    expect(plot.xLabel).toBe('weeks after the selection week');
    expect(plot.xTicks.map((t) => t.label).filter(Boolean)).toEqual(['0', '1', '2', '3', '4']);
    expect(plot.width).toBe(360);
  });
});
