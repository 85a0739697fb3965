import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { dieboldMariano } from './diebold-mariano';
import { logGamma } from './log-gamma';

/** Two-sided Student-t p-value by Simpson integration of the density (a reference only). */
function tTwoSided(t: number, dof: number): number {
  const c = Math.exp(logGamma((dof + 1) / 2) - logGamma(dof / 2)) / Math.sqrt(dof * Math.PI);
  const density = (x: number) => c * (1 + (x * x) / dof) ** (-(dof + 1) / 2);
  const steps = 4000;
  const width = Math.abs(t) / steps;
  let sum = density(0) + density(Math.abs(t));
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * density(i * width);
  return 1 - 2 * ((sum * width) / 3);
}

/** The DM statistic with HLN correction, straight from the formulas. */
function reference(a: number[], b: number[], h: number) {
  const d = a.map((v, i) => v - b[i]);
  const n = d.length;
  const mean = d.reduce((s, v) => s + v, 0) / n;
  const gamma = (k: number) => d.slice(k).reduce((s, v, t) => s + (v - mean) * (d[t] - mean), 0) / n;
  let v = gamma(0);
  for (let k = 1; k < h; k++) v += 2 * gamma(k);
  const statistic = (mean / Math.sqrt(v / n)) * Math.sqrt((n + 1 - 2 * h + (h * (h - 1)) / n) / n);
  return { mean, v, statistic, pValue: tTwoSided(statistic, n - 1) };
}

