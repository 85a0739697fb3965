import { utcDay, utcHour, utcMonday, utcMonth, utcYear, utcFormat, type CountableTimeInterval, type TimeInterval } from 'd3';
import type { BucketUnit } from '../grid/time-bucket';

/** A tick of a time axis: its time (epoch ms, UTC clock) and label. */
export interface TimeTick {
  readonly value: number;
  readonly label: string;
}

type Level = 'hour' | 'day' | 'week' | 'month' | 'year';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Tick intervals from fine to coarse: level, step and nominal length. Weeks start on Monday, as Hexcast's weeks do. */
const INTERVALS: readonly { readonly level: Level; readonly step: number; readonly ms: number; readonly base: CountableTimeInterval }[] = [
  ...[1, 3, 6, 12].map((step) => ({ level: 'hour' as const, step, ms: step * HOUR, base: utcHour })),
  ...[1, 2].map((step) => ({ level: 'day' as const, step, ms: step * DAY, base: utcDay })),
  ...[1, 2].map((step) => ({ level: 'week' as const, step, ms: step * 7 * DAY, base: utcMonday })),
  ...[1, 2, 3, 6].map((step) => ({ level: 'month' as const, step, ms: step * 30 * DAY, base: utcMonth })),
  ...[1, 2, 5, 10, 20, 50, 100].map((step) => ({ level: 'year' as const, step, ms: step * 365 * DAY, base: utcYear })),
];
const UNIT_MS: Readonly<Record<BucketUnit, number>> = { hour: HOUR, day: DAY, week: 7 * DAY, month: 30 * DAY };

const year = utcFormat('%Y');
const month = utcFormat('%b');
const monthYear = utcFormat('%b %Y');
const date = utcFormat('%b %-d');
const dateYear = utcFormat('%b %-d, %Y');
const time = utcFormat('%H:%M');
const dateTime = utcFormat('%b %-d %H:%M');

/**
 * Calendar ticks for a time axis on the UTC clock (how panels store wall-clock periods): the
 * finest of hours (1, 3, 6, 12), days (1, 2), Monday weeks (1, 2), months (1, 2, 3, 6) and years
 * that puts at most `count` ticks in [start, end] — and, with the `unit` of the buckets
 * plotted, never finer than a bucket, so monthly folds get month or year ticks, not weeks.
 * Labels name the year on the first tick and wherever it changes: 'Jun 2018', 'Jul', …, 'Jan
 * 2019'; days and weeks as 'Jun 4, 2018', 'Jun 11'; hours as 'Jan 1', '06:00'; years as '2018'.
 * @example timeTicks(Date.UTC(2017, 2, 1), Date.UTC(2017, 4, 1), 7, 'month').map((t) => t.label)
 *   // → ['Mar 2017', 'Apr', 'May'] (d3's own ticks would be weekly, on Sundays)
 */
export function timeTicks(start: number, end: number, count: number, unit?: BucketUnit): TimeTick[] {
  const floor = unit ? UNIT_MS[unit] : 0;
  const allowed = INTERVALS.filter((i) => i.ms >= floor);
  const rangeOf = (i: (typeof INTERVALS)[number]): Date[] => (i.base.every(i.step) as TimeInterval).range(new Date(start), new Date(end + 1));
  let chosen = allowed[allowed.length - 1];
  let dates = rangeOf(chosen);
  for (const interval of allowed) {
    // Estimate first: a fine interval over a long span would enumerate many dates for nothing.
    if ((end - start) / interval.ms > 4 * count) continue;
    const range = rangeOf(interval);
    if (range.length <= Math.max(1, count)) {
      chosen = interval;
      dates = range;
      break;
    }
  }
  return dates.map((d, k) => ({ value: +d, label: labelOf(chosen.level, d, k === 0 ? null : dates[k - 1]) }));
}

/** A tick's label at `level`, naming the year (or the day, for hours) when it differs from the previous tick's. */
function labelOf(level: Level, d: Date, previous: Date | null): string {
  const newYear = previous === null || previous.getUTCFullYear() !== d.getUTCFullYear();
  switch (level) {
    case 'year':
      return year(d);
    case 'month':
      return newYear ? monthYear(d) : month(d);
    case 'week':
    case 'day':
      return newYear ? dateYear(d) : date(d);
    case 'hour':
      if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return date(d);
      return previous === null ? dateTime(d) : time(d);
  }
}
