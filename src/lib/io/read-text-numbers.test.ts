import { Dictionary, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { NumberFormat } from './number-format';
import { readTextNumbers, sampleTextNumbers, textNumberFormat, textNumberReading } from './read-text-numbers';

const text = (values: readonly (string | null)[]) => vectorFromArray(values, new Utf8()).data;

describe('textNumberFormat', () => {
  it.each([
    [['41.8819', '-87.6', '12', 'N/A'], ',', NumberFormat.Point],
    [['12', '-7', ''], ',', NumberFormat.Int],
    // One group after a digit run: thousands in a ',' file, as the CSV reader decides…
    [['650,123', '724,606'], ',', NumberFormat.PointCommaGroups],
    // …a decimal comma in a ';' file or a file with no delimiter.
    [['650,123', '724,606'], ';', NumberFormat.Comma],
    [['650,123', '724,606'], '', NumberFormat.Comma],
    // '7,650,123' fits ',' thousands only: the format most values fit wins, whatever the delimiter.
    [['650,123', '7,650,123', 'N/A'], ';', NumberFormat.PointCommaGroups],
    [['41,88', '41,9', '40,623'], ',', NumberFormat.Comma],
    [['1.234,5', '2.345,6'], '', NumberFormat.CommaPointGroups],
    [['N/A', '-'], ',', NumberFormat.Point],
  ] as const)('%j with delimiter %j → format %i', (values, delimiter, format) => {
    expect(textNumberFormat(text(values), delimiter)).toBe(format);
  });
});

describe('textNumberReading', () => {
  it('counts the values the chosen format reads, and the best reading with the other decimal separator', () => {
    // 297 numbers with a decimal point and 3 with a decimal comma: 297 read, the 3 dropped; no other reading fits half as many.
    const mixed = [...Array.from({ length: 297 }, (_, i) => `41.7${String(i).padStart(4, '0')}`), '41,5', '41,6', '41,7'];
    expect(textNumberReading(text(mixed), ',')).toEqual({ format: NumberFormat.Point, read: 297, other: NumberFormat.Comma, otherRead: 3 });
    // '41.768' is also 41,768 with '.' thousands: that reading fits both values, so it wins; the decimal point reads one.
    expect(textNumberReading(text(['41.768', '41,5']), '')).toEqual({
      format: NumberFormat.CommaPointGroups,
      read: 2,
      other: NumberFormat.Point,
      otherRead: 1,
    });
    expect(textNumberReading(text(['N/A']), ',')).toEqual({ format: NumberFormat.Point, read: 0, other: 0, otherRead: 0 });
  });
});

describe('readTextNumbers', () => {
  it('reads a Utf8 chunk at an offset in one format: nulls and blanks NaN, other text and numbers in another format listed', () => {
    const out = new Float64Array(16).fill(-1);
    const unparsed: number[] = [];
    readTextNumbers(text(['41.9', null, 'N/A', '', '7,650,123', '41,5'])[0], out, 10, unparsed, NumberFormat.PointCommaGroups);
    expect(Array.from(out.subarray(10))).toEqual([41.9, NaN, NaN, NaN, 7650123, NaN]); // '41,5' is no ',' thousands number
    expect(Array.from(out.subarray(0, 10))).toEqual(new Array(10).fill(-1));
    expect(unparsed).toEqual([12, 15]);
    const comma: number[] = [];
    readTextNumbers(text(['41,5', '41.5', '0'])[0], out, 0, comma, NumberFormat.Comma);
    expect([out[0], out[2], comma]).toEqual([41.5, 0, [1]]);
  });

  it('reads a dictionary column through its entries', () => {
    const out = new Float64Array(5);
    const unparsed: number[] = [];
    const column = vectorFromArray(['-87.6', 'unknown', '-87.6', null, 'unknown'], new Dictionary(new Utf8(), new Int32()));
    readTextNumbers(column.data[0], out, 0, unparsed, textNumberFormat(column.data, ''));
    expect(Array.from(out)).toEqual([-87.6, NaN, -87.6, NaN, NaN]);
    expect(unparsed).toEqual([1, 4]);
  });
});

describe('sampleTextNumbers', () => {
  it('counts finite numbers and other text among the first non-blank values, nulls and blanks skipped', () => {
    const chunks = [...text(['41.9', '', null, 'N/A']), ...text(['42', 'x', '1e999', '43'])];
    expect(sampleTextNumbers(chunks, 10)).toEqual({ numbers: [41.9, 42, 43], other: 2 });
    expect(sampleTextNumbers(chunks, 3)).toEqual({ numbers: [41.9, 42], other: 1 });
  });
});
