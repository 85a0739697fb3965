import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'id,lat,lng\n1,41.9,-87.6\n2,41.8,-87.7\n', ','],
    ['semicolon with decimal commas', 'id;lat;lng\n1;41,9;-87,6\n2;41,8;-87,7\n', ';'],
    ['tab', 'id\tlat\tlng\n1\t41.9\t-87.6\n', '\t'],
    ['pipe', 'id|when|what\n1|2018-01-01|THEFT, PETTY\n', '|'],
    ['comma with quoted semicolons', 'id,note\n1,"a;b;c"\n2,"d;e;f"\n', ','],
    ['semicolon with a quoted line break', 'a;b\n"x\ny;z";2\n3;4\n', ';'],
  ])('detectDelimiter of a %s file', (_, head, delimiter) => {
    expect(detectDelimiter(head, true).delimiter).toBe(delimiter);
  });

  it('detectDelimiter says why: the counts of every candidate', () => {
    expect(detectDelimiter('a;b\n1,5;2,5\n3;4\n', true).reason).toBe(
      "';' splits all 3 first records into 2 fields (',' gives 1–3 fields; tab gives 1 field; '|' gives 1 field)",
    );
  });

  it('detectDelimiter of one column says so', () => {
    expect(detectDelimiter('name\nx\ny\n', true)).toEqual({
      delimiter: ',',
      reason: "no delimiter splits the first line (',' gives 1 field; ';' gives 1 field; tab gives 1 field; '|' gives 1 field): read as one column",
    });
  });

  it('detectDelimiter ignores a last line the 64 KiB head may have cut, unless the head is the whole file', () => {
    expect(detectDelimiter('a;b\n1;2\n3,4,5,6,7', false).delimiter).toBe(';');
  });
});
