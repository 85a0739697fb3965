import { formatNumber, formatPercent } from '../../base/format-number';
import type { ExposureInterval } from './report-exposure';

/**
 * A share with its fold interval, for tables: '62.5 % [58.1, 66.0]' (no brackets without an interval).
 * @example formatShare({ mean: 0.625, lo: 0.581, hi: 0.66, n: 8 }) // → '62.5 % [58.1, 66.0]'
 */
export function formatShare(x: ExposureInterval): string {
  const interval = Number.isNaN(x.lo) ? '' : ` [${formatNumber(x.lo * 100)}, ${formatNumber(x.hi * 100)}]`;
  return `${formatPercent(x.mean)}${interval}`;
}

/**
 * An exposure ratio with its fold interval: '×2.40 [1.90, 2.80]'.
 * @example formatRatio({ mean: 2.4, lo: 1.9, hi: 2.8, n: 8 }) // → '×2.40 [1.90, 2.80]'
 */
export function formatRatio(x: ExposureInterval): string {
  const interval = Number.isNaN(x.lo) ? '' : ` [${formatNumber(x.lo)}, ${formatNumber(x.hi)}]`;
  return `×${formatNumber(x.mean)}${interval}`;
}
