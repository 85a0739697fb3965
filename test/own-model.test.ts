/**
 * The model API for user code (src/lib/model-api): the worked example forecasts what its formula
 * says and passes the Forecaster contract; each broken model fails the check it breaks, in
 * plain words; a module's exports are checked before anything runs.
 */
import { describe, expect, it } from 'vitest';
import example from '../examples/same-week-four-year-mean';
import { ALL_MODELS } from '../src/lib/forecast/models';
import { checkModelDefinition, defineModel, HEXCAST_MODEL_API, historyOf, userModels, type ModelDefinition } from '../src/lib/model-api';
import { neighbours } from '../src/lib/grid/neighbours';
import { syntheticPanel } from '../src/lib/simulate/synthetic-panel';
import negative from './fixtures/model-files/negative';
import peeks from './fixtures/model-files/peeks';
import random from './fixtures/model-files/random';
import shape from './fixtures/model-files/shape';
import throws from './fixtures/model-files/throws';

const origin = { kind: 'user-code', file: 'm.ts', sha256: 'ab12' } as const;

describe('examples/same-week-four-year-mean.ts', () => {
  it('forecasts the mean of the same week 1–4 years back, over the years the history has', () => {
    // One cell, 4 years + 3 weeks of weeks; count of week p = p mod 7, so the same week y years back is (T + h − 52y) mod 7.
    const { panel } = syntheticPanel({ rings: 0, periods: 4 * 52 + 3, rate: () => 1 });
    panel.counts.forEach((_, p) => (panel.counts[p] = p % 7));
    const [model] = userModels({ default: example }, origin, ALL_MODELS);
    const forecaster = model.create({ years: 4 }, { res: panel.res, bucket: panel.bucket });
    forecaster.fit(historyOf(panel, neighbours(panel.cells, 0), 4 * 52 + 1), { seed: 1, validation: 0 });
    // T = 209: step 1 reads weeks 157, 105, 53, 1 → (3 + 0 + 4 + 1) / 4 = 2; step 2 reads 158, 106, 54, 2 → (4 + 1 + 5 + 2) / 4 = 3.
    // Step 3 reads 159, 107, 55, 3 → (5 + 2 + 6 + 3) / 4 = 4.
    expect(Array.from(forecaster.predict(3))).toEqual([2, 3, 4]);
    // Only three years back exist for T = 157: weeks 105, 53, 1 → (0 + 4 + 1) / 3.
    forecaster.fit(historyOf(panel, neighbours(panel.cells, 0), 157), { seed: 1, validation: 0 });
    expect(forecaster.predict(1)[0]).toBeCloseTo(5 / 3, 6);
  });

  it('passes every check of the Forecaster contract', async () => {
    const [model] = userModels({ default: example }, origin, ALL_MODELS);
    const checks = await checkModelDefinition(model);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['name', true],
      ['shape', true],
      ['values', true],
      ['deterministic', true],
      ['cutoff-counts', true],
      ['cutoff-cells', true],
    ]);
    expect(checks[1].detail).toBe('3 × 19 = 57 values');
  });
});

describe('checkModelDefinition on broken models', () => {
  const cases: [string, ModelDefinition, Record<string, string>][] = [
    ['negative forecasts', negative, { values: '3 of 57 forecasts are negative (first: -1 at step 1, cell 0); a forecast is an expected count' }],
    [
      'a peek past the cutoff through the history’s buffer',
      peeks,
      { 'cutoff-counts': 'the forecast changed when only counts after the cutoff changed', 'cutoff-cells': 'the model reads data past the cutoff' },
    ],
    [
      'Math.random',
      random,
      { deterministic: 'two fits with seed 3 gave different forecasts', 'cutoff-counts': 'not checked: two fits on the same data already differ' },
    ],
    ['one step instead of three', shape, { shape: 'predict(3) returned 19 values for 19 cells; expected 3 × 19 = 57' }],
    ['a throwing fit', throws, { shape: 'fit() threw: no data source configured', deterministic: 'fit() threw: no data source configured' }],
  ];
  it.each(cases)('%s fails the check it breaks, saying what was found', async (_, definition, expected) => {
    const checks = await checkModelDefinition(definition);
    for (const [id, words] of Object.entries(expected)) {
      const check = checks.find((c) => c.id === id)!;
      expect({ id, ok: check.ok, detail: check.detail }).toEqual({ id, ok: false, detail: expect.stringContaining(words) });
    }
    expect(checks.find((c) => c.id === 'name')!.ok).toBe(true);
  });
});

describe('userModels(module, origin, taken)', () => {
  const create: ModelDefinition['create'] = () => ({ name: 'z', minHistory: 1, fit() {}, predict: (h) => new Float32Array(h) });
  const good = { id: 'zero', label: 'Zero', kind: 'baseline', summary: 's', params: [], create } as const;
  it('reads a default export or a named models array, marks it as user code and scores it as a candidate, not a baseline', () => {
    const [a] = userModels({ default: defineModel(good) }, origin, ALL_MODELS);
    expect({ id: a.id, kind: a.kind, origin: a.origin }).toEqual({ id: 'zero', kind: 'learned', origin });
    expect(userModels({ models: [good, { ...good, id: 'zero-2' }] }, origin, ALL_MODELS).map((d) => d.id)).toEqual(['zero', 'zero-2']);
  });
  const refusals: [string, Record<string, unknown>, string][] = [
    ['no export', { answer: 42 }, "model file 'm.ts': exports no model"],
    ['a bad id', { default: { ...good, id: 'Zero Model' } }, 'has id "Zero Model"; an id is lowercase letters, digits and hyphens'],
    ['a built-in id', { default: { ...good, id: 'naive' } }, "the id 'naive' is already taken"],
    ['another API version', { default: { ...good, apiVersion: HEXCAST_MODEL_API + 1 } }, 'was written for model API 2; this Hexcast reads model API 1'],
    ['no create', { default: { ...good, create: undefined } }, "model 'zero' has no create(params, context) function"],
    ['a number', { default: 7 }, 'its default export is a number, not a model definition object'],
    [
      'a default that does not resolve',
      { default: { ...good, params: [{ name: 'k', label: 'k', type: 'integer', default: 0.5, doc: '' }] } },
      "parameter 'k' must be a whole number",
    ],
  ];
  it.each(refusals)('refuses %s with an InputError naming the file', (_, module, words) => {
    expect(() => userModels(module, origin, ALL_MODELS)).toThrow(
      expect.objectContaining({ code: 'model-file', file: 'm.ts', message: expect.stringContaining(words) }),
    );
  });
});
