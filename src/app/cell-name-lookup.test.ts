import { describe, expect, it } from 'vitest';
import { cellLabel, cellNameLookup } from './cell-name-lookup';

describe('cellNameLookup and cellLabel', () => {
  it('names a cell by the binning, and gives the index alone without a name', () => {
    const nameOf = cellNameLookup({ cells: ['8828de8c13fffff', '8828de12c1fffff'], cellNames: ['West End', null] });
    expect(nameOf('8828de8c13fffff')).toBe('West End');
    expect(nameOf('8828de12c1fffff')).toBeNull();
    expect(nameOf('other')).toBeNull();
    expect(cellNameLookup(null)('8828de8c13fffff')).toBeNull();
    expect(cellNameLookup({ cells: ['a'], cellNames: null })('a')).toBeNull();
    expect(cellLabel('8828de8c13fffff', 'West End')).toBe('West End · 8828de8c13fffff');
    expect(cellLabel('8828de8c13fffff', null)).toBe('8828de8c13fffff');
  });
});
