/**
 * The ways CSV exports write numbers, as bits of a mask: a text field is a number in each format
 * whose bit `classifyNumber` sets. Grouped formats also take numbers written without groups.
 */
export const NumberFormat = {
  /** An integer without a leading zero: `-12`, `0`, `1306393`. */
  Int: 1,
  /** Decimal point, no thousands separator, optional exponent: `41.8819`, `-87.6`, `1e-3`. */
  Point: 2,
  /** Decimal point, ',' thousands: `1,234.5` (US and UK spreadsheets). */
  PointCommaGroups: 4,
  /** Decimal comma, no thousands separator: `41,8819` (European portals). */
  Comma: 8,
  /** Decimal comma, '.' thousands: `1.234,5` (German, Dutch, Italian …). */
  CommaPointGroups: 16,
  /** Decimal comma, space thousands (also no-break and narrow no-break space): `1 234,5` (French, Nordic). */
  CommaSpaceGroups: 32,
} as const;

/** Every format bit: the mask of a column before any value has been seen. */
export const ANY_NUMBER = 63;

/** The decimal separator and thousands separators of each format. */
const DOT = 46;
const COMMA = 44;
/** Any space character a thousands group may be separated by (stands for 0x20, U+00A0 and U+202F). */
const SPACE = 32;
const SEPARATORS: Readonly<Record<number, { decimal: number; group: number }>> = {
  [NumberFormat.Int]: { decimal: -1, group: -1 },
  [NumberFormat.Point]: { decimal: DOT, group: -1 },
  [NumberFormat.PointCommaGroups]: { decimal: DOT, group: COMMA },
  [NumberFormat.Comma]: { decimal: COMMA, group: -1 },
  [NumberFormat.CommaPointGroups]: { decimal: COMMA, group: DOT },
  [NumberFormat.CommaSpaceGroups]: { decimal: COMMA, group: SPACE },
};

/** Words for each format, for the load report. */
export const NUMBER_FORMAT_TEXT: Readonly<Record<number, string>> = {
  [NumberFormat.Int]: 'integers',
  [NumberFormat.Point]: 'decimal point',
  [NumberFormat.PointCommaGroups]: "decimal point, ',' thousands",
  [NumberFormat.Comma]: 'decimal comma',
  [NumberFormat.CommaPointGroups]: "decimal comma, '.' thousands",
  [NumberFormat.CommaSpaceGroups]: 'decimal comma, space thousands',
};

const MAX_SEPARATORS = 16;
const runs = new Int32Array(MAX_SEPARATORS + 1);
const seps = new Int32Array(MAX_SEPARATORS);

/**
 * The formats in which the UTF-8 text `b[start, end)` (outer spaces ignored) is a number, as a
 * mask of `NumberFormat` bits; 0 for text that is no number in any (`'12a'`, `'NaN'`, `'1.2.3'`)
 * and for integers with a leading zero (`'007'`: a code, not a number); -1 for blank text (a null,
 * which fits every format).
 *
 * @example
 * classifyNumber(bytes('1,234'), 0, 5) // → PointCommaGroups | Comma | CommaPointGroups | CommaSpaceGroups (not Point)
 */
export function classifyNumber(b: Uint8Array, start: number, end: number): number {
  let p = start;
  let e = end;
  while (p < e && b[p] === 32) p++;
  while (e > p && b[e - 1] === 32) e--;
  if (p === e) return -1;
  if (b[p] === 45 || b[p] === 43) p++;
  const first = p;
  let k = 0;
  let exponent = false;
  for (;;) {
    let q = p;
    while (q < e && b[q] >= 48 && b[q] <= 57) q++;
    runs[k] = q - p;
    p = q;
    if (p === e) break;
    const c = b[p];
    if (c === 101 || c === 69) {
      p++;
      if (p < e && (b[p] === 45 || b[p] === 43)) p++;
      const digits = p;
      while (p < e && b[p] >= 48 && b[p] <= 57) p++;
      if (p !== e || p === digits) return 0;
      exponent = true;
      break;
    }
    if (k === MAX_SEPARATORS) return 0;
    if (c === 46 || c === 44 || c === 32) {
      seps[k] = c;
      p++;
    } else if (c === 0xc2 && b[p + 1] === 0xa0) {
      seps[k] = SPACE;
      p += 2;
    } else if (c === 0xe2 && b[p + 1] === 0x80 && b[p + 2] === 0xaf) {
      seps[k] = SPACE;
      p += 3;
    } else return 0;
    k++;
  }
  const digits = k === 0 ? runs[0] : runs[0] + runs[1];
  if (k === 0 && runs[0] > 1 && b[first] === 48) return 0; // '007': a code with its zeros, not a number
  if (digits === 0) return 0;
  let mask = 0;
  if (k === 0 && !exponent) mask |= NumberFormat.Int;
  if (k === 0 || (k === 1 && seps[0] === 46)) mask |= NumberFormat.Point;
  if (exponent) return mask;
  if (k === 0 || (k === 1 && seps[0] === 44)) mask |= NumberFormat.Comma;
  if (grouped(k, 44, 46)) mask |= NumberFormat.PointCommaGroups;
  if (grouped(k, 46, 44)) mask |= NumberFormat.CommaPointGroups;
  if (grouped(k, SPACE, 44)) mask |= NumberFormat.CommaSpaceGroups;
  return mask;
}

