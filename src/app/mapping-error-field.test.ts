import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { mappingErrorField } from './mapping-error-field';

const mapping: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:1' },
  category: 'category',
};

describe('mappingErrorField', () => {
  it.each([
    [{ message: "unknown CRS 'EPSG:1': paste the proj4 string" }, 'crs'],
    [{ message: "time zone 'Mars/Base' is not a known IANA zone" }, 'timeZone'],
    [{ message: 'column holds strings', column: 'occ_date' }, 'time'],
    [{ message: 'column is not numeric', column: 'y_coordinate' }, 'location'],
    [{ message: 'bad values', column: 'category' }, 'category'],
    [{ message: "no column 'x_coordinate' in file 'a.arrow' (columns: a, b)" }, 'location'],
    [{ message: "file 'a.arrow' is truncated" }, null],
  ] as const)('mappingErrorField(%o) → %s', (error, field) => {
    expect(mappingErrorField(error, mapping)).toBe(field);
  });
});
