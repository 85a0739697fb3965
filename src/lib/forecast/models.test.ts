import { describe, expect, it } from 'vitest';
import { BASELINES } from './baselines';
import { DEFAULT_MODELS } from '../pipeline/defaults';
import { ALL_MODELS, modelIdsOf, modelInfo, modelRegistry, parseModelList } from './models';

describe('the model registry', () => {
  it('DEFAULT_MODELS is every baseline, in menu order', () => {
    expect(DEFAULT_MODELS).toEqual(['naive', 'seasonal-naive', 'historic-average', 'shrunk-average', 'window-average', 'ewma', 'kde', 'prospective']);
    expect(DEFAULT_MODELS).toEqual(BASELINES.map((d) => d.id));
  });

  it("parseModelList expands 'baselines', keeps parameters, and names an unknown id with the known ones", () => {
    expect(parseModelList(['baselines'], ALL_MODELS).map((s) => s.id)).toEqual(DEFAULT_MODELS);
    expect(parseModelList(['naive', ' ewma:alpha=0.5 '], ALL_MODELS)).toEqual([
      { id: 'naive', params: {} },
      { id: 'ewma', params: { alpha: 0.5 } },
    ]);
    expect(parseModelList(['all'], ALL_MODELS)).toHaveLength(ALL_MODELS.length);
    expect(parseModelList(['learned'], ALL_MODELS).map((s) => s.id)).toEqual(['sepp']); // the one learned model without tfjs
    expect(() => parseModelList(['nave'], ALL_MODELS)).toThrow(/^unknown model 'nave'; known: naive, seasonal-naive/);
    expect(() => parseModelList(['Naive'], ALL_MODELS)).toThrow(RangeError);
    expect(() => parseModelList([' '], ALL_MODELS)).toThrow('the model list names no model');
  });

  it('modelRegistry answers a list of plain models without loading tfjs', async () => {
    const registry = await modelRegistry(modelIdsOf(['naive', 'kde:window=8', 'baselines', 'sepp']));
    expect(registry.definitions).toBe(ALL_MODELS);
    expect(registry.tensorflow.size).toBe(0);
  });

  it('modelInfo is the definition without its factory', () => {
    const info = modelInfo(BASELINES[0]);
    expect(Object.keys(info)).toEqual(['id', 'label', 'kind', 'summary', 'params']);
    expect(info.id).toBe('naive');
  });
});