/** True when the runs read `d{1,3}(G d{3})*` then optionally `D d*`, for group separator G and decimal D. */
function grouped(k: number, group: number, decimal: number): boolean {
  let m = 0;
  while (m < k && seps[m] === group) m++;
  if (m > 0 && (runs[0] < 1 || runs[0] > 3)) return false;
  for (let i = 1; i <= m; i++) if (runs[i] !== 3) return false;
  return k === m || (k === m + 1 && seps[m] === decimal);
}

/**
 * The format a column's mask (the AND of its values' `classifyNumber`) is read in, or null for
 * text: integers first, then a decimal point; where a column fits both a decimal comma and ','
 * thousands (every value like `1,234`), the delimiter decides — a ',' file groups thousands, a ';',
 * tab or '|' file (as European portals export) has a decimal comma.
 *
 * @example
 * chooseNumberFormat(NumberFormat.Comma | NumberFormat.PointCommaGroups, ';') // → NumberFormat.Comma
 */
export function chooseNumberFormat(mask: number, delimiter: string): number | null {
  const order =
    delimiter === ','
      ? [NumberFormat.Int, NumberFormat.Point, NumberFormat.PointCommaGroups, NumberFormat.Comma, NumberFormat.CommaPointGroups, NumberFormat.CommaSpaceGroups]
      : [NumberFormat.Int, NumberFormat.Point, NumberFormat.Comma, NumberFormat.CommaPointGroups, NumberFormat.CommaSpaceGroups, NumberFormat.PointCommaGroups];
  for (const format of order) if ((mask & format) !== 0) return format;
  return null;
}

/**
 * The value of the number `b[start, end)` written in `format` (a `NumberFormat` the text fits);
 * NaN for blank text. Exact: digits accumulate as an integer while it stays below 2^53 and are
 * scaled by one power of ten up to 10^22 (both exact, so the one division or product is
 * correctly rounded — Clinger's fast path); other numbers go through `Number` of the digits
 * rewritten with a decimal point.
 *
 * @example
 * parseNumber(bytes('1.234,5'), 0, 7, NumberFormat.CommaPointGroups) // → 1234.5
 */
export function parseNumber(b: Uint8Array, start: number, end: number, format: number): number {
  const { decimal, group } = SEPARATORS[format];
  let p = start;
  let e = end;
  while (p < e && b[p] === 32) p++;
  while (e > p && b[e - 1] === 32) e--;
  if (p === e) return NaN;
  const from = p;
  let negative = false;
  if (b[p] === 45 || b[p] === 43) negative = b[p++] === 45;
  let mantissa = 0;
  let exact = true;
  let scale = 0;
  let fraction = false;
  for (; p < e; p++) {
    const c = b[p];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa > Number.MAX_SAFE_INTEGER) exact = false;
      if (fraction) scale--;
    } else if (c === decimal) fraction = true;
    else if (c === 101 || c === 69) break;
  }
  if (p < e) {
    let sign = 1;
    p++;
    if (b[p] === 45 || b[p] === 43) sign = b[p++] === 45 ? -1 : 1;
    let power = 0;
    for (; p < e; p++) power = power * 10 + (b[p] - 48);
    scale += sign * power;
  }
  if (exact && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / 10 ** -scale : mantissa * 10 ** scale;
    return negative ? -value : value;
  }
  return Number(plainText(b, from, e, decimal, group));
}

/** The number's text with a '.' decimal point and no group separators, for `Number`. */
function plainText(b: Uint8Array, start: number, end: number, decimal: number, group: number): string {
  let text = '';
  for (let p = start; p < end; p++) {
    const c = b[p];
    if (c === decimal) text += '.';
    else if (group === SPACE && (c === 0xc2 || c === 0xe2)) p += c === 0xc2 ? 1 : 2;
    else if (c !== group) text += String.fromCharCode(c);
  }
  return text;
}
