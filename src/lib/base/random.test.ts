import { describe, expect, it } from 'vitest';
import { random } from './random';

describe('random', () => {
  it('is a reproducible mulberry32 stream: seed 1 starts 0.6270739405881613', () => {
    expect(random(1).next()).toBe(0.6270739405881613);
    const a = random(99);
    const b = random(99);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it.each([0.5, 4, 29, 31, 250])('poisson(%d) has mean and variance λ over 40 000 draws (within 4 standard errors)', (lambda) => {
    const rng = random(Math.round(lambda * 10));
    const n = 40_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(lambda);
      expect(Number.isInteger(k) && k >= 0).toBe(true);
      sum += k;
      sq += k * k;
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
  });

  it('normal() has mean 0 and variance 1; int(n) stays in [0, n)', () => {
    const rng = random(5);
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < 20_000; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / 20_000)).toBeLessThan(0.03);
    expect(Math.abs(sq / 20_000 - 1)).toBeLessThan(0.04);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(3);
      expect(k === 0 || k === 1 || k === 2).toBe(true);
    }
    expect(random(1).poisson(0)).toBe(0);
  });
});
