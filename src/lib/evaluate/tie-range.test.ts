import { describe, expect, it } from 'vitest';
import { tieRangeText, tieRanges } from './tie-range';

describe('tieRanges', () => {
  it('averages worst and best over the given folds, per coverage, leaving NaN folds out as the means do', () => {
    // Two coverages, three folds: values[fold * 2 + j]. PAI worst at j = 0: folds 0, 2 → (2 + 4)/2; fold 1 is NaN.
    const worst = { hitRate: [0, 0, 0, 0, 0, 0], pai: [2, 1, NaN, 1, 4, 1], pei: [0, 0, 0, 0, 0, 0] };
    const best = { hitRate: [1, 1, 1, 1, 1, 1], pai: [6, 2, NaN, 2, 8, 5], pei: [1, 1, 1, 1, 1, 1] };
    const ranges = tieRanges(worst, best, [0.05, 0.1], [0, 1, 2]);
    expect(ranges.pai['0.05']).toEqual({ worst: 3, best: 7 });
    expect(ranges.pai['0.1']).toEqual({ worst: 1, best: 3 });
    expect(tieRanges(worst, best, [0.05, 0.1], [1]).pai['0.05']).toEqual({ worst: NaN, best: NaN });
  });
});

describe('tieRangeText', () => {
  it.each([
    [{ worst: 1.894, best: 4.061 }, 'ties 1.89–4.06'],
    [{ worst: 2.681, best: 2.684 }, ''], // both print 2.68
    [{ worst: 2.681, best: 2.686 }, 'ties 2.68–2.69'],
    [undefined, ''],
  ])('tieRangeText(%j) → %j', (range, text) => {
    expect(tieRangeText(range)).toBe(text);
  });
});
