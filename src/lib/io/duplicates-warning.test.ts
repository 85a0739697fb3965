import { describe, expect, it } from 'vitest';
import { duplicatesWarning } from './duplicates-warning';

describe('duplicatesWarning', () => {
  it('names the file once when every example lies in it, and says more exist', () => {
    const pairs = [
      { source: 0, file: 'p.arrow', row: 1_204, ofSource: 0, ofFile: 'p.arrow', ofRow: 9 },
      { source: 0, file: 'p.arrow', row: 1_310, ofSource: 0, ofFile: 'p.arrow', ofRow: 12 },
    ];
    expect(duplicatesWarning(66, pairs)).toBe(
      '66 rows repeat an earlier row in every column (in p.arrow: row 1,204 repeats row 9; row 1,310 repeats row 12; …): kept; drop them with the duplicates setting',
    );
    expect(duplicatesWarning(1, pairs.slice(0, 1))).toBe(
      '1 row repeats an earlier row in every column (in p.arrow: row 1,204 repeats row 9): kept; drop them with the duplicates setting',
    );
  });

  it('names each file when the examples span two', () => {
    expect(duplicatesWarning(1, [{ source: 1, file: 'b.arrow', row: 0, ofSource: 0, ofFile: 'a.arrow', ofRow: 3 }])).toBe(
      '1 row repeats an earlier row in every column (b.arrow row 0 repeats a.arrow row 3): kept; drop them with the duplicates setting',
    );
  });

  it('names each file when two files of the same name hold the pair (a row of one repeats a row of the other)', () => {
    expect(duplicatesWarning(1, [{ source: 1, file: 'data.arrow', row: 5, ofSource: 0, ofFile: 'data.arrow', ofRow: 3 }])).toBe(
      '1 row repeats an earlier row in every column (data.arrow (file 2) row 5 repeats data.arrow (file 1) row 3): kept; drop them with the duplicates setting',
    );
  });
});
