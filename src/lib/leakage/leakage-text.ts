import { formatNumber, formatPercent } from '../base/format-number';
import { METRICS } from '../evaluate/metric-catalogue';
import type { LeakageRow } from './inflation';
import type { MetricKey } from './metric-series';

/**
 * A metric's column title: 'MAE', 'PAI @ 5 %'.
 * @example metricTitle({ metric: 'pai', coverage: 0.05 }) // → 'PAI @ 5 %'
 */
export function metricTitle(key: MetricKey): string {
  return key.coverage === undefined ? METRICS[key.metric].label : `${METRICS[key.metric].label} @ ${formatPercent(key.coverage)}`;
}

/**
 * A row's inflation as text: the mean, its 95 % interval, and the relative change of the metric
 * in the leak's favour ('+0.0329 [0.024, 0.0408] (+1.1 %)').
 * @example inflationText(row) // → '+4.51 [3.9, 5.16] (+144 %)'
 */
export function inflationText(row: LeakageRow): string {
  const { mean, lo, hi } = row.inflation;
  const signed = (x: number): string => (x > 0 ? `+${formatNumber(x)}` : formatNumber(x));
  const interval = Number.isNaN(lo) ? '' : ` [${formatNumber(lo)}, ${formatNumber(hi)}]`;
  const relative = relativeInflation(row);
  return `${signed(mean)}${interval}${Number.isFinite(relative) ? ` (${relative > 0 ? '+' : ''}${formatPercent(relative, 1)})` : ''}`;
}

/**
 * The inflation relative to the honest value: mean inflation / |honest mean| (NaN when the honest
 * mean is 0 or NaN). Positive = the leak flatters the metric by that share.
 * @example relativeInflation({ honest: { mean: 3.13 }, inflation: { mean: 4.51 } }) // → 1.44
 */
export function relativeInflation(row: Pick<LeakageRow, 'honest' | 'inflation'>): number {
  const base = Math.abs(row.honest.mean);
  return base > 0 ? row.inflation.mean / base : NaN;
}

/** Whether the whole interval of a row's inflation lies above 0 (flattered) or below (punished), or neither. */
export function inflationSign(row: LeakageRow): 'up' | 'down' | 'unclear' {
  if (row.inflation.lo > 0) return 'up';
  if (row.inflation.hi < 0) return 'down';
  return 'unclear';
}
