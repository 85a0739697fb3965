import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRawBatch } from './csv-parser';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Parses `input` pushed in chunks of `size` bytes; returns the rows as string arrays (null for an empty field), the header and the parser. */
function parse(input: string | Uint8Array, size = Infinity, delimiter = ',', batchRows?: number) {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  const parser = new CsvParser({ delimiter, batchRows });
  const batches: CsvRawBatch[] = [];
  const step = Math.min(size, Math.max(bytes.length, 1));
  for (let at = 0; at < bytes.length; at += step) batches.push(...parser.push(bytes.subarray(at, at + step)));
  batches.push(...parser.finish());
  const rows: (string | null)[][] = [];
  for (const batch of batches) {
    for (let i = 0; i < batch.rows; i++) {
      rows.push(batch.columns.map((c) => (c.valid[i] === 1 ? text.decode(c.bytes.subarray(c.offsets[i], c.offsets[i + 1])) : null)));
    }
  }
  return { rows, header: parser.header, parser, batches };
}

describe('CsvParser', () => {
  it.each([
    [
      'plain LF',
      'a,b\n1,2\n3,4\n',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n3,4\r\n',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'CR only (old Mac)',
      'a,b\r1,2\r3,4',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2\n3,4',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['a UTF-8 BOM', '\uFEFFa,b\n1,2\n', [['1', '2']]],
    ['a quoted delimiter', 'a,b\n"x,y",2\n', [['x,y', '2']]],
    ['doubled quotes', 'a,b\n"say ""hi""",2\n', [['say "hi"', '2']]],
    [
      'a line break inside quotes (LF and CRLF)',
      'a,b\n"two\nlines",2\r\n"and\r\nthis",3\n',
      [
        ['two\nlines', '2'],
        ['and\r\nthis', '3'],
      ],
    ],
    ['empty unquoted = null, "" = empty text', 'a,b,c\n,"",x\n', [[null, '', 'x']]],
    ['a trailing empty field', 'a,b\n1,\n', [['1', null]]],
    [
      'blank lines skipped',
      'a,b\n\n1,2\n\r\n3,4\n\n',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['non-ASCII text', 'a,b\nMüller,東京\n', [['Müller', '東京']]],
  ])('CsvParser reads %s', (_, input, rows) => {
    const parsed = parse(input);
    expect(parsed.header?.names).toEqual(['a', 'b', 'c'].slice(0, rows[0].length));
    expect(parsed.rows).toEqual(rows);
    expect(parsed.parser.bad.count).toBe(0);
  });

  it('CsvParser reads a semicolon- and a tab-delimited file', () => {
    expect(parse('a;b\n1,5;2\n', Infinity, ';').rows).toEqual([['1,5', '2']]);
    expect(parse('a\tb\n"x\ty"\t2\n', Infinity, '\t').rows).toEqual([['x\ty', '2']]);
  });

  it('CsvParser counts records with the wrong field count, with their lines, and keeps the rest', () => {
    // line 1 header (3 fields); line 3 has 2 fields; line 4 has 4; the record on line 5 spans lines 5–6 and is fine
    const parsed = parse('a,b,c\n1,2,3\n4,5\n6,7,8,9\n"10\n11",12,13\n14,15,16\n');
    expect(parsed.rows).toEqual([
      ['1', '2', '3'],
      ['10\n11', '12', '13'],
      ['14', '15', '16'],
    ]);
    expect(parsed.parser.bad).toEqual({
      count: 2,
      records: [1, 2],
      examples: [
        { record: 1, line: 3, kind: 'fields', expected: 3, found: 2 },
        { record: 2, line: 4, kind: 'fields', expected: 3, found: 4 },
      ],
    });
  });

  it('CsvParser counts a quote still open at the end of the file as one bad record, with the field and the lines it swallowed', () => {
    const parsed = parse('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(parsed.rows).toEqual([['1', '2']]);
    expect(parsed.parser.bad).toEqual({ count: 1, records: [1], examples: [{ record: 1, line: 3, kind: 'quote', expected: 2, found: 2, field: 2, lines: 4 }] });
  });

  it('CsvParser takes a first line with a number as data and names the columns column_1 …', () => {
    const parsed = parse('1,2\n3,4\n');
    expect(parsed.header).toEqual({
      names: ['column_1', 'column_2'],
      fromFile: false,
      reason: "no header line: the first line's field 1 ('1') is data, so columns are named column_1 …",
    });
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('CsvParser names empty and repeated header fields (a pandas index column has none)', () => {
    expect(parse(',a,a\n0,1,2\n').header?.names).toEqual(['column_1', 'a', 'a_2']);
  });

  it('CsvParser cuts batches of batchRows rows', () => {
    const input = `n\n${Array.from({ length: 10 }, (_, i) => i).join('\n')}\n`;
    const parsed = parse(input, Infinity, ',', 4);
    expect(parsed.batches.map((b) => b.rows)).toEqual([4, 4, 2]);
    expect(parsed.rows.flat()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('CsvParser gives the same rows, bad records and lines for chunks of 1, 2, 3, 7 and 64 KiB bytes', () => {
    // Every hard case at once, so each chunk boundary lands inside one of them for some size.
    const input = '\uFEFFid,"na""me",note\r\n1,"a,b","x\r\ny"\r\n2,"",\r\n\r\n3,"say ""hi""",ü東\r\n4,5\r\n5,"q",end\r\n6,"open\n7,8,9\n';
    const whole = parse(input);
    expect(whole.header?.names).toEqual(['id', 'na"me', 'note']);
    expect(whole.rows).toEqual([
      ['1', 'a,b', 'x\r\ny'],
      ['2', '', null],
      ['3', 'say "hi"', 'ü東'],
      ['5', 'q', 'end'],
    ]);
    expect(whole.parser.bad.examples).toEqual([
      { record: 3, line: 7, kind: 'fields', expected: 3, found: 2 },
      { record: 5, line: 9, kind: 'quote', expected: 3, found: 2, field: 2, lines: 3 },
    ]);
    for (const size of [1, 2, 3, 7, 65_536]) {
      const chunked = parse(input, size);
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.parser.bad).toEqual(whole.parser.bad);
      expect(chunked.header).toEqual(whole.header);
    }
  });
});
