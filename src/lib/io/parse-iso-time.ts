/** What `parseIsoBytes` found: nothing usable, a wall-clock date-time, an instant, a date, or blank. */
export const IsoKind = {
  Unparseable: 0,
  /** Date and time without an offset: a wall-clock reading (encoded as UTC ms). */
  Wall: 1,
  /** Date and time with `Z`, `UTC` or a ±hh[:mm] offset: a true instant. */
  Instant: 2,
  /** A date without a time: wall-clock midnight. */
  Date: 3,
  /** Empty or only white space: treated as a missing value. */
  Blank: 4,
} as const;

/** One of the `IsoKind` values. */
export type IsoKind = (typeof IsoKind)[keyof typeof IsoKind];

const DAY = 86_400_000;
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Parses one ISO-8601 date or date-time held as UTF-8 bytes `b[start, end)`, without creating a
 * string. On success the epoch ms is written to `result.ms` and the kind is returned.
 * Accepted (surrounding white space ignored): `YYYY-MM-DD`, optionally followed by `T`, `t` or a
 * space and `hh:mm`, `:ss`, `.fff…` (or `,fff…`; digits past milliseconds are truncated), and an
 * optional zone `Z`, `UTC`, `±hh`, `±hhmm` or `±hh:mm` (one space before the zone allowed).
 * Fields are range-checked (month 1–12, day within its month in the proleptic Gregorian
 * calendar, hour ≤ 23, minute and second ≤ 59, offset ≤ 23:59); anything else is Unparseable.
 * Days since the epoch come from the civil-from-days arithmetic (no `Date`, so no host zone).
 *
 * @example
 * const r = { ms: 0 };
 * parseIsoBytes(new TextEncoder().encode('2018-01-01T06:00+06:00'), 0, 22, r) // → IsoKind.Instant, r.ms = 1514764800000
 */
export function parseIsoBytes(b: Uint8Array, start: number, end: number, result: { ms: number }): IsoKind {
  let p = start;
  let e = end;
  while (p < e && isSpace(b[p])) p++;
  while (e > p && isSpace(b[e - 1])) e--;
  if (p === e) return IsoKind.Blank;
  const year = digits(b, p, 4, e);
  if (year < 0 || b[p + 4] !== 45 || b[p + 7] !== 45) return IsoKind.Unparseable;
  const month = digits(b, p + 5, 2, e);
  const day = digits(b, p + 8, 2, e);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return IsoKind.Unparseable;
  const midnight = daysFromCivil(year, month, day) * DAY;
  p += 10;
  if (p === e) {
    result.ms = midnight;
    return IsoKind.Date;
  }
  if (b[p] !== 84 && b[p] !== 116 && b[p] !== 32) return IsoKind.Unparseable; // T, t, space
  const hour = digits(b, p + 1, 2, e);
  const minute = b[p + 3] === 58 ? digits(b, p + 4, 2, e) : -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return IsoKind.Unparseable;
  p += 6;
  let second = 0;
  let millis = 0;
  if (p < e && b[p] === 58) {
    second = digits(b, p + 1, 2, e);
    if (second < 0 || second > 59) return IsoKind.Unparseable;
    p += 3;
    if (p < e && (b[p] === 46 || b[p] === 44)) {
      const first = ++p;
      for (let scale = 100; p < e && b[p] >= 48 && b[p] <= 57; p++, scale /= 10) {
        if (scale >= 1) millis += (b[p] - 48) * scale;
      }
      if (p === first) return IsoKind.Unparseable;
    }
  }
  const wall = midnight + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  if (p === e) {
    result.ms = wall;
    return IsoKind.Wall;
  }
  if (b[p] === 32) p++;
  const offset = zoneOffsetMinutes(b, p, e);
  if (offset === null) return IsoKind.Unparseable;
  result.ms = wall - offset * 60_000;
  return IsoKind.Instant;
}

/**
 * Parses an ISO-8601 string with the same rules as `parseIsoBytes` (for previews, tests and
 * rare string layouts); null when it is blank or cannot be parsed.
 *
 * @example
 * parseIsoString('2018-03-11') // → { ms: 1520726400000, kind: IsoKind.Date }
 */
export function parseIsoString(text: string): { ms: number; kind: IsoKind } | null {
  const bytes = new TextEncoder().encode(text);
  const result = { ms: 0 };
  const kind = parseIsoBytes(bytes, 0, bytes.length, result);
  return kind === IsoKind.Unparseable || kind === IsoKind.Blank ? null : { ms: result.ms, kind };
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (negative before), by the usual
 * era/day-of-era decomposition (eras of 400 years = 146097 days, years starting in March).
 *
 * @example
 * daysFromCivil(2000, 3, 1) // → 11017
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function zoneOffsetMinutes(b: Uint8Array, p: number, e: number): number | null {
  if (e - p === 1 && (b[p] === 90 || b[p] === 122)) return 0; // Z, z
  if (e - p === 3 && b[p] === 85 && b[p + 1] === 84 && b[p + 2] === 67) return 0; // UTC
  if (b[p] !== 43 && b[p] !== 45) return null;
  const sign = b[p] === 45 ? -1 : 1;
  const hours = digits(b, p + 1, 2, e);
  let q = p + 3;
  let minutes = 0;
  if (q < e) {
    if (b[q] === 58) q++;
    minutes = digits(b, q, 2, e);
    q += 2;
  }
  if (q !== e || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** The decimal value of `n` ASCII digits at `p`, or -1 if any is not a digit or runs past `e`. */
function digits(b: Uint8Array, p: number, n: number, e: number): number {
  if (p + n > e) return -1;
  let value = 0;
  for (let i = p; i < p + n; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return (month === 12 ? 365 : CUMULATIVE_DAYS[month]) - CUMULATIVE_DAYS[month - 1];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
