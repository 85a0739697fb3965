import { describe, expect, it } from 'vitest';
import { random } from '../../base/random';
import { fitPoissonNewton } from './poisson-newton';
import { inverseDiagonalRoot, solveSpd } from './solve-spd';

/** N rows of 3 standard-normal features, y ~ Poisson(exp(0.2 + 0.5·x0 − 0.3·x1 + offset)), offset log 2 on odd rows. */
function design(N: number, seed: number, withOffset: boolean) {
  const rng = random(seed);
  const F = 3;
  const tab = Float32Array.from({ length: N * F }, () => rng.normal());
  const offset = withOffset ? Float32Array.from({ length: N }, (_, i) => (i % 2 ? Math.log(2) : 0)) : undefined;
  const y = Float32Array.from({ length: N }, (_, i) => rng.poisson(Math.exp(0.2 + 0.5 * tab[i * F] - 0.3 * tab[i * F + 1] + (offset ? offset[i] : 0))));
  return { rows: N, features: F, tab, y, offset };
}

/** Newton's method straight from the formulas (triple loops, no blocking, no cached predictor): the reference. */
function referenceNewton(d: ReturnType<typeof design>, l2: number) {
  const { rows: N, features: F, tab, y, offset } = d;
  const p = F + 1;
  const x = (i: number, j: number) => (j < F ? tab[i * F + j] : 1);
  const pen = 2 * N * l2 + 1e-6 * N;
  const beta = new Float64Array(p);
  const terms = () => {
    const g = new Float64Array(p);
    const H = new Float64Array(p * p);
    for (let i = 0; i < N; i++) {
      let eta = offset ? offset[i] : 0;
      for (let j = 0; j < p; j++) eta += x(i, j) * beta[j];
      const lambda = Math.exp(Math.min(15, Math.max(-30, eta)));
      for (let j = 0; j < p; j++) {
        g[j] += x(i, j) * (lambda - y[i]);
        for (let k = 0; k < p; k++) H[j * p + k] += x(i, j) * lambda * x(i, k);
      }
    }
    for (let j = 0; j < F; j++) {
      H[j * p + j] += pen;
      g[j] += pen * beta[j];
    }
    return { g, H };
  };
  for (let it = 0; it < 50; it++) {
    const { g, H } = terms();
    const delta = solveSpd(H, g, p);
    for (let j = 0; j < p; j++) beta[j] -= delta[j];
  }
  return { beta, se: inverseDiagonalRoot(terms().H, p) };
}

describe('fitPoissonNewton(design, start, settings)', () => {
  it('fits log λ = w·x + b exactly on two groups: counts 1 at x = 0 and 2 at x = 1 → w = log 2, b = 0', async () => {
    const result = await fitPoissonNewton({ rows: 4, features: 1, tab: Float32Array.of(0, 0, 1, 1), y: Float32Array.of(1, 1, 2, 2) }, new Float64Array(2), {
      iterations: 25,
      l2: 0,
    });
    // The 1e-6·N jitter on w moves it by about 1e-6.
    expect(result.beta[0]).toBeCloseTo(Math.log(2), 5);
    expect(result.beta[1]).toBeCloseTo(0, 5);
  });

  it.each([
    { withOffset: false, l2: 0 },
    { withOffset: true, l2: 1e-3 },
  ])('agrees with Newton straight from the formulas (offset $withOffset, l2 $l2): coefficients and standard errors', async ({ withOffset, l2 }) => {
    const d = design(3001, 11, withOffset); // not a multiple of the 1024-row block
    const reference = referenceNewton(d, l2);
    const steps: number[] = [];
    const result = await fitPoissonNewton(d, new Float64Array(4), { iterations: 25, l2, standardErrors: true }, (s) => {
      steps.push(s.loss);
    });
    // The fit stops once a full step would save < 1e-5 of the deviance; the reference runs 50
    // steps. What that leaves: coefficients within 5e-4, standard errors within 0.1 %.
    for (let j = 0; j < 4; j++) {
      expect(result.beta[j]).toBeCloseTo(reference.beta[j], 3);
      expect(Math.abs(result.standardErrors![j] / reference.se[j] - 1)).toBeLessThan(1e-3);
    }
    expect(result.beta[0]).toBeCloseTo(0.5, 1);
    expect(result.beta[1]).toBeCloseTo(-0.3, 1);
    // One report per accepted step; the penalised deviance never rises.
    expect(steps.length).toBe(result.steps);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThanOrEqual(steps[i - 1]);
  });

  it('refuses a design whose arrays do not match its shape, and stops with an AbortError', async () => {
    await expect(
      fitPoissonNewton({ rows: 3, features: 2, tab: new Float32Array(5), y: new Float32Array(3) }, new Float64Array(3), { iterations: 5, l2: 0 }),
    ).rejects.toThrow('fitPoissonNewton: 3 rows × 2 features need 6 values, 3 counts (and offsets); got 5, 3');
    const controller = new AbortController();
    controller.abort();
    await expect(fitPoissonNewton(design(50, 1, false), new Float64Array(4), { iterations: 5, l2: 0 }, undefined, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
  it('gives the same bits on reused work arrays (a bigger fit in between) and with two fits interleaved', async () => {
    const settings = { iterations: 25, l2: 1e-3, standardErrors: true };
    const a = design(500, 3, true);
    const b = design(900, 4, false);
    const bits = (r: { beta: Float64Array; standardErrors?: Float64Array }) => [...new Uint8Array(Float64Array.from([...r.beta, ...r.standardErrors!]).buffer)]; // the bytes: -0 is not 0
    const first = await fitPoissonNewton(a, new Float64Array(4), settings);
    const other = await fitPoissonNewton(b, new Float64Array(4), settings); // leaves its values in the returned arrays
    const again = await fitPoissonNewton(a, new Float64Array(4), settings);
    expect(bits(again)).toEqual(bits(first));
    // Interleaved at every step (each awaits between iterations): each fit has its own arrays.
    const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    const [x, y] = await Promise.all([fitPoissonNewton(a, new Float64Array(4), settings, tick), fitPoissonNewton(b, new Float64Array(4), settings, tick)]);
    expect(bits(x)).toEqual(bits(first));
    expect(bits(y)).toEqual(bits(other));
    expect(first.steps).toBeGreaterThan(2);
  });
});
