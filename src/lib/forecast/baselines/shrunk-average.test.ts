import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { random } from '../../base/random';
import { shrunkAverage, shrunkAverageLevel } from './shrunk-average';
import { CENTRE, RING1, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract('shrunkAverage()', () => shrunkAverage());

describe('shrunkAverageLevel', () => {
  it('shrinks cell means 3, 1, 0 over T = 4 toward m̄ = 4/3 with κ = 2/3: (36ȳ + 8)/42', () => {
    // Period-major, 3 cells: cell sums 12, 4, 0.
    const counts = Float32Array.of(3, 1, 0, 4, 0, 0, 2, 2, 0, 3, 1, 0);
    const { level, strength } = shrunkAverageLevel(counts, 3);
    // ȳ = (3, 1, 0), m̄ = 4/3, s² = (25 + 1 + 16)/9/2 = 7/3, v = 7/3 − (4/3)/4 = 2, κ = m̄/v = 2/3.
    expect(strength).toBeCloseTo(2 / 3, 12);
    expect(Array.from(level)).toEqual([116 / 42, 44 / 42, 8 / 42].map((v) => expect.closeTo(v, 6)));
    expect(level.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 5);
  });

  it('pools completely when the cells differ less than Poisson noise would make them (v ≤ 0)', () => {
    // ȳ = (2, 1), m̄ = 1.5, s² = 0.5, v = 0.5 − 1.5/2 < 0.
    const { level, strength } = shrunkAverageLevel(Float32Array.of(1, 0, 3, 2), 2);
    expect(strength).toBe(Infinity);
    expect(Array.from(level)).toEqual([1.5, 1.5]);
  });

  it('estimates the true-rate variance: on Gamma-distributed rates κ lands near m̄/v', () => {
    // 2000 cells with true rates λ ~ Gamma(shape 2, scale 0.5): mean 1, variance 0.5 → κ ≈ 2.
    const rng = random(3);
    const C = 2000;
    const T = 20;
    const gamma2 = (): number => -Math.log(rng.next() * rng.next()) * 0.5;
    const rates = Array.from({ length: C }, gamma2);
    const counts = new Float32Array(T * C);
    for (let t = 0; t < T; t++) for (let c = 0; c < C; c++) counts[t * C + c] = rng.poisson(rates[c]);
    expect(shrunkAverageLevel(counts, C).strength).toBeGreaterThan(1.6);
    expect(shrunkAverageLevel(counts, C).strength).toBeLessThan(2.5);
  });
});

describe('shrunkAverage', () => {
  it('forecasts a never-active cell above 0 and a busy cell a little below its mean', () => {
    const [A, B] = [CENTRE, RING1[0]];
    const { history, cells } = tinyHistory({ [A]: [4, 6, 5, 5], [B]: [0, 0, 0, 0] });
    const out = forecastOf(shrunkAverage(), history, 1);
    expect(seriesOf(out, cells, A)[0]).toBeLessThan(5);
    expect(seriesOf(out, cells, B)[0]).toBeGreaterThan(0);
  });
});
