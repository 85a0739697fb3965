import type { RegressionLessonOutput } from '../../../lib/lessons/regression-lesson';
import { linePlot, type LinePlot } from '../../../lib/plots/line-plot';
import { MODEL_COLOURS } from '../../../lib/plots/palette';

/**
 * The lesson's chart: the hottest cells' mean count from the selection period on, in the real
 * data (blue) and in the shown simulated world (orange), each with the level it tends to as a
 * dashed line (their long-run mean; their true rate). x = periods after the selection.
 * @example regressionPlot(output, 360).series.map((s) => s.name) // → ['Real: hottest cells', 'Real: their long-run mean', …]
 */
export function regressionPlot(output: RegressionLessonOutput, width: number): LinePlot {
  const steps = Array.from(output.real.series, (_, s) => s);
  const flat = (v: number): number[] => steps.map(() => v);
  const [real, world] = [MODEL_COLOURS[0], MODEL_COLOURS[1]];
  return linePlot(
    [
      { name: 'Real: hottest cells', x: steps, y: output.real.series, style: { colour: real, dash: '', width: 3, marker: 'dot' } },
      { name: 'Real: their long-run mean', x: steps, y: flat(output.real.level), style: { colour: real, dash: '6 3', width: 2 } },
      { name: 'No change: hottest cells', x: steps, y: output.world.series, style: { colour: world, dash: '', width: 3, marker: 'dot' } },
      { name: 'No change: their true rate', x: steps, y: flat(output.world.level), style: { colour: world, dash: '6 3', width: 2 } },
    ],
    {
      width,
      height: 260,
      xLabel: `${output.unit}s after the selection ${output.unit}`,
      yLabel: 'mean count per cell',
      yDomain: [0, Math.max(1, ...output.real.series.filter(Number.isFinite), ...output.world.series)],
      xFormat: (v) => (Number.isInteger(v) ? String(v) : ''),
    },
  );
}
