/**
 * Offsets of IANA time zones from UTC, computed with `Intl` (no zone database shipped).
 * Offsets are in milliseconds, positive east of Greenwich: local wall time = instant + offset.
 */
import { HexcastError } from '../base/hexcast-error';
import { didYouMeanZone } from './closest-time-zones';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Returns `zone` if it names a time zone this runtime knows, else throws a clear error naming the
 * closest zones (`didYouMeanZone`).
 * @example assertTimeZone('America/Chicago') // → 'America/Chicago'
 */
export function assertTimeZone(zone: string): string {
  if (!isTimeZone(zone)) throw new HexcastError('time-zone-unknown', unknownZoneMessage(zone, didYouMeanZone(zone)));
  return zone;
}

/** True when `zone` is a valid IANA time zone name (or 'UTC'); cheap when it is not (no suggestion is built). */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of `zone` from UTC at instant `t` (epoch ms), in ms.
 * @example zoneOffset('America/Chicago', Date.UTC(2018, 0, 1)) // → -21600000 (UTC−6)
 */
export function zoneOffset(zone: string, t: number): number {
  if (zone === 'UTC') return 0;
  const parts = formatterFor(zone).formatToParts(new Date(t));
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - (t - mod(t, 1000));
}

/**
 * The earliest instant whose wall-clock reading in `zone` is at or after `wall` (a wall time
 * encoded as UTC ms). For ordinary times that is the instant showing exactly `wall`; in a
 * fall-back overlap, the first of the two; in a spring-forward gap, the transition itself.
 */
export function wallToInstant(zone: string, wall: number): number {
  if (zone === 'UTC') return wall;
  const before = zoneOffset(zone, wall - 86_400_000);
  const after = zoneOffset(zone, wall + 86_400_000);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const t of candidates) {
    if (t + zoneOffset(zone, t) === wall) return t;
  }
  // In a gap: find the transition between the two candidates by bisection (to the ms).
  let lo = candidates[0];
  let hi = candidates[1];
  const offsetLo = zoneOffset(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffset(zone, mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Wall-clock reading of instant `t` in `zone`, encoded as UTC ms. */
export function instantToWall(zone: string, t: number): number {
  return t + zoneOffset(zone, t);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // No suggestion here: isTimeZone asks this of every capitalised "A/B" word in metadata.
      throw new HexcastError('time-zone-unknown', unknownZoneMessage(zone, ''));
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

function unknownZoneMessage(zone: string, suggestion: string): string {
  return `Unknown time zone '${zone}'${suggestion}: expected an IANA name such as 'America/Chicago' or 'UTC'`;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
