import { Table, tableToIPC, TimestampMillisecond, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../io/column-mapping';
import { bytesSource } from '../io/byte-source';
import { readArrow, type ArrowSource } from '../io/read-arrow';
import { loadStreams, streamable } from './load';

const at = (name: string, columns: Record<string, Vector | Float64Array | Int32Array | string[]>): ArrowSource =>
  readArrow(tableToIPC(new Table(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, 'data' in v ? v : vectorFromArray(v)])))), name);
const mapping = (unit?: 's'): ColumnMapping =>
  ({ time: { column: 't', ...(unit ? { unit } : {}) }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } }) as ColumnMapping;
const lat = Float64Array.of(41.88, 41.9);
const lng = Float64Array.of(-87.63, -87.7);

describe('streamable: a streamed load may decide nothing from the first batch alone', () => {
  it('streams timestamps and numbers with a declared unit; reads date strings and unit-less epochs whole', () => {
    const timestamp = at('a.arrow', { t: vectorFromArray([1.5e12, 1.6e12], new TimestampMillisecond()), lat, lng });
    expect(streamable([timestamp], mapping())).toBe(true);
    const epochs = at('b.arrow', { t: Float64Array.of(1.5e9, 1.6e9), lat, lng });
    expect(streamable([epochs], mapping())).toBe(false);
    expect(streamable([epochs], mapping('s'))).toBe(true);
    expect(streamable([at('c.arrow', { t: ['01/02/2018', '03/04/2018'], lat, lng })], mapping())).toBe(false);
  });

  it('reads whole when two files share a name or differ in column types', () => {
    const one = at('a.arrow', { t: Float64Array.of(1.5e9, 1.6e9), lat, lng });
    const twin = at('a.arrow', { t: Float64Array.of(1.5e9, 1.6e9), lat, lng });
    const other = at('b.arrow', { t: Int32Array.of(1_500_000_000, 1_600_000_000), lat, lng });
    expect(streamable([one, twin], mapping('s'))).toBe(false);
    expect(streamable([one, other], mapping('s'))).toBe(false);
    expect(streamable([one, at('b.arrow', { t: Float64Array.of(1.7e9, 1.8e9), lat, lng })], mapping('s'))).toBe(true);
  });

  it('a day/month file whose first batch holds only days 1-12 is read whole, so its order is read from every row', async () => {
    // Two record batches: the first has days 01-10 of January (either order reads them), the second 13-30.
    const days = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${String(from + i).padStart(2, '0')}/01/2018 10:00`);
    const first = new Table({
      t: vectorFromArray(days(1, 10), new Utf8()),
      lat: vectorFromArray(new Float64Array(10).fill(41.88)),
      lng: vectorFromArray(new Float64Array(10).fill(-87.63)),
    });
    const second = new Table({
      t: vectorFromArray(days(13, 30), new Utf8()),
      lat: vectorFromArray(new Float64Array(18).fill(41.88)),
      lng: vectorFromArray(new Float64Array(18).fill(-87.63)),
    });
    const bytes = tableToIPC(first.concat(second), 'file');
    const streamed = await loadStreams([bytesSource('dm.arrow', bytes)], () => mapping());
    expect(streamed.loaded).toBeUndefined(); // opened whole: the caller loads with every row in view
    expect(streamed.opened.sources[0].table.numRows).toBe(28);
  });
});
