import type { BucketUnit } from '../grid/time-bucket';
import { linePlot, type LinePlot } from './line-plot';

/** One cell's actual counts over time and each model's forecasts for the same periods. */
export interface CellSeriesInput {
  readonly periods: ArrayLike<number>;
  readonly actual: ArrayLike<number>;
  /** Start of the forecast period of each fold. */
  readonly forecastPeriods: ArrayLike<number>;
  /** `forecasts[m * folds + k]`. */
  readonly forecasts: ArrayLike<number>;
}

/** The colour of the actual counts: black, apart from the Okabe–Ito model colours. */
export const ACTUAL_COLOUR = '#222222';

/**
 * A cell's time series: the actual counts (black) from `context` periods before the first
 * forecast to the end, and one line per model through its forecasts, in the same colours and
 * dashes as every other chart of the run (models first, so model m keeps style m).
 * @example cellSeriesPlot(series, ['naive'], { unit: 'week' }).series.map((s) => s.name) // → ['naive', 'actual']
 */
export function cellSeriesPlot(
  input: CellSeriesInput,
  models: readonly { readonly name: string; readonly kind: 'baseline' | 'learned' }[],
  options: { unit: BucketUnit; width?: number; height?: number; context?: number },
): LinePlot {
  const F = input.forecastPeriods.length;
  const first = F > 0 ? input.forecastPeriods[0] : input.periods[0];
  let start = 0;
  while (start < input.periods.length && input.periods[start] < first) start++;
  start = Math.max(0, start - (options.context ?? 26));
  const periods = Array.from(input.periods).slice(start);
  const actual = Array.from(input.actual).slice(start);
  const series = models.map((model, m) => ({
    name: model.name,
    kind: model.kind,
    x: Array.from(input.forecastPeriods),
    y: Array.from({ length: F }, (_, k) => input.forecasts[m * F + k]),
  }));
  const plot = linePlot([...series, { name: 'actual', kind: 'learned', x: periods, y: actual }], {
    width: options.width ?? 620,
    height: options.height ?? 300,
    xType: 'time',
    xUnit: options.unit,
    xLabel: `Start of the ${options.unit}`,
    yLabel: `Incidents per ${options.unit}`,
  });
  const last = plot.series.length - 1;
  return {
    ...plot,
    series: plot.series.map((s, i) => (i === last ? { ...s, colour: ACTUAL_COLOUR, dash: '' } : s)),
    legend: plot.legend.map((l, i) => (i === last ? { ...l, colour: ACTUAL_COLOUR, dash: '' } : l)),
  };
}