describe('dieboldMariano', () => {
  test('dieboldMariano(lossA, lossB, 2) of a hand-computed case', () => {
    // d = (1, 3, 5, 8, 8) − (1, 2, 3, 4, 5) = (0, 1, 2, 4, 3); n = 5, d̄ = 2
    // deviations (−2, −1, 0, 2, 1): γ₀ = (4 + 1 + 0 + 4 + 1)/5 = 2
    // γ₁ = ((−1)(−2) + 0·(−1) + 2·0 + 1·2)/5 = 0.8;  V = γ₀ + 2γ₁ = 3.6
    // DM = 2/√(3.6/5) = 2/√0.72 = 2.357023;  HLN = √((5 + 1 − 4 + 2/5)/5) = √0.48
    // DM* = 2.357023 · 0.692820 = 1.632993 (= 4/√6)
    // p = 2·(1 − F₄(1.632993)) with F₄(t) = ½ + (3/8)·(t/√(1 + t²/4))·(1 − t²/(12(1 + t²/4)))
    //   t² = 8/3: 1 + t²/4 = 5/3; t/√(5/3) = 1.264911; 1 − (8/3)/20 = 0.866667
    //   F₄ = 0.5 + 0.375 · 1.264911 · 0.866667 = 0.911096 → p = 0.177808
    const result = dieboldMariano([1, 3, 5, 8, 8], [1, 2, 3, 4, 5], 2);
    expect(result.meanDifference).toBe(2);
    expect(result.statistic).toBeCloseTo(4 / Math.sqrt(6), 12);
    expect(result.pValue).toBeCloseTo(0.177808, 6);
    expect([result.n, result.horizon]).toEqual([5, 2]);
  });

  test('dieboldMariano(lossA, lossB, 1) of a hand-computed case', () => {
    // d = (1, 2, 1, 3, 3): d̄ = 2; deviations (−1, 0, −1, 1, 1), γ₀ = 4/5 = 0.8
    // DM = 2/√(0.8/5) = 5; HLN = √((5 + 1 − 2)/5) = √0.8 → DM* = √20 = 4.472136
    // F₄(√20): 1 + 20/4 = 6; √20/√6 = 1.825742; 1 − 20/72 = 0.722222 → F₄ = 0.994472, p = 0.011056
    const result = dieboldMariano([2, 3, 2, 4, 4], [1, 1, 1, 1, 1], 1);
    expect(result.statistic).toBeCloseTo(Math.sqrt(20), 12);
    expect(result.pValue).toBeCloseTo(0.011056, 6);
  });

  test('dieboldMariano(…) is antisymmetric: swapping the models flips the sign and keeps p', () => {
    const ab = dieboldMariano([1, 3, 5, 8, 8], [1, 2, 3, 4, 5], 2);
    const ba = dieboldMariano([1, 2, 3, 4, 5], [1, 3, 5, 8, 8], 2);
    expect([ba.meanDifference, ba.statistic, ba.pValue]).toEqual([-ab.meanDifference, -ab.statistic, ab.pValue]);
  });

  test('dieboldMariano(…) falls back to h = 1 when the rectangular long-run variance is negative', () => {
    // d = (3, 1, 3, 1, 3, 1): d̄ = 2, deviations ±1, γ₀ = 1, γ₁ = −5/6 → V = 1 − 5/3 < 0.
    // With h = 1: DM = 2/√(1/6) = 2√6; HLN √((6 + 1 − 2)/6) = √(5/6) → DM* = 2√5.
    const result = dieboldMariano([3, 1, 3, 1, 3, 1], [0, 0, 0, 0, 0, 0], 2);
    expect(result.horizon).toBe(1);
    expect(result.statistic).toBeCloseTo(2 * Math.sqrt(5), 12);
  });

  test('dieboldMariano(lossA, lossB, h) matches the formulas on seeded data (p by numerical integration)', () => {
    const rng = random(81);
    let compared = 0;
    for (const [n, h] of [
      [52, 1],
      [52, 4],
      [26, 2],
      [12, 3],
    ]) {
      const b = Array.from({ length: n }, () => 1 + rng.next());
      const a = b.map((v) => v + 0.1 + 0.3 * rng.normal());
      const want = reference(a, b, h);
      if (!(want.v > 0)) continue;
      const got = dieboldMariano(a, b, h);
      expect(got.meanDifference).toBeCloseTo(want.mean, 12);
      expect(got.statistic).toBeCloseTo(want.statistic, 10);
      expect(got.pValue).toBeCloseTo(want.pValue, 8);
      expect(got.horizon).toBe(h);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  test('dieboldMariano(…) rejects at about the nominal rate under the null (500 seeded pairs of equal models)', () => {
    const rng = random(82);
    let rejected = 0;
    for (let r = 0; r < 500; r++) {
      const a = Array.from({ length: 26 }, () => rng.normal());
      const b = Array.from({ length: 26 }, () => rng.normal());
      if (dieboldMariano(a, b, 1).pValue < 0.05) rejected++;
    }
    expect(rejected / 500).toBeGreaterThan(0.02);
    expect(rejected / 500).toBeLessThan(0.09);
  });

  test('dieboldMariano(…) drops folds where either loss is NaN', () => {
    const result = dieboldMariano([NaN, 1, 3, 5, 8, 8, 4], [0, 1, 2, 3, 4, 5, NaN], 2);
    expect(result.n).toBe(5);
    expect(result.statistic).toBeCloseTo(4 / Math.sqrt(6), 12);
  });

  test.each([
    ['empty', [], [], 1, { meanDifference: NaN, n: 0 }],
    ['two folds (n < 3)', [1, 2], [0, 0], 1, { meanDifference: 1.5, n: 2 }],
    ['identical models (all zero differences)', [1, 2, 3, 4], [1, 2, 3, 4], 1, { meanDifference: 0, n: 4 }],
    ['ties: every difference 0.1 (zero variance, d̄ ≠ 0)', [1.1, 2.1, 3.1, 4.1], [1, 2, 3, 4], 2, { meanDifference: 0.1, n: 4 }],
    ['horizon = n (HLN factor 0)', [1, 3, 2, 5], [0, 0, 0, 0], 4, { meanDifference: 2.75, n: 4 }],
  ])('dieboldMariano(lossA, lossB, h) edge case: %s → statistic and p NaN', (_, a, b, h, expected) => {
    const result = dieboldMariano(a, b, h);
    expect(result.statistic).toBeNaN();
    expect(result.pValue).toBeNaN();
    expect(result.n).toBe(expected.n);
    if (Number.isNaN(expected.meanDifference)) expect(result.meanDifference).toBeNaN();
    else expect(result.meanDifference).toBeCloseTo(expected.meanDifference, 12);
  });

  test.each([
    [[1, 2], [1], 1, /dieboldMariano: lossA has 2 folds but lossB has 1/],
    [[1, 2], [1, 2], 0, /horizon must be a whole number ≥ 1, got 0/],
    [[1, 2], [1, 2], 1.5, /horizon must be a whole number ≥ 1, got 1.5/],
    [[1, -Infinity], [1, 2], 1, /dieboldMariano: fold 1 is -Infinity/],
  ])('dieboldMariano(%j, %j, %d) throws a specific error', (a, b, h, message) => {
    expect(() => dieboldMariano(a, b, h)).toThrow(message);
  });
});
