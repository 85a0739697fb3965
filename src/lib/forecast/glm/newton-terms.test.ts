import { describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { columnGroups, newtonTerms } from './newton-terms';
import { fitPoissonNewton } from './poisson-newton';

/**
 * T periods × G cells, rows period-major; 3 columns vary by cell, 2 are shared by a period's
 * cells (like the GLM's calendar and city features). y ~ Poisson(exp(0.3·x0 − 0.2·x3 + 0.1)).
 */
function periodDesign(T: number, G: number, seed: number) {
  const rng = random(seed);
  const F = 5;
  const N = T * G;
  const tab = new Float32Array(N * F);
  for (let t = 0; t < T; t++) {
    const shared = [rng.normal(), rng.normal()];
    for (let c = 0; c < G; c++) {
      const row = (t * G + c) * F;
      tab[row] = rng.normal();
      tab[row + 1] = rng.normal();
      tab[row + 2] = shared[0];
      tab[row + 3] = rng.normal();
      tab[row + 4] = shared[1];
    }
  }
  const y = Float32Array.from({ length: N }, (_, i) => rng.poisson(Math.exp(0.1 + 0.3 * tab[i * F] - 0.2 * tab[i * F + 3])));
  return { rows: N, features: F, tab, y, groupSize: G };
}

describe('columnGroups(design)', () => {
  it('finds the columns shared by each run of groupSize rows (the intercept last), and none without the hint', () => {
    const d = periodDesign(7, 13, 1);
    const groups = columnGroups(d)!;
    expect(Array.from(groups.vary)).toEqual([0, 1, 3]);
    expect(Array.from(groups.fixed)).toEqual([2, 4, 5]);
    expect(columnGroups({ ...d, groupSize: undefined })).toBeUndefined();
    // 13 rows per run do not divide 7·13 − 1 rows; runs of 7 split periods, so no column is shared.
    expect(columnGroups({ ...d, rows: 90, tab: d.tab.subarray(0, 450), y: d.y.subarray(0, 90) })).toBeUndefined();
    expect(columnGroups({ ...d, groupSize: 7 })).toBeUndefined();
  });

  it('worked example: column 1 is 5, 5 then 6, 6', () => {
    const groups = columnGroups({ rows: 4, features: 2, tab: Float32Array.of(1, 5, 2, 5, 3, 6, 4, 6), y: new Float32Array(4), groupSize: 2 })!;
    expect(Array.from(groups.vary)).toEqual([0]);
    expect(Array.from(groups.fixed)).toEqual([1, 2]);
  });
});

describe('newtonTerms(design, lambda, groups)', () => {
  it('worked example: x = (0, 1), λ = (1, 2), y = (1, 1) → gradient (1, 1), XᵀΛX = [[2, 2], [2, 3]]', () => {
    const { gradient, hessian } = newtonTerms({ rows: 2, features: 1, tab: Float32Array.of(0, 1), y: Float32Array.of(1, 1) }, Float64Array.of(1, 2));
    expect(Array.from(gradient)).toEqual([1, 1]);
    expect(Array.from(hessian)).toEqual([2, 2, 2, 3]);
  });

  it('the per-run sums of the shared columns equal the plain sums over rows (to rounding), both triangles', () => {
    const d = periodDesign(40, 57, 2); // 2,280 rows: blocks of 1,024 cut through runs
    const rng = random(3);
    const lambda = Float64Array.from({ length: d.rows }, () => Math.exp(rng.normal()));
    const plain = newtonTerms(d, lambda);
    const grouped = newtonTerms(d, lambda, columnGroups(d));
    for (let j = 0; j < 6; j++) expect(Math.abs(grouped.gradient[j] - plain.gradient[j])).toBeLessThan(1e-9 * (1 + Math.abs(plain.gradient[j])));
    for (let j = 0; j < 36; j++) expect(Math.abs(grouped.hessian[j] - plain.hessian[j])).toBeLessThan(1e-9 * (1 + Math.abs(plain.hessian[j])));
    for (let j = 0; j < 6; j++) for (let k = 0; k < 6; k++) expect(grouped.hessian[j * 6 + k]).toBe(grouped.hessian[k * 6 + j]);
  });

  it('a whole fit with the hint equals the fit without it: same steps, coefficients and standard errors within 1e-10', async () => {
    const d = periodDesign(30, 41, 4);
    const settings = { iterations: 25, l2: 1e-4, standardErrors: true };
    const plain = await fitPoissonNewton({ ...d, groupSize: undefined }, new Float64Array(6), settings);
    const grouped = await fitPoissonNewton(d, new Float64Array(6), settings);
    expect(grouped.steps).toBe(plain.steps);
    for (let j = 0; j < 6; j++) {
      expect(Math.abs(grouped.beta[j] - plain.beta[j])).toBeLessThan(1e-10);
      expect(Math.abs(grouped.standardErrors![j] / plain.standardErrors![j] - 1)).toBeLessThan(1e-10);
    }
    expect(plain.beta[0]).toBeCloseTo(0.3, 1);
    expect(plain.beta[3]).toBeCloseTo(-0.2, 1);
  });
});
