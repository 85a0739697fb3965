import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { autoPeriods, autoPeriodsParam, type PeriodsByBucket } from './auto-periods';
import { baselineForecaster } from './baseline-forecaster';

/**
 * Season length m used when the parameter is 0 ("auto"): a day of hours, a week of days, a
 * year of weeks (52: ISO years with 53 weeks drift by one week) or of months.
 */
export const SEASON_LENGTH: PeriodsByBucket = { hour: 24, day: 7, week: 52, month: 12 };

/**
 * The seasonal naive kernel: ŷ_{T+s,c} = y_{T+s−m·⌈s/m⌉, c} for s = 1 … horizon, i.e. each
 * step repeats the same season of the last complete cycle. Returns `horizon × cells`,
 * step-major. `counts` (period-major) must hold at least m periods; only the last m are read.
 * @example seasonalNaiveForecast(Float32Array.of(1, 2, 3), 1, 2, 3) // → Float32Array [2, 3, 2]
 */
export function seasonalNaiveForecast(counts: Float32Array, cells: number, m: number, horizon: number): Float32Array {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`seasonalNaiveForecast: season length m must be a whole number ≥ 1, got ${m}`);
  const T = periodsOf(counts, cells, m, 'seasonalNaiveForecast') - 1;
  const out = new Float32Array(horizon * cells);
  for (let s = 1; s <= horizon; s++) {
    const p = T + s - m * Math.ceil(s / m);
    out.set(counts.subarray(p * cells, (p + 1) * cells), (s - 1) * cells);
  }
  return out;
}

/**
 * The seasonal naive forecaster with season length m periods:
 * ŷ_{T+s} = y_{T+s−m·⌈s/m⌉} per cell (Hyndman & Athanasopoulos, FPP3 §5.2, "Seasonal naïve
 * method"). Unlike the other baselines its forecast changes with the step.
 *
 * minHistory m (a shorter history has no complete season to copy, and fit throws). A cell
 * with no incident in the season being copied is forecast 0. Name: `seasonal-naive(m=52)`.
 * @example seasonalNaive({ m: 2 }) on one cell with counts [1, 2, 3] → predict(3) = [2, 3, 2]
 */
export function seasonalNaive({ m }: { m: number }): Forecaster {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`seasonal-naive: season length m must be a whole number ≥ 1, got ${m}`);
  return baselineForecaster({
    name: `seasonal-naive(m=${m})`,
    minHistory: m,
    // Keep a copy of the last season only: m × cells values, whatever the history's length.
    fit: (history) => {
      const C = history.cells.length;
      return history.counts.slice(history.counts.length - m * C);
    },
    predict: (lastSeason, horizon) => seasonalNaiveForecast(lastSeason, lastSeason.length / m, m, horizon),
  });
}

/** Model definition of `seasonalNaive`; `m = 0` picks the season length from the bucket (`SEASON_LENGTH`). */
export const SEASONAL_NAIVE: ModelDefinition = {
  id: 'seasonal-naive',
  label: 'Seasonal naive',
  kind: 'baseline',
  summary: 'The count of the same season in the last cycle (same hour yesterday, same weekday last week, …).',
  params: [autoPeriodsParam({ name: 'm', label: 'Season length', what: 'Season length in periods', table: SEASON_LENGTH })],
  autoPeriods: [{ name: 'm', byBucket: SEASON_LENGTH, shrinks: false }],
  create: (params, context) => seasonalNaive({ m: autoPeriods(Number(params.m ?? 0), context.bucket.unit, SEASON_LENGTH) }),
};
