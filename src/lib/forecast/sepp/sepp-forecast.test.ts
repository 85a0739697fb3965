import { describe, expect, it } from 'vitest';
import { seppForecast } from './sepp-forecast';

describe('seppForecast(params, excitation, horizon)', () => {
  const params = { mu: Float64Array.of(0.5, 2), theta: 0.5, omega: Math.LN2 };

  it('feeds each step’s expected count into the next step’s excitation (hand-worked)', () => {
    // Cell 0, S = 0.75: λ₁ = 0.5 + 0.5·0.75 = 0.875; S₂ = 0.5·0.75 + 0.5·0.875 = 0.8125; λ₂ = 0.90625.
    // Cell 1, S = 0:    λ₁ = 2; S₂ = 0.5·0 + 0.5·2 = 1; λ₂ = 2.5.
    const out = seppForecast(params, Float64Array.of(0.75, 0), 2);
    expect(Array.from(out)).toEqual([0.875, 2, 0.90625, 2.5]);
  });

  it('tends to the stationary rate μ / (1 − θ) at long horizons', () => {
    const out = seppForecast(params, Float64Array.of(0, 40), 200);
    expect(out[199 * 2]).toBeCloseTo(0.5 / 0.5, 5);
    expect(out[199 * 2 + 1]).toBeCloseTo(2 / 0.5, 5);
  });

  it.each([0, 1.5, -1])('rejects horizon %s', (horizon) => {
    expect(() => seppForecast(params, Float64Array.of(0, 0), horizon)).toThrow('whole number ≥ 1');
  });

  it('rejects an excitation with the wrong number of cells', () => {
    expect(() => seppForecast(params, Float64Array.of(0), 1)).toThrow('Excitation has 1 cells, parameters have 2');
  });
});
