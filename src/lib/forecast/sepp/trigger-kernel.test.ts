import { describe, expect, it } from 'vitest';
import { meanLag, omegaForMeanLag, triggerKernel } from './trigger-kernel';

describe('triggerKernel(lag, ω)', () => {
  it.each([
    { lag: 0, expected: 0 },
    { lag: 1, expected: 1 / 2 },
    { lag: 2, expected: 1 / 4 },
    { lag: 3, expected: 1 / 8 },
  ])('with ω = ln 2 gives g($lag) = $expected', ({ lag, expected }) => {
    expect(triggerKernel(lag, Math.LN2)).toBeCloseTo(expected, 15);
  });

  it.each([0.01, 0.3, 2, 15])('is ∫_{k−1}^{k} ω e^{−ωt} dt and sums to 1 over k ≥ 1 (ω = %s)', (omega) => {
    expect(triggerKernel(3, omega)).toBeCloseTo(Math.exp(-2 * omega) - Math.exp(-3 * omega), 15);
    let sum = 0;
    for (let k = 1; k <= 5000; k++) sum += triggerKernel(k, omega);
    expect(sum).toBeCloseTo(1, 12);
  });
});

describe('meanLag(ω) and omegaForMeanLag(L)', () => {
  it('meanLag(ln 2) is 2 periods and equals Σ k g(k)', () => {
    expect(meanLag(Math.LN2)).toBeCloseTo(2, 15);
    let sum = 0;
    for (let k = 1; k <= 2000; k++) sum += k * triggerKernel(k, 0.3);
    expect(meanLag(0.3)).toBeCloseTo(sum, 10);
  });

  it.each([1.0001, 2, 3.7, 500])('round-trips mean lag %s', (lag) => {
    expect(meanLag(omegaForMeanLag(lag))).toBeCloseTo(lag, 8);
  });

  it('rejects a mean lag of 1 period or less', () => {
    expect(() => omegaForMeanLag(1)).toThrow('must exceed 1 period, got 1');
  });
});
