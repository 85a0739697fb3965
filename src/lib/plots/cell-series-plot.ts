import type { BucketUnit } from '../grid/time-bucket';
import { linePlot, type LinePlot } from './line-plot';
import { ACTUAL_STYLE } from './palette';

/** One cell's actual counts over time and each model's forecasts for the same periods. */
export interface CellSeriesInput {
  readonly periods: ArrayLike<number>;
  readonly actual: ArrayLike<number>;
  /** Start of the forecast period of each fold. */
  readonly forecastPeriods: ArrayLike<number>;
  /** `forecasts[m * folds + k]`. */
  readonly forecasts: ArrayLike<number>;
}

/**
 * A cell's time series: the actual counts (`ACTUAL_STYLE`: thick black with a dot a period, a style no model gets) from `context` periods before the first
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
  return linePlot([...series, { name: 'actual', kind: 'learned', x: periods, y: actual, style: ACTUAL_STYLE }], {
    width: options.width ?? 620,
    height: options.height ?? 300,
    xType: 'time',
    xUnit: options.unit,
    xLabel: `Start of the ${options.unit}`,
    yLabel: `Incidents per ${options.unit}`,
  });
}
