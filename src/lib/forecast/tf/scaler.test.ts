import { describe, expect, it } from 'vitest';
import { applyScaler, fitScaler } from './scaler';

describe('fitScaler(rows, width)', () => {
  it('gives column means and 1/sd, with scale 1 for a constant column', () => {
    // column 0: 1, 3 → mean 2, sd 1; column 1: 10, 10 → mean 10, constant
    const scaler = fitScaler(Float32Array.of(1, 10, 3, 10), 2);
    expect(Array.from(scaler.mean)).toEqual([2, 10]);
    expect(Array.from(scaler.scale)).toEqual([1, 1]);
  });

  it('reads at most maxRows rows, evenly spread', () => {
    // rows 0..5 of one column, stride 2 → rows 0, 2, 4 → values 0, 2, 4: mean 2
    expect(fitScaler(Float32Array.of(0, 1, 2, 3, 4, 5), 1, 3).mean[0]).toBe(2);
  });

  it('throws on no rows', () => {
    expect(() => fitScaler(new Float32Array(0), 2)).toThrow(/at least one row/);
  });
});

describe('applyScaler(scaler, rows)', () => {
  it('standardises in place: (x − mean) · scale', () => {
    const rows = Float32Array.of(1, 10, 3, 12);
    applyScaler({ mean: Float32Array.of(2, 10), scale: Float32Array.of(1, 0.5) }, rows);
    expect(Array.from(rows)).toEqual([-1, 0, 1, 1]);
  });
});
