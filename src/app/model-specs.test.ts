import { describe, expect, it } from 'vitest';
import { BASELINES } from '../lib/forecast/baselines';
import type { ModelInfo } from '../lib/worker/protocol';
import { paramValues, setModelParam, toggleModel } from './model-specs';

const catalogue: ModelInfo[] = BASELINES.map(({ id, label, kind, summary, params }) => ({ id, label, kind, summary, params }));
const ewma = catalogue.find((m) => m.id === 'ewma')!;

describe('model specs', () => {
  it.each([
    [['kde'], 'naive', true, ['naive', 'kde']],
    [['naive', 'kde'], 'ewma', true, ['naive', 'ewma', 'kde']],
    [['naive', 'ewma:alpha=0.3', 'kde'], 'ewma', false, ['naive', 'kde']],
    [['naive'], 'no-such-model', true, ['naive', 'no-such-model']],
  ])('toggleModel(%j, %s, %s) → %j', (specs, id, on, expected) => {
    expect(toggleModel(specs, catalogue, id, on)).toEqual(expected);
  });

  it('setModelParam sets a value, drops it again when it equals the default, and refuses one out of range', () => {
    const alpha = ewma.params.find((p) => p.name === 'alpha')!;
    expect(setModelParam(['naive', 'ewma'], 1, ewma, 'alpha', 0.123)).toEqual({ specs: ['naive', 'ewma:alpha=0.123'] });
    expect(setModelParam(['ewma:alpha=0.123'], 0, ewma, 'alpha', alpha.default)).toEqual({ specs: ['ewma'] });
    expect(setModelParam(['ewma'], 0, ewma, 'alpha', 7).error).toMatch(/Model 'ewma', parameter 'alpha' must lie in \[/);
  });

  it('paramValues fills in the defaults', () => {
    const values = paramValues('ewma:alpha=0.3', ewma);
    expect(values.alpha).toBe(0.3);
    expect(Object.keys(values)).toEqual(ewma.params.map((p) => p.name));
  });
});
