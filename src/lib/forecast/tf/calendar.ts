import type { BucketSpec, BucketUnit } from '../../grid/time-bucket';
import { wallTimeOf } from '../../grid/wall-time';

const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

/** Which calendar features a model uses. */
export interface CalendarParts {
  /** Hour-of-day Fourier pairs (hourly buckets): 0–3. */
  readonly hourHarmonics: number;
  /** Day of week, one-hot, Monday first (hourly and daily buckets). */
  readonly weekday: boolean;
  /** Time-of-year Fourier pairs: 0–2. */
  readonly yearHarmonics: number;
}

const PER_DAY: Record<BucketUnit, number> = { hour: 24, day: 1, week: 1 / 7, month: 12 / 365.2425 };

/**
 * The calendar features worth fitting on `span` training periods of `unit` buckets: a cycle's
 * terms only when the training targets cover it, so that no term is fitted on part of a cycle
 * and extrapolated (annual terms on half a year of weeks would act as a trend):
 * hour of day (3 pairs) from a week of hours, day of week from four weeks, time of year with
 * one pair from one year and two pairs from two years.
 * @example calendarParts('week', 120) // → { hourHarmonics: 0, weekday: false, yearHarmonics: 2 }
 */
export function calendarParts(unit: BucketUnit, span: number): CalendarParts {
  const days = span / PER_DAY[unit];
  return {
    hourHarmonics: unit === 'hour' && days >= 7 ? 3 : 0,
    weekday: (unit === 'hour' || unit === 'day') && days >= 28,
    yearHarmonics: unit === 'hour' ? 0 : days >= 2 * 365 ? 2 : days >= 365 ? 1 : 0,
  };
}

/**
 * Names of the calendar features of `parts`, in the order `calendarFeatures` writes them.
 * Fourier terms are sin(2πk·f), cos(2πk·f) of the fraction f of the cycle (Hyndman &
 * Athanasopoulos, FPP3 §7.4).
 * @example calendarNames({ hourHarmonics: 0, weekday: false, yearHarmonics: 1 }) // → ['year-sin1', 'year-cos1']
 */
export function calendarNames(parts: CalendarParts): string[] {
  const names: string[] = [];
  for (let k = 1; k <= parts.hourHarmonics; k++) names.push(`hour-sin${k}`, `hour-cos${k}`);
  if (parts.weekday) names.push('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  for (let k = 1; k <= parts.yearHarmonics; k++) names.push(`year-sin${k}`, `year-cos${k}`);
  return names;
}

/**
 * Writes the calendar features of the period starting at `time` into `out` from `offset`,
 * reading the local wall clock of the bucket's zone.
 * @example calendarFeatures(Date.UTC(2018, 0, 1), { unit: 'day', timeZone: 'UTC', clock: 'wall' }, { hourHarmonics: 0, weekday: true, yearHarmonics: 1 }, out, 0)
 *   // out[0..6] → [1, 0, 0, 0, 0, 0, 0] (a Monday), out[7] → sin(0) = 0, out[8] → cos(0) = 1
 */
export function calendarFeatures(time: number, bucket: BucketSpec, parts: CalendarParts, out: Float32Array, offset: number): void {
  const wall = wallTimeOf(time, bucket);
  const date = new Date(wall);
  let k = offset;
  const day = (date.getUTCHours() + date.getUTCMinutes() / 60) / 24;
  for (let h = 1; h <= parts.hourHarmonics; h++) {
    out[k++] = Math.sin(2 * Math.PI * h * day);
    out[k++] = Math.cos(2 * Math.PI * h * day);
  }
  if (parts.weekday) {
    const weekday = (date.getUTCDay() + 6) % 7;
    for (let d = 0; d < 7; d++) out[k++] = d === weekday ? 1 : 0;
  }
  const year = (wall - Date.UTC(date.getUTCFullYear(), 0, 1)) / YEAR;
  for (let h = 1; h <= parts.yearHarmonics; h++) {
    out[k++] = Math.sin(2 * Math.PI * h * year);
    out[k++] = Math.cos(2 * Math.PI * h * year);
  }
}
