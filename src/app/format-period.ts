import type { BucketUnit } from '../lib/grid/time-bucket';

/**
 * The start of a period as people write it for its bucket: '2018-11-05' for days and weeks,
 * '2018-11' for months, '2018-11-05 14:00' for hours. Times are read on the UTC clock, which is
 * how the panel stores wall-clock readings.
 * @example formatPeriod(Date.UTC(2018, 10, 5), 'week') // → '2018-11-05'
 */
export function formatPeriod(t: number, unit: BucketUnit): string {
  if (!Number.isFinite(t)) return '–';
  const iso = new Date(t).toISOString();
  if (unit === 'month') return iso.slice(0, 7);
  if (unit === 'hour') return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(0, 10);
}
