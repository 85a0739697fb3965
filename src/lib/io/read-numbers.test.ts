import { Float64, Int64, makeData, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readNumbers, sampleNumbers } from './read-numbers';

describe('readNumbers', () => {
  it('reads a sliced chunk from its offset, nulls as NaN, int64 exactly', () => {
    const data = vectorFromArray([1n, null, 3n, 2n ** 52n, null, 6n], new Int64()).data[0].slice(2, 3);
    const out = new Float64Array(3);
    readNumbers(data, out, 0);
    expect([...out]).toEqual([3, 2 ** 52, NaN]);
  });
});

describe('sampleNumbers', () => {
  it('takes the first max finite values across slices and chunks, skipping nulls and NaN', () => {
    const first = vectorFromArray([null, NaN, 1, null, 2], new Float64()).data[0];
    const second = vectorFromArray([Infinity, 3, 4, 5], new Float64()).data[0];
    // max 3: slices of 3 rows — [null, NaN, 1], [null, 2], then the second chunk's [Infinity, 3, 4].
    expect(sampleNumbers([first, second], 3)).toEqual([1, 2, 3]);
    expect(sampleNumbers([first, second], 10)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the first values of a long chunk', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => i);
    const data = makeData({ type: new Float64(), length: values.length, data: values });
    expect(sampleNumbers([data], 4)).toEqual([0, 1, 2, 3]);
  });
});
