import { describe, expect, it } from 'vitest';
import { contractPanel } from '../../../../test/contract/forecaster-contract';
import { syntheticPanel } from '../../simulate/synthetic-panel';
import { cellEvents, type CellEvents } from './cell-events';
import { fitSepp, type EmIteration } from './fit-sepp';
import { triggerKernel } from './trigger-kernel';

/**
 * Counts drawn from the model itself on a 91-cell disk (rings = 5): λ_c(p) = μ_c + θ Σ_k g(k) y_c(p − k),
 * with the excitation summed directly over 60 lags (g(61) < 1e-13 for ω = 0.5), independently
 * of the fit's recursions. μ_c spreads over [0.1, 0.9] by a fixed permutation of the cells.
 */
function simulate(theta: number, omega: number, periods: number, seed: number): { events: CellEvents; mu: number[] } {
  const g = Array.from({ length: 61 }, (_, k) => triggerKernel(k, omega));
  const mu = Array.from({ length: 91 }, (_, c) => 0.1 + (0.8 * ((c * 37) % 91)) / 90);
  const { panel } = syntheticPanel({
    rings: 5,
    periods,
    seed,
    rate: ({ cell, period, count }) => {
      let s = 0;
      for (let k = 1; k <= 60 && k <= period; k++) s += g[k] * count(period - k, cell);
      return mu[cell] + theta * s;
    },
  });
  return { events: cellEvents(panel.counts, periods, panel.cells.length), mu };
}

function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Largest fall of a traced quantity between consecutive iterations, relative to its size. */
function largestRelativeFall(trace: readonly EmIteration[], key: 'logLikelihood' | 'objective'): number {
  let worst = 0;
  for (let i = 1; i < trace.length; i++) worst = Math.max(worst, (trace[i - 1][key] - trace[i][key]) / Math.abs(trace[i - 1][key]));
  return worst;
}

