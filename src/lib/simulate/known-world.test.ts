import { describe, expect, it } from 'vitest';
import { hitRate } from '../evaluate/metrics/hit-rate';
import { neighbours } from '../grid/neighbours';
import { expectedHitRate } from './expected-hit-rate';
import { EXCITATION_LAGS, knownWorld, type WorldOptions } from './known-world';
import { patchGeometry } from './patch-geometry';
import { syntheticPanel } from './synthetic-panel';
import { WEEK_MS, YEARLY_PEAK, YEAR_MS, WEEKLY_PEAK } from './cycle-mean';

const FLAT: WorldOptions = { meanRate: 0.5, concentration: 0, yearly: 0, weekly: 0, noise: 0, excitation: 0, reporting: 1, reportingSpread: 0, seed: 3 };

/** Least squares of y on [1, cos ωt, sin ωt] (t = period midpoints relative to the peak): returns the relative amplitude √(b₁² + b₂²)/b₀. */
function cycleAmplitude(y: ArrayLike<number>, t: ArrayLike<number>, omega: number): number {
  // The design is near-orthogonal over whole cycles; solve the 3 × 3 normal equations exactly anyway.
  const rows = Array.from({ length: y.length }, (_, i) => [1, Math.cos(omega * t[i]), Math.sin(omega * t[i])]);
  const a = [0, 1, 2].map((j) => [0, 1, 2].map((k) => rows.reduce((s, r) => s + r[j] * r[k], 0)));
  const b = [0, 1, 2].map((j) => rows.reduce((s, r, i) => s + r[j] * y[i], 0));
  for (let col = 0; col < 3; col++) {
    for (let row = col + 1; row < 3; row++) {
      const f = a[row][col] / a[col][col];
      for (let k = col; k < 3; k++) a[row][k] -= f * a[col][k];
      b[row] -= f * b[col];
    }
  }
  const x = [0, 0, 0];
  for (let row = 2; row >= 0; row--) x[row] = (b[row] - [0, 1, 2].slice(row + 1).reduce((s, k) => s + a[row][k] * x[k], 0)) / a[row][row];
  return Math.hypot(x[1], x[2]) / x[0];
}

function periodTotals(counts: Float32Array, P: number, C: number): Float64Array {
  const totals = new Float64Array(P);
  for (let i = 0; i < counts.length; i++) totals[Math.floor(i / C)] += counts[i];
  return totals;
}

