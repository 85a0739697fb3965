import { describe, expect, it } from 'vitest';
import { ANY_NUMBER, NumberFormat as F, chooseNumberFormat, classifyNumber, parseNumber } from './number-format';

const bytes = (text: string) => new TextEncoder().encode(text);
const classify = (text: string) => classifyNumber(bytes(text), 0, bytes(text).length);
const parse = (text: string, format: number) => parseNumber(bytes(text), 0, bytes(text).length, format);
const GROUPED = F.PointCommaGroups | F.CommaPointGroups | F.CommaSpaceGroups;

describe('classifyNumber', () => {
  it.each([
    ['12', ANY_NUMBER], // an integer is a number in every format
    ['-12', ANY_NUMBER],
    [' 7 ', ANY_NUMBER],
    ['41.8819', F.Point | F.PointCommaGroups],
    ['-87.6', F.Point | F.PointCommaGroups],
    ['1e-3', F.Point],
    ['6.02E+23', F.Point],
    ['41,8819', F.Comma | F.CommaPointGroups | F.CommaSpaceGroups],
    ['1,234', F.Comma | GROUPED], // thousands or a decimal comma: the delimiter decides (chooseNumberFormat)
    ['1,234.5', F.PointCommaGroups],
    ['1.234,5', F.CommaPointGroups],
    ['1.234.567', F.CommaPointGroups],
    ['1 234,5', F.CommaSpaceGroups],
    ['1\u00a0234,5', F.CommaSpaceGroups],
    ['1\u202f234', F.CommaSpaceGroups],
    ['.5', F.Point | F.PointCommaGroups],
    ['', -1],
    ['   ', -1],
    ['007', 0], // a code with its zeros
    ['1.2.3', 0],
    ['12,34.5', 0], // a group of 2
    ['NaN', 0],
    ['12a', 0],
    ['-', 0],
    ['1 2', 0],
  ])("classifyNumber('%s') → %i", (text, mask) => {
    expect(classify(text)).toBe(mask);
  });
});

describe('parseNumber', () => {
  it.each([
    ['41.881903466', F.Point, 41.881903466],
    ['-87.62773', F.Point, -87.62773],
    ['41,8819', F.Comma, 41.8819],
    ['1.234,5', F.CommaPointGroups, 1234.5],
    ['1 234 567,25', F.CommaSpaceGroups, 1234567.25],
    ['1\u00a0234,5', F.CommaSpaceGroups, 1234.5],
    ['1,234.5', F.PointCommaGroups, 1234.5],
    ['1e-3', F.Point, 0.001],
    ['-0', F.Int, -0],
    ['9007199254740993', F.Int, 9007199254740992], // beyond 2^53: the nearest double, as Number() gives
    ['0.1234567890123456789', F.Point, 0.12345678901234568],
    ['', F.Point, NaN],
  ])("parseNumber('%s', format %i) → %d", (text, format, value) => {
    expect(parse(text, format)).toBe(value);
  });

  it('parseNumber gives the same double as Number() for 10,000 seeded shortest-round-trip decimals', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 10_000; i++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
      const text = String(value);
      expect(parse(text, F.Point)).toBe(Number(text));
      if (!text.includes('e')) expect(parse(text.replace('.', ','), F.Comma)).toBe(Number(text));
    }
  });
});

describe('chooseNumberFormat', () => {
  it.each([
    [ANY_NUMBER, ',', F.Int],
    [F.Point | F.PointCommaGroups, ';', F.Point],
    [F.Comma | F.CommaPointGroups | F.CommaSpaceGroups, ';', F.Comma],
    [F.PointCommaGroups | F.Comma | F.CommaPointGroups | F.CommaSpaceGroups, ',', F.PointCommaGroups], // '1,234' in a ',' file: thousands
    [F.PointCommaGroups | F.Comma | F.CommaPointGroups | F.CommaSpaceGroups, ';', F.Comma], // in a ';' file: a decimal comma
    [F.CommaPointGroups, ';', F.CommaPointGroups],
    [0, ',', null],
  ])('chooseNumberFormat(%i, %s) → %s', (mask, delimiter, format) => {
    expect(chooseNumberFormat(mask, delimiter)).toBe(format);
  });
});
