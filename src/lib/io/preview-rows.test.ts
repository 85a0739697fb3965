import { Bool, DateDay, DateMillisecond, Int64, Table, TimestampNanosecond, TimestampSecond, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { column, dictionary, floats, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import { formatCell, formatTime } from './format-cell';
import { previewRows } from './preview-rows';

describe('previewRows', () => {
  it('previewRows renders every type as a string, bigint- and Date-safe, and keeps the column order', () => {
    const table = new Table({
      '2018': column(new Int64(), [9007199254740993n, null]),
      occurred_at: column(new TimestampSecond(), [1514764800n, -1n]),
      utc: column(new TimestampNanosecond('UTC'), [1514764800123456789n, null]),
      day: column(new DateDay(), [17532, -1]),
      date64: column(new DateMillisecond(), [1514764800000n, 1514768400000n]),
      kind: dictionary(['THEFT', null]),
      note: strings(['x'.repeat(200), '']),
      lat: floats([41.88, NaN]),
      arrest: vectorFromArray([true, null], new Bool()),
    });
    const preview = previewRows(sourceOf(table), 5);
    expect(preview.columns).toEqual(['2018', 'occurred_at', 'utc', 'day', 'date64', 'kind', 'note', 'lat', 'arrest']);
    expect(preview.rows).toEqual([
      {
        '2018': '9007199254740993',
        occurred_at: '2018-01-01T00:00:00.000',
        utc: '2018-01-01T00:00:00.123Z',
        day: '2018-01-01',
        date64: '2018-01-01',
        kind: 'THEFT',
        note: `${'x'.repeat(119)}…`,
        lat: '41.88',
        arrest: 'true',
      },
      {
        '2018': 'null',
        occurred_at: '1969-12-31T23:59:59.000',
        utc: 'null',
        day: '1969-12-31',
        date64: '2018-01-01T01:00:00.000',
        kind: 'null',
        note: '',
        lat: 'NaN',
        arrest: 'null',
      },
    ]);
    expect(() => JSON.stringify(preview)).not.toThrow();
  });

  it('previewRows returns at most the rows there are', () => {
    const source = sourceOf(new Table({ a: floats([1, 2]) }));
    expect(previewRows(source, 10).rows).toHaveLength(2);
    expect(previewRows(source, 0).rows).toEqual([]);
  });
});

describe('formatCell and formatTime', () => {
  it('formatCell renders a list as JSON, bigints as strings', () => {
    const list = vectorFromArray([[1n, 2n]]);
    expect(formatCell(list, 0)).toBe('["1","2"]');
  });

  it.each([
    [0, 'wall', '1970-01-01T00:00:00.000'],
    [-1, 'instant', '1969-12-31T23:59:59.999Z'],
    [8.64e15 + 1, 'wall', 'invalid time'],
  ] as const)('formatTime(%d, %s) → %s', (ms, clock, text) => {
    expect(formatTime(ms, clock)).toBe(text);
  });
});
