import { describe, expect, it } from 'vitest';
import { assertSeppParameters } from './sepp-parameters';

describe('assertSeppParameters(params)', () => {
  const ok = { mu: Float64Array.of(0, 1.5), theta: 0, omega: 0.3 };

  it('returns valid parameters unchanged', () => {
    expect(assertSeppParameters(ok)).toBe(ok);
  });

  it.each([
    { params: { ...ok, mu: Float64Array.of(1, -0.1) }, message: 'mu[1] must be finite and ≥ 0, got -0.1' },
    { params: { ...ok, mu: Float64Array.of(NaN) }, message: 'mu[0] must be finite and ≥ 0, got NaN' },
    { params: { ...ok, theta: 1 }, message: 'theta must lie in [0, 1), got 1' },
    { params: { ...ok, theta: -0.2 }, message: 'theta must lie in [0, 1), got -0.2' },
    { params: { ...ok, omega: 0 }, message: 'omega must be finite and > 0 (per period), got 0' },
  ])('throws $message', ({ params, message }) => {
    expect(() => assertSeppParameters(params)).toThrow(message);
  });
});
