import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArrow } from './read-arrow';
import { suggestPlace } from './suggest-place';

describe('suggestPlace', () => {
  it.each([
    ['chicago-crimes-2014-2018', ['community_area', 'district', 'ward', 'beat']],
    ['plainfield-nj-crime-reports-2018', ['address']],
    ['portland-nij-burglary-vehicle-2012-2017', []],
  ])('%s: %j', (file, columns) => {
    const source = readArrow(readFileSync(`../shared/data/${file}.arrow`), file);
    expect(suggestPlace(source.table.schema).map((c) => c.column)).toEqual(columns);
  });
});
