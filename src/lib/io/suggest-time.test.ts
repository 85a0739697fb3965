import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { suggestTime } from './suggest-time';

describe('suggestTime', () => {
  const table = tableFromArrays({
    updated: ['2018-01-02T10:00:00', '2018-01-03T11:00:00', '2018-01-04T12:00:00'],
    occurred: ['2018-01-01T09:00:00Z', '2018-01-02T09:30:00Z', '2018-01-03T10:00:00Z'],
    note: ['a', 'b', 'c'],
  });
  const source = { name: 't.arrow', bytes: 0, table, format: 'file' as const };

  it('ranks every ISO string column; `only` examines the named one and gives its candidate unchanged', () => {
    const all = suggestTime(table.schema, source);
    expect(all.map((c) => c.mapping.column)).toEqual(['occurred', 'updated']); // 'updated' is scored down, 'note' does not parse
    const only = suggestTime(table.schema, source, 'updated');
    expect(only).toEqual(all.filter((c) => c.mapping.column === 'updated'));
    expect(only[0].clock).toBe('wall');
    expect(suggestTime(table.schema, source, 'note')).toEqual([]);
  });
});
