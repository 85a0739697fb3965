import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { errorData, errorFromData } from '../lib/base/hexcast-error';
import type { ColumnMapping } from '../lib/io/column-mapping';
import { loadMappingCrs } from '../lib/io/load-crs';
import { loadIncidents } from '../lib/io/load-incidents';
import { readArrow } from '../lib/io/read-arrow';
import { mappingErrorField } from './mapping-error-field';

const mapping: ColumnMapping = {
  time: { column: 'occ_date' },
  location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
  category: 'category',
};

describe('mappingErrorField', () => {
  it.each([
    [{ code: 'crs-unknown', field: 'mapping.location.crs' }, 'crs'],
    [{ code: 'crs-invalid' }, 'crs'],
    [{ code: 'time-zone-unknown', field: 'mapping.time.timeZone' }, 'timeZone'],
    [{ code: 'clock-conflict', field: 'mapping.time.clock', column: 'occ_date' }, 'time'],
    [{ code: 'column-type', column: 'occ_date' }, 'time'],
    [{ code: 'column-type', column: 'y_coordinate' }, 'location'],
    [{ code: 'file-corrupt', column: 'category' }, 'category'],
    [{ code: 'column-missing', column: 'x_coordinate', file: 'a.arrow' }, 'location'],
    [{ code: 'mapping-invalid', field: 'mapping.categories[2]' }, 'category'],
    [{ code: 'mapping-invalid', field: 'mapping.location.kind' }, 'location'],
    [{ code: 'file-truncated', file: 'a.arrow' }, null],
    [{ code: 'column-type', column: 'something_else' }, null],
  ] as const)('mappingErrorField(%o) → %s', (error, field) => {
    expect(mappingErrorField(error, mapping)).toBe(field);
  });

  // The proof that wording is free: the same real errors, with every message replaced by text
  // that names no column, CRS or zone, after a round trip through the worker's error data.
  const arrow = readArrow(tableToIPC(tableFromArrays({ occ_date: ['a', 'b'], x_coordinate: [1, 2], y_coordinate: [true, false] })), 'a.arrow');
  it.each([
    [{ ...mapping, location: { ...mapping.location, crs: 'EPSG:1234' } as ColumnMapping['location'] }, 'crs'],
    [{ ...mapping, location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'nonsense' } as ColumnMapping['location'] }, 'crs'],
    [{ ...mapping, time: { column: 'occ_date', timeZone: 'Mars/Base' } }, 'timeZone'],
    [{ ...mapping, time: { column: 'missing_time' } }, 'time'],
    [{ ...mapping, location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' } as ColumnMapping['location'] }, 'location'],
  ] as const)('a real load error for %o is placed at %s whatever its message says', async (bad, expected) => {
    let thrown: unknown;
    try {
      // As the worker does: resolve the CRS (the EPSG registry is async), then load.
      await loadMappingCrs({ ...bad, category: null } as ColumnMapping);
      loadIncidents([arrow], { ...bad, category: null } as ColumnMapping);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const reworded = errorFromData({ ...errorData(thrown), message: 'Something is wrong (reworded).' });
    expect(reworded.message).toBe('Something is wrong (reworded).');
    expect(mappingErrorField(reworded, { ...bad, category: null } as ColumnMapping)).toBe(expected);
  });
});
