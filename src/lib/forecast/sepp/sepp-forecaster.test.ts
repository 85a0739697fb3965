import { describe, expect, it } from 'vitest';
import { contractPanel, describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { historyOf } from '../history';
import { neighbours } from '../../grid/neighbours';
import { syntheticPanel } from '../../simulate/synthetic-panel';
import { excitationAfter } from './excitation-after';
import { seppForecast } from './sepp-forecast';
import { seppForecaster } from './sepp-forecaster';

describeForecasterContract('seppForecaster()', () => seppForecaster());
describeForecasterContract('seppForecaster({ accelerate: false, shrinkage: 0 })', () => seppForecaster({ accelerate: false, shrinkage: 0 }));

const fitOptions = { seed: 1, validation: 8 };

describe('seppForecaster(options)', () => {
  it.each([
    { options: {}, name: 'sepp' },
    { options: { shrinkage: 1 }, name: 'sepp' },
    { options: { shrinkage: 0 }, name: 'sepp(shrinkage=0)' },
    { options: { maxIterations: 50, accelerate: false }, name: 'sepp(maxIterations=50, accelerate=false)' },
  ])('is named $name for $options (defaults left out)', ({ options, name }) => {
    expect(seppForecaster(options).name).toBe(name);
  });

  it('forecasts each cell’s historic mean on counts without self-excitation', async () => {
    // 91 cells × 300 weeks of Poisson counts with a constant, cell-specific rate.
    const { panel } = syntheticPanel({ rings: 5, periods: 300, seed: 4, rate: ({ ring }) => 0.5 + ring / 2 });
    const C = panel.cells.length;
    const model = seppForecaster();
    await model.fit(historyOf(panel, neighbours(panel.cells, 0), 300), fitOptions);
    expect(model.parameters()!.theta).toBeLessThan(1e-3);
    const out = model.predict(10);
    for (let c = 0; c < C; c++) {
      let mean = 0;
      for (let p = 0; p < 300; p++) mean += panel.counts[p * C + c] / 300;
      // κ = 1 pulls μ_c by (m̄ − mean) / 301, under 0.01 here.
      expect(Math.abs(out[c] - mean)).toBeLessThan(0.01);
      expect(Math.abs(out[9 * C + c] - mean)).toBeLessThan(0.01);
    }
  });

  it('update(history) keeps μ, θ, ω and re-conditions the forecast on the newer counts', async () => {
    const panel = contractPanel();
    const lists = neighbours(panel.cells, 0);
    const model = seppForecaster();
    await model.fit(historyOf(panel, lists, 60), fitOptions);
    const params = model.parameters()!;
    const before = model.predict(2);
    const newer = historyOf(panel, lists, 64);
    model.update(newer);
    expect(model.parameters()).toBe(params);
    const C = panel.cells.length;
    const expected = seppForecast(params, excitationAfter(newer.counts, 64, C, params.omega), 2);
    expect(Array.from(model.predict(2))).toEqual(Array.from(expected));
    expect(Array.from(model.predict(2))).not.toEqual(Array.from(before));
  });

  it('trainingLog() lists −ℓ per iteration, the chosen (last) iteration and θ, ω, mean μ', async () => {
    const panel = contractPanel();
    const model = seppForecaster();
    expect(model.trainingLog()).toBeUndefined();
    await model.fit(historyOf(panel, neighbours(panel.cells, 0), 60), fitOptions);
    const log = model.trainingLog()!;
    const fit = model.lastFit()!;
    expect(log.epochs.map((e) => e.loss)).toEqual(fit.trace.map((t) => -t.logLikelihood));
    expect(log.chosenEpoch).toBeUndefined(); // EM runs to convergence: nothing is chosen on validation
    expect(log.wallMs).toBe(fit.wallMs);
    expect(log.notes![0]).toMatch(/^converged after \d+ iterations \(\d+ E-steps\)/);
    expect(log.notes).toContain(`θ (branching ratio) = ${fit.parameters.theta.toFixed(4)}`);
    expect(log.notes!.some((n) => n.startsWith(`ω = ${fit.parameters.omega.toFixed(4)} per period (mean triggering lag`))).toBe(true);
    expect(log.notes!.some((n) => n.startsWith('mean μ = '))).toBe(true);
  });

  it('throws on predict or update before fit, on short histories and on a different cell count', async () => {
    const panel = contractPanel();
    const lists = neighbours(panel.cells, 0);
    const model = seppForecaster();
    expect(() => model.predict(1)).toThrow('sepp: predict() needs a fitted model');
    expect(() => model.update(historyOf(panel, lists, 60))).toThrow('sepp: update() needs a fitted model');
    await expect(model.fit(historyOf(panel, lists, 9), fitOptions)).rejects.toThrow('sepp needs at least 10 training periods, got 9');
    await model.fit(historyOf(panel, lists, 60), fitOptions);
    const fewer = { ...historyOf(panel, lists, 61), cells: panel.cells.slice(1) };
    expect(() => model.update(fewer)).toThrow('sepp was fitted on 19 cells; update() got 18');
  });
});
