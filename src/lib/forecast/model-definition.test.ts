import { describe, expect, it } from 'vitest';
import type { Forecaster } from './forecaster';
import { createModel, formatModelSpec, parseModelSpec, resolveParams, type ModelDefinition } from './model-definition';

const ewma: ModelDefinition = {
  id: 'ewma',
  label: 'EWMA',
  kind: 'baseline',
  summary: 'test',
  params: [
    { name: 'alpha', label: 'α', type: 'number', default: 0.3, min: 0, max: 1, doc: 'smoothing' },
    { name: 'k', label: 'k', type: 'integer', default: 4, min: 1, doc: 'periods' },
    { name: 'mode', label: 'mode', type: 'choice', default: 'a', choices: ['a', 'b'], doc: 'mode' },
  ],
  create: (params) => ({ name: `ewma(alpha=${params.alpha})`, minHistory: 1, fit() {}, predict: () => new Float32Array() }) as Forecaster,
};

describe('model specs', () => {
  it.each([
    ['naive', { id: 'naive', params: {} }],
    ['ewma:alpha=0.3', { id: 'ewma', params: { alpha: 0.3 } }],
    ['kde:rings=2:window=8:smooth=true:kernel=quartic', { id: 'kde', params: { rings: 2, window: 8, smooth: true, kernel: 'quartic' } }],
  ])('parseModelSpec(%s)', (text, spec) => {
    expect(parseModelSpec(text)).toEqual(spec);
  });

  it('rejects malformed specs with the text', () => {
    expect(() => parseModelSpec('Naive')).toThrow("Model spec 'Naive': 'Naive' is not a model id");
    expect(() => parseModelSpec('ewma:alpha')).toThrow("expected key=value after ':', got 'alpha'");
  });

  it('formatModelSpec orders keys as the definition does and leaves defaults out', () => {
    expect(formatModelSpec({ id: 'ewma', params: { k: 4, alpha: 0.5 } }, ewma)).toBe('ewma:alpha=0.5');
    expect(formatModelSpec({ id: 'ewma', params: { mode: 'b', alpha: 0.3 } }, ewma)).toBe('ewma:mode=b');
  });

  it('resolveParams fills defaults and names the parameter and range on bad values', () => {
    expect(resolveParams(ewma, {})).toEqual({ alpha: 0.3, k: 4, mode: 'a' });
    expect(() => resolveParams(ewma, { alpha: 2 })).toThrow("Model 'ewma', parameter 'alpha' must lie in [0, 1], got 2");
    expect(() => resolveParams(ewma, { k: 1.5 })).toThrow('must be a whole number, got 1.5');
    expect(() => resolveParams(ewma, { mode: 'c' })).toThrow('must be one of a, b, got c');
    expect(() => resolveParams(ewma, { beta: 1 })).toThrow("Model 'ewma' has no parameter 'beta' (parameters: alpha, k, mode)");
  });

  it('createModel builds from the registry and lists known ids when the id is unknown', () => {
    const context = { res: 8, bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' } as const };
    expect(createModel({ id: 'ewma', params: { alpha: 0.5 } }, [ewma], context).name).toBe('ewma(alpha=0.5)');
    expect(() => createModel({ id: 'arima', params: {} }, [ewma], context)).toThrow("Unknown model 'arima'; known models: ewma");
  });
});
