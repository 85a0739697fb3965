import { describe, expect, it } from 'vitest';
import { IsoKind } from './parse-iso-time';
import { dateOrderOf, parseSlashBytes, parseSlashString, type DateOrder } from './parse-slash-time';

function parse(text: string, order: DateOrder): [IsoKind, number] {
  const bytes = new TextEncoder().encode(text);
  const result = { ms: NaN };
  const kind = parseSlashBytes(bytes, 0, bytes.length, order, result);
  return [kind, result.ms];
}

describe('parseSlashBytes', () => {
  it.each([
    ['01/31/2018 11:59:00 PM', 'mdy', IsoKind.Wall, Date.UTC(2018, 0, 31, 23, 59)], // Chicago's portal
    ['01/31/2018 12:00:00 AM', 'mdy', IsoKind.Wall, Date.UTC(2018, 0, 31, 0, 0)], // 12 AM is midnight
    ['01/31/2018 12:30:00 PM', 'mdy', IsoKind.Wall, Date.UTC(2018, 0, 31, 12, 30)], // 12 PM is noon
    ['1/5/2018 9:05 am', 'mdy', IsoKind.Wall, Date.UTC(2018, 0, 5, 9, 5)],
    ['31/01/2018 23:59', 'dmy', IsoKind.Wall, Date.UTC(2018, 0, 31, 23, 59)],
    ['31.01.2018', 'dmy', IsoKind.Date, Date.UTC(2018, 0, 31)],
    ['29-02-2016 07:08:09.250', 'dmy', IsoKind.Wall, Date.UTC(2016, 1, 29, 7, 8, 9, 250)],
    ['  ', 'mdy', IsoKind.Blank, NaN],
  ] as const)("parseSlashBytes('%s', %s) → kind %i at %d", (text, order, kind, ms) => {
    expect(parse(text, order)).toEqual([kind, ms]);
  });

  it.each([
    ['31/01/2018', 'mdy'], // month 31
    ['02/30/2018', 'mdy'], // 30 February
    ['01/31/18', 'mdy'], // two-digit year
    ['01/31-2018', 'mdy'], // mixed separators
    ['01/31/2018 13:00 PM', 'mdy'],
    ['01/31/2018 24:00', 'mdy'],
    ['01/31/2018 11:59:00 XM', 'mdy'],
    ['2018-01-31', 'mdy'], // ISO is parseIsoBytes' job
  ] as const)("parseSlashBytes('%s', %s) is unparseable", (text, order) => {
    expect(parse(text, order)[0]).toBe(IsoKind.Unparseable);
  });
});

describe('dateOrderOf', () => {
  it.each([
    [['01/31/2018 11:59:00 PM', '02/01/2018 00:00:00 AM'], { order: 'mdy', seen: 2, ambiguous: false }],
    [['31.01.2018', '01.02.2018'], { order: 'dmy', seen: 2, ambiguous: false }],
    [['01/02/2018', '03/04/2018'], { order: 'mdy', seen: 2, ambiguous: true }],
    [['2018-01-31', 'x'], { order: 'mdy', seen: 0, ambiguous: false }],
  ])('dateOrderOf(%j) → %j', (texts, expected) => {
    expect(dateOrderOf(texts)).toEqual(expected);
  });
});

describe('parseSlashString', () => {
  it('parseSlashString reads either order, month/day first', () => {
    expect(parseSlashString('01/02/2018')).toEqual({ ms: Date.UTC(2018, 0, 2), kind: IsoKind.Date });
    expect(parseSlashString('31/01/2018')).toEqual({ ms: Date.UTC(2018, 0, 31), kind: IsoKind.Date });
    expect(parseSlashString('THEFT')).toBeNull();
  });
});
