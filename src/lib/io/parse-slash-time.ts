import { IsoKind, daysFromCivil } from './parse-iso-time';

/** The order of a slashed date's first two numbers: month/day (US portals) or day/month (most others). */
export type DateOrder = 'mdy' | 'dmy';

const DAY = 86_400_000;
const SLASH = 47;
const DOT = 46;
const DASH = 45;

/**
 * Parses a date written with the year last, as portals export it — `01/31/2018 11:59:00 PM`
 * (Chicago's Socrata export), `31/01/2018 23:59`, `31.01.2018`, `1-31-2018` — from UTF-8 bytes
 * `b[start, end)` without making a string: month and day (in `order`) of one or two digits,
 * a four-digit year, separated by '/', '.' or '-' (the same twice); then optionally a space and
 * `h:mm`, `:ss`, `.fff`, and ` AM`/` PM` (12 AM is midnight, 12 PM noon). No offset: the result
 * is a wall-clock reading (`IsoKind.Wall`) or a date (`IsoKind.Date`), written to `result.ms`.
 * Fields are range-checked as `parseIsoBytes` does; anything else is `IsoKind.Unparseable`.
 *
 * @example
 * parseSlashBytes(bytes('01/31/2018 11:59:00 PM'), 0, 22, 'mdy', r) // → IsoKind.Wall, r.ms = Date.UTC(2018, 0, 31, 23, 59)
 */
export function parseSlashBytes(b: Uint8Array, start: number, end: number, order: DateOrder, result: { ms: number }): IsoKind {
  let p = start;
  let e = end;
  while (p < e && b[p] === 32) p++;
  while (e > p && b[e - 1] === 32) e--;
  if (p === e) return IsoKind.Blank;
  const first = number(b, p, e, 1, 2);
  if (first < 0) return IsoKind.Unparseable;
  p = cursor;
  const separator = b[p];
  if (separator !== SLASH && separator !== DOT && separator !== DASH) return IsoKind.Unparseable;
  const second = number(b, p + 1, e, 1, 2);
  if (second < 0 || b[cursor] !== separator) return IsoKind.Unparseable;
  const year = number(b, cursor + 1, e, 4, 4);
  if (year < 0) return IsoKind.Unparseable;
  p = cursor;
  const [month, day] = order === 'mdy' ? [first, second] : [second, first];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return IsoKind.Unparseable;
  const midnight = daysFromCivil(year, month, day) * DAY;
  if (p === e) {
    result.ms = midnight;
    return IsoKind.Date;
  }
  if (b[p] !== 32 && b[p] !== 84) return IsoKind.Unparseable;
  let hour = number(b, p + 1, e, 1, 2);
  if (hour < 0 || b[cursor] !== 58) return IsoKind.Unparseable;
  const minute = number(b, cursor + 1, e, 2, 2);
  if (minute < 0 || minute > 59) return IsoKind.Unparseable;
  p = cursor;
  let second_ = 0;
  let millis = 0;
  if (p < e && b[p] === 58) {
    second_ = number(b, p + 1, e, 2, 2);
    if (second_ < 0 || second_ > 59) return IsoKind.Unparseable;
    p = cursor;
    if (p < e && b[p] === DOT) {
      const from = ++p;
      for (let scale = 100; p < e && b[p] >= 48 && b[p] <= 57; p++, scale /= 10) if (scale >= 1) millis += (b[p] - 48) * scale;
      if (p === from) return IsoKind.Unparseable;
    }
  }
  if (p < e && b[p] === 32) p++;
  if (p < e) {
    const letter = b[p] | 0x20;
    if (e - p !== 2 || (b[p + 1] | 0x20) !== 109 || (letter !== 97 && letter !== 112)) return IsoKind.Unparseable; // am, pm
    if (hour < 1 || hour > 12) return IsoKind.Unparseable;
    hour = (hour % 12) + (letter === 112 ? 12 : 0);
  }
  if (hour > 23) return IsoKind.Unparseable;
  result.ms = midnight + hour * 3_600_000 + minute * 60_000 + second_ * 1000 + millis;
  return IsoKind.Wall;
}

/**
 * The order of a column's slashed dates from the values themselves: day/month when some first
 * number exceeds 12 and no second one does, month/day otherwise (also when every number is 12 or
 * less, which `ambiguous` reports: the US order is assumed). `texts` are a sample of the
 * column's values; `seen` counts those written with the year last.
 *
 * @example
 * dateOrderOf(['31/01/2018', '01/02/2018']) // → { order: 'dmy', seen: 2, ambiguous: false }
 */
export function dateOrderOf(texts: Iterable<string>): { order: DateOrder; seen: number; ambiguous: boolean } {
  let seen = 0;
  let firstOver = false;
  let secondOver = false;
  for (const text of texts) {
    const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(text);
    if (!match) continue;
    seen++;
    if (Number(match[1]) > 12) firstOver = true;
    if (Number(match[2]) > 12) secondOver = true;
  }
  const order = firstOver && !secondOver ? 'dmy' : 'mdy';
  return { order, seen, ambiguous: seen > 0 && !firstOver && !secondOver };
}

/**
 * A date with the year last as text, in either order (month/day first, then day/month), for
 * column detection; null when it is neither.
 * @example parseSlashString('31.01.2018')?.kind // → IsoKind.Date
 */
export function parseSlashString(text: string): { ms: number; kind: IsoKind } | null {
  const bytes = new TextEncoder().encode(text);
  const result = { ms: 0 };
  for (const order of ['mdy', 'dmy'] as const) {
    const kind = parseSlashBytes(bytes, 0, bytes.length, order, result);
    if (kind === IsoKind.Wall || kind === IsoKind.Date) return { ms: result.ms, kind };
  }
  return null;
}

let cursor = 0;

/** The decimal value of `min`–`max` digits at `p` (leaving `cursor` after them), or -1. */
function number(b: Uint8Array, p: number, e: number, min: number, max: number): number {
  let value = 0;
  let n = 0;
  while (p + n < e && n < max && b[p + n] >= 48 && b[p + n] <= 57) value = value * 10 + (b[p + n++] - 48);
  cursor = p + n;
  return n < min ? -1 : value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
