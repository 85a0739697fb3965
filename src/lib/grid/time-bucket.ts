import { HexcastError } from '../base/hexcast-error';
import type { Clock } from '../io/incidents';
import { assertTimeZone, wallToInstant, zoneOffset } from '../base/time-zone';

/** Length of a time bucket. Weeks are ISO weeks, starting on Monday. */
export type BucketUnit = 'hour' | 'day' | 'week' | 'month';

/** All bucket units, finest first. */
export const BUCKET_UNITS: readonly BucketUnit[] = ['hour', 'day', 'week', 'month'];

/**
 * How time is cut into buckets. For `instant` data, boundaries fall on local wall-clock
 * boundaries in `timeZone` (so a day across a DST change lasts 23 or 25 hours). For `wall`
 * data the readings already are local, so buckets are cut on that clock directly and
 * `timeZone` only labels it.
 */
export interface BucketSpec {
  readonly unit: BucketUnit;
  readonly timeZone: string;
  readonly clock: Clock;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const NOMINAL: Record<BucketUnit, number> = { hour: HOUR, day: DAY, week: 7 * DAY, month: 30.436875 * DAY };

/**
 * A time interval in the manner of d3-time: floor, offset and enumerate bucket boundaries,
 * in an explicit time zone.
 */
export interface TimeBucket {
  readonly spec: BucketSpec;
  /** Start of the bucket containing `t`. */
  floor(t: number): number;
  /** Start of the bucket `n` buckets after the one starting at `start` (n may be negative). */
  offset(start: number, n: number): number;
  /** Starts of every bucket that overlaps [start, stop), in order. */
  range(start: number, stop: number): Float64Array;
  /**
   * How many buckets overlap [start, stop) — `range(start, stop).length` computed without
   * enumerating them (so a panel's size is known before any period array exists): exact for
   * day, week and month; for hours exact except within a zone's half-hour DST shift (±1).
   */
  count(start: number, stop: number): number;
}

/**
 * Builds the bucket for a spec, validating the unit and zone.
 * @example timeBucket({ unit: 'week', timeZone: 'UTC', clock: 'wall' }).floor(Date.UTC(2018, 0, 3))
 *   // → Date.UTC(2018, 0, 1), the Monday
 */
export function timeBucket(spec: BucketSpec): TimeBucket {
  if (!BUCKET_UNITS.includes(spec.unit)) {
    throw new HexcastError('bucket-unknown', `Unknown time bucket '${spec.unit}': expected one of ${BUCKET_UNITS.join(', ')}`, { field: 'bin.unit' });
  }
  assertTimeZone(spec.timeZone);
  const zone = spec.clock === 'wall' ? 'UTC' : spec.timeZone;
  const { unit } = spec;

  const floor = (t: number): number => {
    if (unit === 'hour') {
      // Subtract only the part past the local hour, so both hours of a fall-back overlap survive.
      const start = t - mod(t + zoneOffset(zone, t), HOUR);
      return start;
    }
    return wallToInstant(zone, floorWall(unit, t + zoneOffset(zone, t)));
  };

  const offset = (start: number, n: number): number => {
    if (unit === 'hour') {
      let t = start;
      const step = n >= 0 ? 1 : -1;
      for (let i = 0; i !== n; i += step) {
        const next = floor(t + step * HOUR);
        t = next === t ? t + step * HOUR : next;
      }
      return t;
    }
    return wallToInstant(zone, addWall(unit, floorWall(unit, start + zoneOffset(zone, start)), n));
  };

  const range = (start: number, stop: number): Float64Array => {
    const out: number[] = [];
    for (let t = floor(start); t < stop; t = offset(t, 1)) out.push(t);
    return Float64Array.from(out);
  };

  const count = (start: number, stop: number): number => {
    if (!(stop > start)) return 0;
    const a = floor(start);
    const b = floor(stop - 1);
    if (unit === 'hour') return Math.round((b - a) / HOUR) + 1;
    const wallA = floorWall(unit, a + zoneOffset(zone, a));
    const wallB = floorWall(unit, b + zoneOffset(zone, b));
    if (unit === 'month') {
      const x = new Date(wallA);
      const y = new Date(wallB);
      return (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + y.getUTCMonth() - x.getUTCMonth() + 1;
    }
    return Math.round((wallB - wallA) / (unit === 'week' ? 7 * DAY : DAY)) + 1;
  };

  return { spec, floor, offset, range, count };
}

/**
 * Assigns each time to its bucket among consecutive `boundaries` (bucket starts, ascending;
 * the last bucket ends at `end`). Returns the bucket index per time, or -1 when a time lies
 * outside [boundaries[0], end), into `out` when given (any memory: every entry is written). Runs in O(n) after a guess from the mean bucket length.
 */
export function bucketIndices(times: Float64Array, boundaries: Float64Array, end: number, out: Int32Array = new Int32Array(times.length)): Int32Array {
  const count = boundaries.length;
  if (count === 0) return out.fill(-1);
  const first = boundaries[0];
  const mean = (end - first) / count;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (!(t >= first && t < end)) {
      out[i] = -1;
      continue;
    }
    let k = Math.min(count - 1, Math.floor((t - first) / mean));
    while (boundaries[k] > t) k--;
    while (k + 1 < count && boundaries[k + 1] <= t) k++;
    out[i] = k;
  }
  return out;
}

/** The nominal length of a bucket unit in ms (a month counts as 30.44 days). */
export function nominalLength(unit: BucketUnit): number {
  return NOMINAL[unit];
}

function floorWall(unit: BucketUnit, wall: number): number {
  const day = Math.floor(wall / DAY) * DAY;
  if (unit === 'day') return day;
  if (unit === 'week') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
    return day - weekday * DAY;
  }
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function addWall(unit: BucketUnit, wall: number, n: number): number {
  if (unit === 'day') return wall + n * DAY;
  if (unit === 'week') return wall + 7 * n * DAY;
  const date = new Date(wall);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
