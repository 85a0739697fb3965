import { formatNumber, formatPercent } from '../../base/format-number';
import type { ExposureInterval } from './report-exposure';

/**
 * A number of the exposure section as read back from report JSON, where NaN was written as null.
 * @example reportNumber(null) // → NaN; reportNumber(0.5) // → 0.5
 */
export function reportNumber(x: number | null | undefined): number {
  return typeof x === 'number' ? x : Number.NaN;
}

/**
 * A share with its fold interval, for tables: '62.5 % [58.1, 66.0]' (no brackets without an interval).
 * @example formatShare({ mean: 0.625, lo: 0.581, hi: 0.66, n: 8 }) // → '62.5 % [58.1, 66.0]'
 */
export function formatShare(x: ExposureInterval): string {
  const [mean, lo, hi] = [x.mean, x.lo, x.hi].map(reportNumber);
  const interval = Number.isNaN(lo) ? '' : ` [${formatNumber(lo * 100)}, ${formatNumber(hi * 100)}]`;
  return `${formatPercent(mean)}${interval}`;
}

/**
 * An exposure ratio with its fold interval: '×2.40 [1.90, 2.80]'.
 * @example formatRatio({ mean: 2.4, lo: 1.9, hi: 2.8, n: 8 }) // → '×2.40 [1.90, 2.80]'
 */
export function formatRatio(x: ExposureInterval): string {
  const [mean, lo, hi] = [x.mean, x.lo, x.hi].map(reportNumber);
  const interval = Number.isNaN(lo) ? '' : ` [${formatNumber(lo)}, ${formatNumber(hi)}]`;
  return `×${formatNumber(mean)}${interval}`;
}
