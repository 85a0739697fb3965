import type { BucketUnit } from '../../../lib/grid/time-bucket';

/**
 * A period's start (a wall-clock reading as UTC ms) as words for the paint lesson's sentences:
 * the day for days and weeks, the month for months, day and hour for hours.
 * @example periodLabel(Date.UTC(2017, 2, 6), 'week') // → '6 Mar 2017'
 */
export function periodLabel(start: number, unit: BucketUnit): string {
  const date = new Date(start);
  const day = date.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  if (unit === 'month') return date.toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
  if (unit === 'hour') return `${day}, ${String(date.getUTCHours()).padStart(2, '0')}:00`;
  return day;
}
