import { describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { flagConcentration } from './flag-concentration';
import { giniCoefficient } from './gini-coefficient';
import { randomConcentration } from './random-concentration';

describe('giniCoefficient', () => {
  it.each([
    ['equal values', [2, 2, 2], 0],
    ['all on one of four', [0, 0, 0, 4], 0.75],
    ['[1, 2, 3]: Σ|xi − xj| = 8 over 2·3·6', [3, 1, 2], 8 / 36],
    ['one value', [5], 0],
  ])('%s → %d', (_, values, expected) => expect(giniCoefficient(values)).toBeCloseTo(expected, 12));

  it('is NaN for no values or all zero, and refuses negative and NaN values', () => {
    expect(giniCoefficient([])).toBeNaN();
    expect(giniCoefficient([0, 0])).toBeNaN();
    expect(() => giniCoefficient([1, -1])).toThrow('giniCoefficient: value 1 is -1; values must be finite and ≥ 0');
    expect(() => giniCoefficient([1, NaN])).toThrow(/value 1 is NaN/);
  });

  it('agrees with the mean-difference formula Σ|xi − xj| / (2nΣx) on seeded random data', () => {
    const rng = random(3);
    const x = Array.from({ length: 40 }, () => rng.int(7));
    let pairs = 0;
    for (const a of x) for (const b of x) pairs += Math.abs(a - b);
    const sum = x.reduce((s, v) => s + v, 0);
    expect(giniCoefficient(x)).toBeCloseTo(pairs / (2 * x.length * sum), 12);
  });
});

describe('flagConcentration', () => {
  it('counts flags on cells flagged in ≥ 80 % of 5 periods, over region cells only', () => {
    // Cell 3 is outside the region: its flags do not count.
    const result = flagConcentration([4, 2, 0, 9], [1, 0, 0, 1], [1, 1, 0, 1], 5, [1, 1, 1, 0]);
    expect(result.persistence).toBeCloseTo(4 / 6, 12);
    expect([result.distinctCells, result.distinctWhole]).toEqual([2, 1]);
    expect(result.gini).toBeCloseTo(giniCoefficient([4, 2, 0]), 12);
  });

  it('is NaN without flags', () => {
    const result = flagConcentration([0, 0], [0, 0], [0, 0], 3, [1, 1]);
    expect([result.persistence, result.gini, result.distinctCells]).toEqual([NaN, NaN, 0]);
  });
});

describe('randomConcentration', () => {
  it('one of two cells over two periods: E[G] = P(same cell twice)·0.5 = 0.25, persistence 2·0.25/(2·0.5) = 0.5, distinct 1.5', () => {
    expect(randomConcentration(2, 0.5, 2)).toEqual({ persistence: 0.5, gini: 0.25, distinctCells: 1.5, distinctWhole: 1.5 });
  });

  it('matches 20,000 seeded draws of 3 of 10 cells over 6 periods', () => {
    const rng = random(11);
    const runs = 20000;
    let gini = 0;
    let persistence = 0;
    let distinct = 0;
    for (let r = 0; r < runs; r++) {
      const flags = new Float64Array(10);
      for (let t = 0; t < 6; t++) {
        const cells = Array.from({ length: 10 }, (_, i) => i);
        for (let i = 0; i < 3; i++) {
          const j = i + rng.int(10 - i);
          [cells[i], cells[j]] = [cells[j], cells[i]];
          flags[cells[i]]++;
        }
      }
      gini += giniCoefficient(flags);
      persistence += flags.reduce((s, f) => s + (f >= 4.8 ? f : 0), 0) / 18;
      distinct += flags.filter((f) => f > 0).length;
    }
    const exact = randomConcentration(6, 0.3, 10);
    expect(Math.abs(exact.gini - gini / runs)).toBeLessThan(0.005);
    expect(Math.abs(exact.persistence - persistence / runs)).toBeLessThan(0.002);
    expect(Math.abs(exact.distinctCells - distinct / runs)).toBeLessThan(0.02);
    expect(exact.distinctCells).toBeCloseTo(10 * (1 - 0.7 ** 6), 12);
  });

  it('refuses nonsense', () => {
    expect(() => randomConcentration(0, 0.5, 2)).toThrow('randomConcentration: steps must be a whole number ≥ 1, got 0');
    expect(() => randomConcentration(2, 0, 2)).toThrow('randomConcentration: coverage must lie in (0, 1], got 0');
  });
});
