import { wallTimeOf, wallTimesOf } from '../grid/wall-time';
import type { ForecastSet } from '../evaluate/run-forecasts';
import type { StepScores } from '../evaluate/score-forecasts';
import type { Panel } from '../grid/panel';
import type { CellSeries, StepSlice } from './protocol';

/**
 * One map's worth of a run: the actual counts of the test period of fold `fold`, step `step`
 * (0-based), every model's forecast for it, models one after another (`forecasts[m × C + c]`),
 * and every model's scores of that step as `scoreForecasts` computed them (so the app shows the
 * core's numbers rather than recomputing them).
 * @example stepSliceOf(panel, forecasts, scores, 0, 0).period // → panel.periods[forecasts.cutoffs[0]]
 */
export function stepSliceOf(
  panel: Panel,
  forecasts: ForecastSet,
  scores: { readonly models: readonly { readonly steps: readonly StepScores[] }[] },
  fold: number,
  step: number,
): StepSlice {
  const C = panel.cells.length;
  const { cutoffs, horizon } = forecasts;
  checkIndex('fold', fold, cutoffs.length);
  checkIndex('step', step, horizon);
  const p = cutoffs[fold] + step;
  const values = new Float32Array(forecasts.models.length * C);
  forecasts.models.forEach((model, m) => values.set(model.values.subarray((fold * horizon + step) * C, (fold * horizon + step + 1) * C), m * C));
  const stepScores = scores.models.map((model) => model.steps[fold * horizon + step]);
  return {
    fold,
    step,
    period: wallTimeOf(panel.periods[p], panel.bucket),
    actual: panel.counts.slice(p * C, (p + 1) * C),
    forecasts: values,
    scores: stepScores,
  };
}

/**
 * One cell over a run: its whole actual series and each model's forecast `step` periods after
 * each cutoff (`forecasts[m × folds + k]`), with the start of each forecast period.
 * @example cellSeriesOf(panel, forecasts, 5, 0).actual.length // → panel.periods.length
 */
export function cellSeriesOf(panel: Panel, forecasts: ForecastSet, cell: number, step: number): CellSeries {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const { cutoffs, horizon } = forecasts;
  checkIndex('cell', cell, C);
  checkIndex('step', step, horizon);
  const actual = new Float32Array(P);
  for (let p = 0; p < P; p++) actual[p] = panel.counts[p * C + cell];
  const F = cutoffs.length;
  const values = new Float32Array(forecasts.models.length * F);
  forecasts.models.forEach((model, m) => {
    for (let k = 0; k < F; k++) values[m * F + k] = model.values[(k * horizon + step) * C + cell];
  });
  return {
    cell,
    step,
    periods: wallTimesOf(panel.periods, panel.bucket),
    actual,
    forecastPeriods: Float64Array.from(cutoffs, (cutoff) => wallTimeOf(panel.periods[cutoff + step], panel.bucket)),
    forecasts: values,
  };
}

/**
 * The period each forecast of a run is for, as wall-clock readings for display: entry
 * `k·h + s` is the period `s` steps after cutoff `k` (0-based), or the panel's end when that
 * step runs past the last period.
 * @example testPeriodsOf(weeklyPanel, [10, 11], 1) // → Float64Array [start of week 10, start of week 11]
 */
export function testPeriodsOf(panel: Pick<Panel, 'periods' | 'end' | 'bucket'>, cutoffs: readonly number[], horizon: number): Float64Array {
  const out = new Float64Array(cutoffs.length * horizon);
  cutoffs.forEach((cutoff, k) => {
    for (let s = 0; s < horizon; s++)
      out[k * horizon + s] = wallTimeOf(cutoff + s < panel.periods.length ? panel.periods[cutoff + s] : panel.end, panel.bucket);
  });
  return out;
}

function checkIndex(what: string, value: number, count: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= count) throw new RangeError(`${what} must be an integer from 0 to ${count - 1}, got ${value}`);
}
