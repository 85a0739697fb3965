import { describe, expect, it } from 'vitest';
import { daysFromCivil, IsoKind, parseIsoBytes, parseIsoString } from './parse-iso-time';

const H = 3_600_000;
const JAN_1_2018 = 1514764800000; // Date.UTC(2018, 0, 1)

describe('parseIsoString', () => {
  it.each([
    ['2018-01-01', JAN_1_2018, IsoKind.Date],
    ['2018-01-01T06:30', JAN_1_2018 + 6.5 * H, IsoKind.Wall],
    ['2018-01-01 06:30:15', JAN_1_2018 + 6.5 * H + 15_000, IsoKind.Wall],
    ['2018-01-01t06:30:15.25', JAN_1_2018 + 6.5 * H + 15_250, IsoKind.Wall],
    ['2018-01-01T06:30:15,123999', JAN_1_2018 + 6.5 * H + 15_123, IsoKind.Wall], // µs truncated
    ['2018-01-01T06:00:00Z', JAN_1_2018 + 6 * H, IsoKind.Instant],
    ['2018-01-01T06:00:00z', JAN_1_2018 + 6 * H, IsoKind.Instant],
    ['2018-01-01T06:00:00+06:00', JAN_1_2018, IsoKind.Instant], // 06:00 at UTC+6 is midnight UTC
    ['2018-01-01T00:00:00-0530', JAN_1_2018 + 5.5 * H, IsoKind.Instant],
    ['2018-01-01T00:00:00+01', JAN_1_2018 - H, IsoKind.Instant],
    ['2018-01-01 00:00:00 UTC', JAN_1_2018, IsoKind.Instant],
    ['  2018-01-01  ', JAN_1_2018, IsoKind.Date],
    ['2016-02-29', JAN_1_2018 - (366 + 365 - 59) * 86_400_000, IsoKind.Date], // leap day: 672 days before 2018-01-01
    ['1969-12-31T23:59:59.999', -1, IsoKind.Wall],
    ['1900-03-01', -2203891200000, IsoKind.Date],
  ])('parseIsoString(%j) → %d', (text, ms, kind) => {
    expect(parseIsoString(text)).toEqual({ ms, kind });
  });

  it.each([
    '',
    '   ',
    '2018',
    '2018-1-01',
    '2018-13-01',
    '2018-02-29',
    '2100-02-29',
    '2018-02-30',
    '2018-01-01T24:00',
    '2018-01-01T10:60',
    '2018-01-01T10:00:60',
    '2018-01-01T10',
    '2018-01-01T10:00:00.',
    '2018-01-01T10:00+24:00',
    '2018-01-01T10:00 PST',
    '01/02/2018',
    'null',
  ])('parseIsoString(%j) → null', (text) => {
    expect(parseIsoString(text)).toBeNull();
  });

  it('parseIsoBytes tells blank from unparseable and parses a range inside a buffer', () => {
    const bytes = new TextEncoder().encode('xx2018-01-01Tyy');
    const result = { ms: 0 };
    expect(parseIsoBytes(bytes, 2, 12, result)).toBe(IsoKind.Date);
    expect(result.ms).toBe(JAN_1_2018);
    expect(parseIsoBytes(bytes, 2, 13, result)).toBe(IsoKind.Unparseable);
    expect(parseIsoBytes(new TextEncoder().encode(' \t'), 0, 2, result)).toBe(IsoKind.Blank);
  });
});

describe('daysFromCivil', () => {
  it.each([
    [1970, 1, 1, 0],
    [2000, 3, 1, 11017],
    [1969, 12, 31, -1],
    [1600, 1, 1, -135140],
  ])('daysFromCivil(%d, %d, %d) → %d, as Date.UTC says', (y, m, d, days) => {
    expect(daysFromCivil(y, m, d)).toBe(days);
    expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(days);
  });
});
