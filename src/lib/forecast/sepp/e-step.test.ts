import { describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { branchingProbabilities } from './branching-probabilities';
import { cellEvents } from './cell-events';
import { eStep } from './e-step';

// One cell, counts y = [2, 0, 1, 3], μ = 0.5, θ = 0.5, ω = ln 2, so e^{−ω} = 1/2 and
// g(1) = 1/2, g(2) = 1/4, g(3) = 1/8. Excitation θ g(p − q) y(q) from each earlier period:
//   p = 0: none                          λ = 0.5
//   p = 1: from 0: 0.5 · 1/2 · 2 = 0.5    λ = 1
//   p = 2: from 0: 0.5 · 1/4 · 2 = 0.25   λ = 0.75    π = [1/3, 0, 2/3]
//   p = 3: from 0: 0.5 · 1/8 · 2 = 0.125, from 2: 0.5 · 1/2 · 1 = 0.25
//                                         λ = 0.875   π = [1/7, 0, 2/7, 4/7]
const y = [2, 0, 1, 3];
const params = { mu: Float64Array.of(0.5), theta: 0.5, omega: Math.LN2 };

describe('branchingProbabilities(y, μ, θ, ω)', () => {
  it('matches the hand-worked matrix (row p: parents q < p, background on the diagonal)', () => {
    const pi = Array.from(branchingProbabilities(y, 0.5, 0.5, Math.LN2));
    const expected = [
      [1, 0, 0, 0],
      [0.5, 0.5, 0, 0],
      [1 / 3, 0, 2 / 3, 0],
      [1 / 7, 0, 2 / 7, 4 / 7],
    ].flat();
    expected.forEach((value, i) => expect(pi[i]).toBeCloseTo(value, 12));
  });

  it('leaves a row at 0 when λ(p) = 0 (μ = 0, nothing before)', () => {
    expect(Array.from(branchingProbabilities([0, 1], 0, 0.5, 1))).toEqual([0, 0, 0, 0]);
  });
});

describe('eStep(events, params)', () => {
  it('sums the hand-worked branching probabilities into B, T, K and the log-likelihood', () => {
    const stats = eStep(cellEvents(y, 4, 1), params);
    // B = Σ y π_bg = 2·1 + 1·2/3 + 3·4/7 = 92/21; T = 1·1/3 + 3·(1/7 + 2/7) = 34/21 (B + T = 6 events).
    expect(stats.background[0]).toBeCloseTo(92 / 21, 12);
    expect(stats.triggered).toBeCloseTo(34 / 21, 12);
    // K = Σ y π_pq (p − q) = 1·(1/3)·2 + 3·((1/7)·3 + (2/7)·1) = 2/3 + 15/7 = 59/21.
    expect(stats.lagSum).toBeCloseTo(59 / 21, 12);
    // D = Σ_q y(q) (1 − 2^{−(3 − q)}) = 2·7/8 + 1·1/2 + 3·0 = 2.25; Σ λ = 4·0.5 + 0.5·2.25 = 3.125 = 0.5 + 1 + 0.75 + 0.875.
    expect(stats.offspringInWindow).toBeCloseTo(2.25, 12);
    const logLikelihood = 2 * Math.log(0.5) + Math.log(0.75) + 3 * Math.log(0.875) - 3.125 - Math.log(2) - Math.log(6);
    expect(stats.logLikelihood).toBeCloseTo(logLikelihood, 12);
  });

  it('agrees with the O(P²) branching matrix and a direct log-likelihood on random multi-cell counts', () => {
    const rng = random(5);
    const P = 30;
    const C = 4;
    const counts = new Float32Array(P * C).map(() => (rng.next() < 0.4 ? 0 : rng.poisson(2)));
    const mu = Float64Array.of(0.3, 1.2, 0.05, 2);
    const stepParams = { mu, theta: 0.6, omega: 0.4 };
    const stats = eStep(cellEvents(counts, P, C), stepParams);
    let triggered = 0;
    let lagSum = 0;
    let logLikelihood = 0;
    for (let c = 0; c < C; c++) {
      const series = Array.from({ length: P }, (_, p) => counts[p * C + c]);
      const pi = branchingProbabilities(series, mu[c], 0.6, 0.4);
      let background = 0;
      for (let p = 0; p < P; p++) {
        background += series[p] * pi[p * P + p];
        for (let q = 0; q < p; q++) {
          triggered += series[p] * pi[p * P + q];
          lagSum += series[p] * pi[p * P + q] * (p - q);
        }
        let lambda = mu[c];
        for (let q = 0; q < p; q++) lambda += 0.6 * Math.exp(-0.4 * (p - q - 1)) * (1 - Math.exp(-0.4)) * series[q];
        let logFactorial = 0;
        for (let k = 2; k <= series[p]; k++) logFactorial += Math.log(k);
        logLikelihood += series[p] * Math.log(lambda) - lambda - logFactorial;
      }
      expect(stats.background[c]).toBeCloseTo(background, 9);
    }
    expect(stats.triggered).toBeCloseTo(triggered, 9);
    expect(stats.lagSum).toBeCloseTo(lagSum, 9);
    expect(stats.logLikelihood).toBeCloseTo(logLikelihood, 9);
  });

  it('gives −∞ log-likelihood when an event has λ = 0 (μ = 0, no excitation)', () => {
    const stats = eStep(cellEvents([1, 0], 2, 1), { mu: Float64Array.of(0), theta: 0.5, omega: 1 });
    expect(stats.logLikelihood).toBe(-Infinity);
    expect(stats.background[0]).toBe(1);
  });

  it('throws when μ has the wrong number of cells', () => {
    expect(() => eStep(cellEvents([1, 0], 1, 2), params)).toThrow('1 background rates for 2 cells');
  });
});
