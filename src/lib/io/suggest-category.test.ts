import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArrow } from './read-arrow';
import { suggestCategory } from './suggest-category';

describe('suggestCategory prefers complete, readable columns', () => {
  it("on the Plainfield reports: 'description' (complete) beats 'predicted_type' (null in 89 % of rows), which is offered with its completeness", () => {
    const source = readArrow(readFileSync('../shared/data/plainfield-nj-crime-reports-2018.arrow'), 'plainfield.arrow');
    const ranked = suggestCategory(source.table.schema, source);
    expect(ranked[0]).toMatchObject({ column: 'description', distinct: 86, complete: 1, score: 5 });
    const predicted = ranked.find((c) => c.column === 'predicted_type');
    // 2,885 of 3,225 rows null: 340 / 3,225 = 10.5 % filled; score 2 (type) − 1 (predicted) + 2 (dictionary) + 1 (5 values) − 4 (under 50 % filled) = 0.
    expect(predicted?.complete).toBeCloseTo(340 / 3_225, 12);
    expect(predicted?.score).toBe(0);
    expect(predicted?.reason).toBe("Dictionary<Int32, Utf8> column named 'predicted_type' (predicted, type), 5 distinct values, 11 % of rows filled");
    expect(ranked.indexOf(predicted!)).toBeGreaterThan(ranked.findIndex((c) => c.column === 'geocoded_by'));
  });

  it('keeps the Chicago and Portland choices', () => {
    for (const [file, column] of [
      ['chicago-crimes-2014-2018', 'primary_type'],
      ['portland-nij-burglary-vehicle-2012-2017', 'category'],
    ]) {
      const source = readArrow(readFileSync(`../shared/data/${file}.arrow`), file);
      expect(suggestCategory(source.table.schema, source)[0]).toMatchObject({ column, complete: 1 });
    }
  });
});
