import { describe, expect, it } from 'vitest';
import { constantRateCounts, constantWorldRegression, expectedMaxPoisson } from './constant-rate-world';

describe('constantRateCounts(rates, periods, seed)', () => {
  it('is reproducible by its seed, zero where the rate is zero, and recovers its rates', () => {
    const rates = Float64Array.of(0, 0.5, 3);
    expect(constantRateCounts(rates, 5, 7)).toEqual(constantRateCounts(rates, 5, 7));
    const counts = constantRateCounts(rates, 20_000, 1);
    const mean = (c: number) => counts.filter((_, i) => i % 3 === c).reduce((s, x) => s + x, 0) / 20_000;
    expect(mean(0)).toBe(0);
    // standard error of a Poisson mean: √(λ/n) = √(3/20000) ≈ 0.012; 4 standard errors
    expect(Math.abs(mean(1) - 0.5)).toBeLessThan(4 * Math.sqrt(0.5 / 20_000));
    expect(Math.abs(mean(2) - 3)).toBeLessThan(4 * Math.sqrt(3 / 20_000));
  });
});

describe('expectedMaxPoisson(λ, n)', () => {
  it.each([
    // n = 1: the mean itself
    [1, 1, 1],
    [2.5, 1, 2.5],
    // n = 2, λ = 1: Σ_m 1 − F(m)² = (1 − e⁻²) + (1 − 4e⁻²) + (1 − 6.25e⁻²) + … = 0.8647 + 0.4587 + 0.1542 + 0.0376 + 0.0073 + 0.0012 + …
    [1, 2, 1.5237776],
  ])('λ = %d, n = %d → %d', (lambda, n, expected) => {
    expect(expectedMaxPoisson(lambda, n)).toBeCloseTo(expected, 6);
  });

  it('n = 2, λ = 1 by hand: the first terms 1 − e⁻², 1 − 4e⁻², 1 − 6.25e⁻² … sum to the value', () => {
    const e = Math.exp(-1);
    let cdf = 0;
    let pmf = e;
    let sum = 0;
    for (let m = 0; m < 40; m++) {
      cdf += pmf;
      sum += 1 - cdf * cdf;
      pmf /= m + 1;
    }
    expect(expectedMaxPoisson(1, 2)).toBeCloseTo(sum, 10);
  });
});

describe('constantWorldRegression(rates, k, after, seed, runs)', () => {
  it('in a world with no change, the hottest cells’ next count equals their true rate (analytic: independence), over 2,000 seeds', () => {
    // 50 cells with rates from 0.2 to 5: E[next | selected] = mean λ of the selected cells
    const rates = Float64Array.from({ length: 50 }, (_, c) => 0.2 + (4.8 * c) / 49);
    const r = constantWorldRegression(rates, 5, 1, 11, 2000);
    // per run the next mean of 5 cells has sd ≈ √(5/5) = 1; over 2,000 runs the standard error is ≈ 0.022
    expect(Math.abs(r.expected.next - r.expected.trueRate)).toBeLessThan(0.1);
    // and the selection period's mean lies well above: the "drop" is pure selection
    expect(r.expected.at - r.expected.next).toBeGreaterThan(1);
  });

  it('k = 1 of n equal cells: the expected drop is E[max of n Poisson(λ)] − λ', () => {
    const lambda = 2;
    const n = 30;
    const r = constantWorldRegression(new Float64Array(n).fill(lambda), 1, 1, 3, 4000);
    const expectedDrop = expectedMaxPoisson(lambda, n) - lambda; // the hottest of 30 cells at rate 2 averages ≈ 5.36
    expect(expectedDrop).toBeCloseTo(3.356, 3);
    expect(r.expected.trueRate).toBe(2);
    // the max's sd is ≈ 1, next's √2: over 4,000 runs the standard error of the drop is ≈ 0.03
    expect(Math.abs(r.expected.at - r.expected.next - expectedDrop)).toBeLessThan(0.12);
  });

  it('shows one reproducible run: the first seed’s selection, followed for `after` periods', () => {
    const rates = Float64Array.from({ length: 20 }, (_, c) => c / 4);
    const a = constantWorldRegression(rates, 3, 4, 7, 10);
    expect(a.series.length).toBe(5);
    expect(a).toEqual(constantWorldRegression(rates, 3, 4, 7, 10));
    expect(a.runs).toBe(10);
  });
});
