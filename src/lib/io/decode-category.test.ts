import { Bool, Float64, Int16, Int64, Table, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { column, dictionary, inputErrorOf, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import { decodeCategory } from './decode-category';
import { findColumn } from './find-column';

function decode(...vectors: Vector[]) {
  const sources = vectors.map((c, i) => sourceOf(new Table({ c }), `f${i}.arrow`));
  const codes = new Int32Array(vectors.reduce((sum, v) => sum + v.length, 0));
  const values = decodeCategory(findColumn(sources, 'c', 'category'), codes);
  return { values, codes: Array.from(codes) };
}

describe('decodeCategory', () => {
  it.each([
    ['a dictionary', dictionary(['THEFT', null, 'BATTERY', 'THEFT'])],
    ['plain Utf8', strings(['THEFT', null, 'BATTERY', 'THEFT'])],
  ])('decodeCategory codes %s in order of first appearance, null as −1', (_, vector) => {
    expect(decode(vector)).toEqual({ values: ['THEFT', 'BATTERY'], codes: [0, -1, 1, 0] });
  });

  it.each([
    ['Int16', column(new Int16(), [12, null, 7, 12]), ['12', '7']],
    ['Int64', column(new Int64(), [9007199254740991n, 1n, null, 1n]), ['9007199254740991', '1']],
    ['Bool', vectorFromArray([true, false, null, true], new Bool()), ['true', 'false']],
  ] as [string, Vector, string[]][])('decodeCategory stringifies %s values', (_, vector, values) => {
    expect(decode(vector).values).toEqual(values);
  });

  it('decodeCategory merges the dictionaries of several files into one', () => {
    const merged = decode(dictionary(['BURGLARY', 'THEFT']), dictionary(['THEFT', 'ARSON']), strings(['ARSON', 'ROBBERY']));
    expect(merged).toEqual({ values: ['BURGLARY', 'THEFT', 'ARSON', 'ROBBERY'], codes: [0, 1, 1, 2, 2, 3] });
  });

  it('decodeCategory interns equal strings that share a hash bucket byte by byte', () => {
    // Distinct values of equal length in one column: each must keep its own code.
    const values = Array.from({ length: 500 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const decoded = decode(strings([...values, ...values]));
    expect(decoded.values).toEqual(values);
    expect(decoded.codes).toEqual([...values.keys(), ...values.keys()]);
  });

  it('decodeCategory rejects a float column, saying what it expected', () => {
    expect(inputErrorOf(() => decode(column(new Float64(), [1.5])))).toBe(
      "category column 'c' in file 'f0.arrow' has type Float64: expected strings (Utf8 or a dictionary), integers or booleans",
    );
  });

  it('decodeCategory rejects files whose category columns disagree in type', () => {
    expect(inputErrorOf(() => decode(dictionary(['A']), column(new Int16(), [1])))).toBe(
      "column 'c' (category) is strings (Dictionary<Int32, Utf8>) in file 'f0.arrow' but integers (Int16) in file 'f1.arrow': " +
        'files load together only when their mapped columns agree in type',
    );
  });
});
