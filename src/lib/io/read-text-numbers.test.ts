import { Dictionary, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readTextNumbers, sampleTextNumbers, textNumber } from './read-text-numbers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const number = (text: string): number | undefined => textNumber(utf8(text), 0, utf8(text).length);

describe('textNumber', () => {
  it.each([
    ['41.8819', 41.8819],
    ['-87.6', -87.6],
    ['+12', 12],
    ['1e-3', 0.001],
    ['  41.5 ', 41.5],
    ['41,88', 41.88], // a decimal comma before thousands: the first format it fits
    ['40,623', 40.623],
    ['1,234,567.5', 1234567.5],
    ['1.234.567,5', 1234567.5],
    ['0', 0],
  ])('reads %s as %s', (text, value) => {
    expect(number(text)).toBe(value);
  });

  it('gives NaN for blank text (a null) and undefined for text that is no number', () => {
    expect(number('')).toBeNaN();
    expect(number('   ')).toBeNaN();
    for (const text of ['N/A', 'NULL', '-', 'NaN', '41.9N', '007', '1.2.3', '(41.9, -87.6)']) expect(number(text)).toBeUndefined();
  });
});

describe('readTextNumbers', () => {
  it('reads a Utf8 chunk at an offset: nulls and blanks NaN, the rows of other text listed', () => {
    const out = new Float64Array(15).fill(-1);
    const unparsed: number[] = [];
    readTextNumbers(vectorFromArray(['41.9', null, 'N/A', '', '42,1'], new Utf8()).data[0], out, 10, unparsed);
    expect(Array.from(out.subarray(10))).toEqual([41.9, NaN, NaN, NaN, 42.1]);
    expect(Array.from(out.subarray(0, 10))).toEqual(new Array(10).fill(-1));
    expect(unparsed).toEqual([12]);
  });

  it('reads a dictionary column through its entries', () => {
    const out = new Float64Array(5);
    const unparsed: number[] = [];
    const column = vectorFromArray(['-87.6', 'unknown', '-87.6', null, 'unknown'], new Dictionary(new Utf8(), new Int32()));
    readTextNumbers(column.data[0], out, 0, unparsed);
    expect(Array.from(out)).toEqual([-87.6, NaN, -87.6, NaN, NaN]);
    expect(unparsed).toEqual([1, 4]);
  });
});

describe('sampleTextNumbers', () => {
  it('counts numbers and other text among the first non-blank values, nulls and blanks skipped', () => {
    const chunks = [vectorFromArray(['41.9', '', null, 'N/A'], new Utf8()).data[0], vectorFromArray(['42', 'x', '43'], new Utf8()).data[0]];
    expect(sampleTextNumbers(chunks, 10)).toEqual({ numbers: [41.9, 42, 43], other: 2 });
    expect(sampleTextNumbers(chunks, 3)).toEqual({ numbers: [41.9, 42], other: 1 });
  });
});
