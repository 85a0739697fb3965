import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { warmResolution } from './load-and-bin';

describe('warmResolution (whether the binning thread looks points up while a file is read)', () => {
  const mapping: ColumnMapping = { time: { column: 'occurred_at' }, location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' } };
  const bin = { res: 8, unit: 'day' as const };

  it("warms at the binning's resolution when every row may be kept", () => {
    expect(warmResolution(mapping, bin)).toBe(8);
    expect(warmResolution({ ...mapping, categories: [] }, bin)).toBe(8);
  });

  it('does not warm when a row filter may drop most rows (--category, a time range), nor for projected coordinates', () => {
    expect(warmResolution({ ...mapping, categories: ['HOMICIDE'] }, bin)).toBeUndefined();
    expect(warmResolution({ ...mapping, timeRange: [0, 1] }, bin)).toBeUndefined();
    expect(warmResolution({ ...mapping, location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' } }, bin)).toBeUndefined();
    expect(warmResolution(undefined, bin)).toBeUndefined();
    expect(warmResolution(mapping, undefined)).toBeUndefined();
  });
});