describe('knownWorld recovers its own parameters', () => {
  it('mean rate and yearly amplitude from 520 weeks on 1 + 3·4·5 = 61 cells', () => {
    const geometry = patchGeometry({ rings: 4, periods: 520 });
    const world = knownWorld(geometry, { ...FLAT, meanRate: 0.5, yearly: 0.4 });
    const C = 61;
    expect(geometry.cells).toHaveLength(C);
    const totals = periodTotals(world.panel.counts, 520, C);
    const mean = totals.reduce((s, v) => s + v, 0) / (520 * C);
    // Expected 0.5 × (mean seasonal factor over 520 weeks ≈ 1); Poisson s.e. of the mean ≈ √(0.5/31 720) = 0.004. Tolerance 3 %.
    expect(mean).toBeGreaterThan(0.485);
    expect(mean).toBeLessThan(0.515);
    // A week-long period damps the yearly cosine by sin(πw/y)/(πw/y) = 0.99940: expected 0.4 × 0.9994 = 0.3998; s.e. ≈ 0.012. Tolerance ±0.04.
    const mid = Array.from(geometry.periods, (t) => t + WEEK_MS / 2 - YEARLY_PEAK);
    expect(Math.abs(cycleAmplitude(totals, mid, (2 * Math.PI) / YEAR_MS) - 0.3998)).toBeLessThan(0.04);
  });

  it('the weekly amplitude from 730 days, damped by a day-long period to 0.5 × sin(π/7)/(π/7) = 0.4834 (day buckets)', () => {
    const geometry = patchGeometry({ rings: 3, periods: 730, unit: 'day' });
    const world = knownWorld(geometry, { ...FLAT, weekly: 0.5 });
    const totals = periodTotals(world.panel.counts, 730, geometry.cells.length);
    const mid = Array.from(geometry.periods, (t) => t + 43_200_000 - WEEKLY_PEAK);
    const damping = Math.sin(Math.PI / 7) / (Math.PI / 7);
    expect(damping).toBeCloseTo(0.96677, 5);
    expect(Math.abs(cycleAmplitude(totals, mid, (2 * Math.PI) / WEEK_MS) - 0.5 * damping)).toBeLessThan(0.04);
  });

  it('records each true incident with its cell’s probability: half of them at r̄ = 0.5 with no spread', () => {
    const world = knownWorld(patchGeometry({ rings: 3, periods: 200 }), { ...FLAT, meanRate: 1, reporting: 0.5 });
    const recorded = world.panel.counts.reduce((s, v) => s + v, 0);
    const truth = world.trueCounts.reduce((s, v) => s + v, 0);
    // Binomial(≈7 400, 0.5): s.d. of the share ≈ 0.006.
    expect(Math.abs(recorded / truth - 0.5)).toBeLessThan(0.02);
    expect(world.recording.every((r) => Math.abs(r - 0.5) < 1e-9)).toBe(true);
  });

  it('spreads recording probabilities across cells with reportingSpread, centred on logit(r̄)', () => {
    const world = knownWorld(patchGeometry({ rings: 4, periods: 10 }), { ...FLAT, reporting: 0.5, reportingSpread: 1 });
    const logits = Array.from(world.recording, (r) => Math.log(r / (1 - r)));
    const mean = logits.reduce((s, v) => s + v, 0) / logits.length;
    const sd = Math.sqrt(logits.reduce((s, v) => s + (v - mean) ** 2, 0) / logits.length);
    // The surface is standardised: logits have mean logit(0.5) = 0 and s.d. 1 exactly.
    expect(mean).toBeCloseTo(0, 9);
    expect(sd).toBeCloseTo(1, 9);
  });

  it('scales hotspots by exp(s·z) with mean 1: s = 0 is flat, s = 1 has log-risk s.d. 1', () => {
    const geometry = patchGeometry({ rings: 4, periods: 4 });
    expect(knownWorld(geometry, FLAT).risk.every((r) => Math.abs(r - 1) < 1e-12)).toBe(true);
    const risk = knownWorld(geometry, { ...FLAT, concentration: 1 }).risk;
    const logs = Array.from(risk, Math.log);
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    expect(Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / logs.length)).toBeCloseTo(1, 9);
    expect(risk.reduce((s, v) => s + v, 0) / risk.length).toBeCloseTo(1, 12);
  });

  it('gives the oracle rᶜ·(μ·bᶜ·sₚ + η·Σₖ wₖ·(½N(c, p−k) + 1/12·Σⱼ N(j, p−k))), recomputed by hand from the true counts', () => {
    const geometry = patchGeometry({ rings: 2, periods: 12 });
    const options = { ...FLAT, meanRate: 2, concentration: 0.8, excitation: 0.6, reporting: 0.7, reportingSpread: 0.5 };
    const world = knownWorld(geometry, options);
    const C = geometry.cells.length;
    const nb = neighbours(geometry.cells, 1);
    const mu = 2 * (1 - 0.6);
    for (const [p, c] of [
      [0, 0],
      [5, 0],
      [7, 9],
      [11, 18],
    ]) {
      let excited = 0;
      for (let k = 1; k <= 3 && p - k >= 0; k++) {
        let around = 0;
        for (let j = nb.offsets[c]; j < nb.offsets[c + 1]; j++) around += world.trueCounts[(p - k) * C + nb.index[j]];
        excited += EXCITATION_LAGS[k - 1] * (0.5 * world.trueCounts[(p - k) * C + c] + around / 12);
      }
      const expected = world.recording[c] * (mu * world.risk[c] * world.season[p] + 0.6 * excited);
      expect(world.intensity[p * C + c]).toBeCloseTo(expected, 4);
    }
  });

  it('is reproducible by its seed and differs with another', () => {
    const geometry = patchGeometry({ rings: 2, periods: 20 });
    const a = knownWorld(geometry, { ...FLAT, concentration: 1, noise: 0.5, excitation: 0.3 });
    const b = knownWorld(geometry, { ...FLAT, concentration: 1, noise: 0.5, excitation: 0.3 });
    const c = knownWorld(geometry, { ...FLAT, concentration: 1, noise: 0.5, excitation: 0.3, seed: 4 });
    expect(Array.from(a.panel.counts)).toEqual(Array.from(b.panel.counts));
    expect(Array.from(a.panel.counts)).not.toEqual(Array.from(c.panel.counts));
  });

  it('refuses an explosive self-excitation (η ≥ 1) by name', () => {
    expect(() => knownWorld(patchGeometry({ rings: 1, periods: 2 }), { ...FLAT, excitation: 1 })).toThrow('knownWorld: excitation must be in [0, 1), got 1');
  });
});

describe('expectedHitRate: the oracle’s expected score on a toy world', () => {
  it('is 3/(3 + 6·1) = 1/3 at c = 1/7 for a centre cell of rate 3 and six neighbours of rate 1, and the oracle’s realised mean hit rate matches it', () => {
    const ones = new Float64Array(7).fill(1);
    const { panel, rates } = syntheticPanel({ rings: 1, periods: 4000, rate: ({ ring }) => (ring === 0 ? 3 : 1), seed: 11 });
    const step = rates.slice(0, 7);
    expect(expectedHitRate(step, step, ones, ones, 1 / 7)).toBeCloseTo(1 / 3, 12);
    let sum = 0;
    let periods = 0;
    for (let p = 0; p < 4000; p++) {
      const actual = panel.counts.slice(p * 7, p * 7 + 7);
      if (actual.reduce((s, v) => s + v, 0) === 0) continue;
      sum += hitRate(step, actual, ones, ones, 1 / 7);
      periods++;
    }
    // E[n/N | N > 0] = q exactly (binomial splitting); per-period s.d. ≈ √(q(1 − q)·E[1/N]) ≈ 0.17, s.e. over 4 000 ≈ 0.003.
    expect(Math.abs(sum / periods - 1 / 3)).toBeLessThan(0.012);
  });

  it('splits a tie at the boundary: rates [2, 2, 1, 1] at c = 1/4 flag half of each 2 → 2/6', () => {
    const ones = [1, 1, 1, 1];
    expect(expectedHitRate([2, 2, 1, 1], [2, 2, 1, 1], ones, ones, 0.25)).toBeCloseTo(2 / 6, 12);
  });
});
