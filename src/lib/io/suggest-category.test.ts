import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArrow } from './read-arrow';
import { Int16, Int32, Int8, makeVector, Uint32, vectorFromArray, type Vector } from 'apache-arrow';
import { random as seeded } from '../base/random';
import { distinctSmallInts, suggestCategory } from './suggest-category';

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

describe('distinctSmallInts', () => {
  it('counts what Vector.get row by row counts: nulls skipped, across chunks, from a slice, up to the row limit', () => {
    const rng = seeded(11);
    const get = (vector: Vector, max: number) => {
      const seen = new Set<unknown>();
      for (let i = 0; i < Math.min(vector.length, max); i++) if (vector.get(i) !== null) seen.add(vector.get(i));
      return seen.size;
    };
    for (const type of [new Int8(), new Int16(), new Int32(), new Uint32()]) {
      const values = (n: number) => Array.from({ length: n }, () => (rng.next() < 0.2 ? null : rng.int(type instanceof Int8 ? 100 : 3000)));
      const chunked = makeVector(vectorFromArray(values(700), type).data.concat(vectorFromArray(values(500), type).data));
      for (const vector of [chunked, chunked.slice(37), chunked.slice(650, 1100)]) {
        for (const max of [10, 300, 10_000]) expect(distinctSmallInts(vector.data, max)).toBe(get(vector, max));
      }
    }
    expect(distinctSmallInts(vectorFromArray([3, null, 3, 4], new Int16()).data, 10_000)).toBe(2);
  });
});
