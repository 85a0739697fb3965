import { describe, expect, it } from 'vitest';
import { excitationAfter } from './excitation-after';
import { triggerKernel } from './trigger-kernel';

describe('excitationAfter(counts, periods, cells, ω)', () => {
  it('is Σ_q y(q) g(P − q) per cell: 2·g(3) + 1·g(1) = 0.75 and 4·g(2) = 1 with ω = ln 2', () => {
    // 3 periods × 2 cells, period-major: cell 0 has [2, 0, 1], cell 1 has [0, 4, 0].
    const s = excitationAfter([2, 0, 0, 4, 1, 0], 3, 2, Math.LN2);
    expect(s[0]).toBeCloseTo(0.75, 15);
    expect(s[1]).toBeCloseTo(1, 15);
  });

  it('matches the direct sum on a longer series', () => {
    const y = Array.from({ length: 50 }, (_, p) => (p * 7) % 5);
    let direct = 0;
    for (let q = 0; q < 50; q++) direct += y[q] * triggerKernel(50 - q, 0.2);
    expect(excitationAfter(y, 50, 1, 0.2)[0]).toBeCloseTo(direct, 12);
  });

  it('throws when the length is not periods × cells', () => {
    expect(() => excitationAfter([1, 2, 3], 2, 2, 1)).toThrow('expected 2 periods × 2 cells = 4');
  });
});