describe('fitSepp(events, options)', () => {
  it('recovers θ = 0.5, ω = 0.5 and the background rates from ~90 k simulated events', async () => {
    // 91 cells × 1000 periods, ~90 k events. Over 10 seeds of this design θ̂ = 0.490 ± 0.006 and
    // ω̂ = 0.511 ± 0.008 (mean ± sd). The −0.01 in θ̂ is the maximum-likelihood estimator's own
    // small-sample bias with one free μ_c per cell (the incidental-parameter, Nickell-type bias of
    // dynamic panels with cell effects, O(mean lag / P): about −0.025 at P = 250). Tolerances: bias + 3.5 sd.
    const { events, mu } = simulate(0.5, 0.5, 1000, 11);
    expect(events.total).toBeGreaterThan(80_000);
    const fit = await fitSepp(events, { maxIterations: 200, tolerance: 1e-8, shrinkage: 0 });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.parameters.theta - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(fit.parameters.omega - 0.5)).toBeLessThan(0.04);
    expect(correlation(fit.parameters.mu, mu)).toBeGreaterThan(0.98);
    const meanMu = fit.parameters.mu.reduce((sum, m) => sum + m, 0) / 91;
    expect(Math.abs(meanMu - 0.5) / 0.5).toBeLessThan(0.05);
  });

  it('finds θ̂ ≈ 0 and μ̂_c ≈ the cell mean on constant Poisson counts', async () => {
    const { events } = simulate(0, 0.5, 300, 3);
    const fit = await fitSepp(events, { maxIterations: 200, tolerance: 1e-8, shrinkage: 0 });
    // EM can only approach the boundary θ = 0; here it gets to ~1e-10 in 26 iterations.
    expect(fit.parameters.theta).toBeLessThan(1e-4);
    for (let c = 0; c < events.cells; c++) expect(fit.parameters.mu[c]).toBeCloseTo(events.cellTotals[c] / 300, 4);
  });

  it('never lowers the log-likelihood (plain EM, κ = 0) or the penalised objective (SQUAREM, κ = 2)', async () => {
    const panel = contractPanel(3);
    const events = cellEvents(panel.counts, panel.periods.length, panel.cells.length);
    const plain = await fitSepp(events, { maxIterations: 300, tolerance: 0, shrinkage: 0, accelerate: false });
    expect(plain.trace.length).toBeGreaterThan(20);
    expect(largestRelativeFall(plain.trace, 'logLikelihood')).toBeLessThanOrEqual(1e-14);
    expect(plain.trace[0].logLikelihood).toBe(plain.trace[0].objective);
    const fast = await fitSepp(events, { maxIterations: 100, tolerance: 0, shrinkage: 2 });
    expect(largestRelativeFall(fast.trace, 'objective')).toBeLessThanOrEqual(1e-14);
  });

  it('reaches the same optimum with and without SQUAREM, in fewer iterations with it', async () => {
    const { events } = simulate(0.4, 0.8, 300, 5);
    const plain = await fitSepp(events, { maxIterations: 3000, tolerance: 1e-11, shrinkage: 1, accelerate: false });
    const fast = await fitSepp(events, { maxIterations: 3000, tolerance: 1e-11, shrinkage: 1 });
    expect(fast.trace.length * 5).toBeLessThan(plain.trace.length);
    expect(fast.parameters.theta).toBeCloseTo(plain.parameters.theta, 3);
    expect(fast.parameters.omega).toBeCloseTo(plain.parameters.omega, 2);
    expect(fast.trace.at(-1)!.objective).toBeGreaterThanOrEqual(plain.trace.at(-1)!.objective - 1e-3);
  });

  it('reports each iteration as { stage: "em-iteration", step, steps, loss: −ℓ } and stops at maxIterations', async () => {
    const { events } = simulate(0.5, 0.5, 50, 1);
    const seen: { stage: string; step?: number; steps?: number; loss?: number }[] = [];
    const fit = await fitSepp(events, { maxIterations: 4, tolerance: 0, shrinkage: 1, onProgress: (p) => seen.push(p) });
    expect(fit.converged).toBe(false);
    expect(fit.trace.map((t) => t.iteration)).toEqual([1, 2, 3, 4]);
    expect(seen.map((p) => [p.stage, p.step, p.steps])).toEqual([1, 2, 3, 4].map((step) => ['em-iteration', step, 4]));
    expect(seen.map((p) => p.loss)).toEqual(fit.trace.map((t) => -t.logLikelihood));
  });

  it('stops with an AbortError when the signal is aborted between iterations', async () => {
    const { events } = simulate(0.5, 0.5, 50, 1);
    const controller = new AbortController();
    const run = fitSepp(events, {
      maxIterations: 50,
      tolerance: 0,
      shrinkage: 1,
      signal: controller.signal,
      onProgress: (p) => p.step === 2 && controller.abort(),
    });
    await expect(run).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it.each([
    { options: { maxIterations: 0, tolerance: 1e-7, shrinkage: 1 }, message: 'maxIterations must be a whole number ≥ 1, got 0' },
    { options: { maxIterations: 10, tolerance: -1, shrinkage: 1 }, message: 'tolerance must be ≥ 0, got -1' },
    { options: { maxIterations: 10, tolerance: 1e-7, shrinkage: -2 }, message: 'shrinkage must be finite and ≥ 0 (pseudo-periods), got -2' },
    { options: { maxIterations: 10, tolerance: 1e-7, shrinkage: 1, initialTheta: 1 }, message: 'theta must lie in [0, 1), got 1' },
    { options: { maxIterations: 10, tolerance: 1e-7, shrinkage: 1, initialOmega: -1 }, message: 'omega must be finite and > 0 (per period), got -1' },
  ])('rejects $message', async ({ options, message }) => {
    await expect(fitSepp(cellEvents([1, 0, 2], 3, 1), options)).rejects.toThrow(message);
  });
});
