import { describe, expect, it } from 'vitest';
import { cellEvents } from './cell-events';
import { eStep, type EStepResult } from './e-step';
import { mStep, type MStepOptions } from './m-step';
import { offspringInWindow } from './offspring-in-window';

const bounds = { maxTheta: 0.995, minOmega: 1e-3, maxOmega: 20 };
const plain: MStepOptions = { shrinkage: 0, target: 0, ...bounds };
const previous = { mu: Float64Array.of(1), theta: 0.3, omega: 1 };

/** E-step statistics written by hand. */
function stats(background: number[], triggered: number, lagSum: number): EStepResult {
  return { background: Float64Array.from(background), triggered, lagSum, offspringInWindow: NaN, logLikelihood: NaN };
}

describe('mStep(stats, events, previous, options)', () => {
  // 4 events in period 0 of a 400-period window: all but e^{−399ω} of their kernel lies inside
  // it, so D(ω) ≈ 4 = N and the M-step is the edge-free closed form.
  const farFromEnd = cellEvents(
    Float32Array.from({ length: 400 }, (_, p) => (p === 0 ? 4 : 0)),
    400,
    1,
  );

  it('without edge effects is θ = T / N and ω = ln(K / (K − T)) (mean lag K / T), μ = B / P', () => {
    const next = mStep(stats([3], 2, 5), farFromEnd, previous, plain);
    expect(next.theta).toBeCloseTo(2 / 4, 8);
    expect(next.omega).toBeCloseTo(Math.log(5 / 3), 7); // mean lag 2.5 periods
    expect(next.mu[0]).toBeCloseTo(3 / 400, 15);
  });

  it('shrinks μ_c to (B_c + κ m̄) / (P + κ)', () => {
    const next = mStep(stats([3], 2, 5), farFromEnd, previous, { ...plain, shrinkage: 2, target: 0.01 });
    expect(next.mu[0]).toBeCloseTo((3 + 2 * 0.01) / 402, 15);
  });

  it('divides T by the kernel mass inside the window, not by N, near its end', () => {
    // y = [2, 0, 1, 3]: events in period 0 have 3 lags left in the window, period 2 one, period 3 none.
    // Statistics by hand: B = 4.5, T = 1.5 triggered events with lag sum K = 2 (mean lag 4/3).
    const events = cellEvents([2, 0, 1, 3], 4, 1);
    const T = 1.5;
    const K = 2;
    const next = mStep(stats([4.5], T, K), events, previous, plain);
    const a = Math.exp(-next.omega);
    const window = 2 * (1 - a ** 3) + 1 * (1 - a); // D(ω) ≤ 3, whereas N = 6
    expect(next.theta).toBeCloseTo(T / window, 12);
    expect(next.theta).toBeGreaterThan(T / 6);
    expect(next.mu[0]).toBeCloseTo(4.5 / 4, 12);
    // ω maximises Q(θ(ω), ω) = T ln θ + T ln(1 − e^{−ω}) − (K − T) ω − θ D(ω): no point of a fine grid beats it.
    const q = (omega: number): number => {
      const d = offspringInWindow(events.byAge, omega);
      const theta = Math.min(0.995, T / d);
      return T * Math.log(theta) + T * Math.log(1 - Math.exp(-omega)) - (K - T) * omega - theta * d;
    };
    for (let omega = 0.01; omega < 10; omega *= 1.01) expect(q(omega)).toBeLessThanOrEqual(q(next.omega) + 1e-12);
  });

  it('sets θ = 0 and keeps ω when no event is expected to be triggered', () => {
    const next = mStep(stats([4], 0, 0), farFromEnd, previous, plain);
    expect(next.theta).toBe(0);
    expect(next.omega).toBe(previous.omega);
  });

  it('caps θ at maxTheta when T / D(ω) exceeds it', () => {
    expect(mStep(stats([0.1], 3.9, 3.9), farFromEnd, previous, { ...plain, maxTheta: 0.9 }).theta).toBe(0.9);
  });

  it('never lowers the expected complete-data objective below the previous parameters’', () => {
    const events = cellEvents([2, 0, 1, 3, 0, 0, 4, 1], 8, 1);
    const start = { mu: Float64Array.of(0.4), theta: 0.7, omega: 0.2 };
    const e = eStep(events, start);
    const next = mStep(e, events, start, plain);
    const Q = (p: { mu: Float64Array; theta: number; omega: number }): number =>
      e.background[0] * Math.log(p.mu[0]) -
      8 * p.mu[0] +
      e.triggered * Math.log(p.theta) +
      e.triggered * Math.log(1 - Math.exp(-p.omega)) -
      (e.lagSum - e.triggered) * p.omega -
      p.theta * offspringInWindow(events.byAge, p.omega);
    expect(Q(next)).toBeGreaterThan(Q(start));
    expect(eStep(events, next).logLikelihood).toBeGreaterThan(e.logLikelihood);
  });
});
