import { describe, expect, it } from 'vitest';
import { random } from '../base/random';
import { flagScores } from './flag-scores';
import { flagAccuracy } from './metrics/flag-accuracy';
import { flagPrecision } from './metrics/flag-precision';

const ONES = [1, 1, 1, 1];

describe('flagScores', () => {
  it('flagScores([[3, 2, 1, 0]], [[2, 0, 1, 0]], …, [0, 0.5]) — the worked example of the doc comment, by hand', () => {
    const s = flagScores([[3, 2, 1, 0]], [[2, 0, 1, 0]], ONES, ONES, [0, 0.5]);
    // c = 0: nothing flagged; cells 1 and 3 (empty) are right → 2/4. c = 0.5: cells 0, 1 flagged; 0 hit, 3 empty and unflagged → 2/4.
    expect(Array.from(s.accuracy)).toEqual([0.5, 0.5]);
    // Incidents 3; flagged cells 0, 1 hold 2 → 2/3; PAI (2/3)/0.5 = 4/3. Precision: 1 of 2 flagged cells had an incident.
    expect(s.hitRate[0]).toBe(0);
    expect(s.hitRate[1]).toBeCloseTo(2 / 3, 12);
    expect(Number.isNaN(s.precision[0])).toBe(true);
    expect(s.precision[1]).toBe(0.5);
    expect(Number.isNaN(s.pai[0])).toBe(true);
    expect(s.pai[1]).toBeCloseTo(4 / 3, 12);
    // AUC: positives {0, 2} against negatives {1, 3}: (0,1) (0,3) (2,3) ordered right, (2,1) wrong → 3/4.
    expect(s.auc).toBe(0.75);
    expect(s.baseRate).toBe(0.5);
  });

  it('on sparse steps "flag nothing" is accurate: 1 incident in 20 cells × 2 steps scores 19/20, the base rate is 1/20', () => {
    const y = Array.from({ length: 20 }, (_, i) => (i === 7 ? 1 : 0));
    const f = Array.from({ length: 20 }, (_, i) => 20 - i); // ranks cell 0 first: misses cell 7 at 5 %
    const s = flagScores([f, f], [y, y], new Array(20).fill(1), new Array(20).fill(1), [0, 0.05]);
    expect(s.accuracy[0]).toBeCloseTo(19 / 20, 12);
    // At 5 % (1 cell) the wrong cell is flagged: cell 0 wrong, cell 7 wrong → 18/20, precision 0, hit rate 0.
    expect(s.accuracy[1]).toBeCloseTo(18 / 20, 12);
    expect(s.precision[1]).toBe(0);
    expect(s.hitRate[1]).toBe(0);
    expect(s.baseRate).toBeCloseTo(1 / 20, 12);
    // Cell 7 ranks 8th of 20 from the top: 12 empty cells below it of 19 → AUC 12/19.
    expect(s.auc).toBeCloseTo(12 / 19, 12);
  });

  it('averages over the steps where a score is defined: a step without incidents has no hit rate, PAI or AUC', () => {
    const s = flagScores(
      [
        [1, 0, 0, 0],
        [1, 0, 0, 0],
      ],
      [
        [1, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      ONES,
      ONES,
      [0.25],
    );
    expect(s.hitRate[0]).toBe(1);
    expect(s.pai[0]).toBe(4);
    expect(s.auc).toBe(1);
    // Accuracy is defined in both: 4/4 and 3/4 → 7/8. Precision 1 and 0 → 1/2.
    expect(s.accuracy[0]).toBeCloseTo(7 / 8, 12);
    expect(s.precision[0]).toBe(0.5);
  });
});

describe('flagScores against flagAccuracy and flagPrecision', () => {
  it('gives the metrics’ own values on seeded sparse data with ties, cells outside the region and unequal areas', () => {
    const rng = random(17);
    const C = 60;
    const area = Array.from({ length: C }, () => 0.9 + 0.2 * rng.next());
    const region = Array.from({ length: C }, (_, i) => (i % 7 === 3 ? 0 : 1));
    const coverage = [0, 0.01, 0.05, 0.1, 0.23, 0.5, 1];
    for (let step = 0; step < 5; step++) {
      const f = Array.from({ length: C }, () => rng.int(4)); // many ties
      const y = Array.from({ length: C }, () => (rng.next() < 0.15 ? 1 + rng.int(3) : 0));
      const s = flagScores([f], [y], area, region, coverage);
      coverage.forEach((c, j) => {
        expect(s.accuracy[j]).toBeCloseTo(flagAccuracy(f, y, area, region, c), 12);
        if (c > 0) expect(s.precision[j]).toBeCloseTo(flagPrecision(f, y, area, region, c), 12);
      });
    }
  });
});
