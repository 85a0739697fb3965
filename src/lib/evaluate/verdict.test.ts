import { describe, expect, it } from 'vitest';
import type { Comparison, ModelSummary } from './summarise-scores';
import { verdictOf } from './verdict';

const comparison = (verdict: Comparison['verdict'], skill = 0.1): Comparison => ({
  baseline: 'b',
  difference: { mean: 0, lo: 0, hi: 0, n: 10, nanCount: 0 },
  skill,
  dmStatistic: 0,
  pValue: 0.5,
  verdict,
});

/** A model whose comparison on every metric and coverage is `verdicts(id)`. */
function model(name: string, kind: 'baseline' | 'learned', verdicts: (id: string) => Comparison['verdict'], skills: Record<string, number> = {}): ModelSummary {
  const metric = (id: string) => comparison(verdicts(id), skills[id]);
  const hotspot = (id: string) => ({ '0.05': metric(id) });
  return {
    name,
    kind,
    metrics: {} as ModelSummary['metrics'],
    comparisons: {
      mae: metric('mae'),
      rmse: metric('rmse'),
      poissonDeviance: metric('poissonDeviance'),
      mase: metric('mase'),
      brier: metric('brier'),
      logScore: metric('logScore'),
      hitRate: hotspot('hitRate'),
      pai: hotspot('pai'),
      pei: hotspot('pei'),
    },
  };
}

describe('verdictOf', () => {
  it('says no model beats the best baseline when no interval excludes zero in the better direction', () => {
    const v = verdictOf([model('ha', 'baseline', () => 'is-baseline'), model('mlp', 'learned', () => 'no-difference')], [0.05]);
    expect(v.headline).toBe('No model beats the best baseline by more than its interval on any metric.');
    expect(v.models.map((m) => m.text)).toEqual(['mlp: no difference beyond the interval on 9 metrics.']);
  });

  it('names the winners, lists their better metrics with skill, and warns about multiple comparisons', () => {
    const v = verdictOf(
      [model('ha', 'baseline', () => 'is-baseline'), model('sepp', 'learned', (id) => (id === 'pai' ? 'better' : id === 'mae' ? 'worse' : 'no-difference'))],
      [0.05],
    );
    expect(v.headline).toBe('Beyond the 95 % fold interval, sepp is better than the best baseline on PAI at 5 % (+10.0 %) but worse on MAE (+10.0 %).');
    expect(v.models[0].text).toBe(
      'sepp: better than the best baseline on PAI at 5 % (+10.0 %); worse on MAE (+10.0 %); no difference beyond the interval on 7 metrics.',
    );
    expect(v.caveats).toEqual([]);
  });

  it('gives both sides in one sentence: a +0.7 % deviance gain with MAE and MASE significantly worse is not "beats the best baseline"', () => {
    const verdicts: Record<string, Comparison['verdict']> = { poissonDeviance: 'better', mae: 'worse', mase: 'worse' };
    const skills = { poissonDeviance: 0.007, mae: -0.031, mase: -0.02 };
    const v = verdictOf([model('ha', 'baseline', () => 'is-baseline'), model('mlp', 'learned', (id) => verdicts[id] ?? 'no-difference', skills)], [0.05]);
    expect(v.headline).toBe(
      'Beyond the 95 % fold interval, mlp is better than the best baseline on Poisson deviance (+0.7 %) but worse on MAE (−3.1 %) and MASE (−2.0 %).',
    );
    expect(v.headline).not.toMatch(/beats/);
  });

  it('says "and worse on none" for a clean win, names three winners and counts the rest', () => {
    const clean = verdictOf(
      [model('ha', 'baseline', () => 'is-baseline'), model('gru', 'learned', (id) => (id === 'mae' || id === 'rmse' ? 'better' : 'no-difference'))],
      [0.05],
    );
    expect(clean.headline).toBe('Beyond the 95 % fold interval, gru is better than the best baseline on MAE (+10.0 %) and RMSE (+10.0 %), and worse on none.');
    const four = ['a', 'b', 'c', 'd'].map((name) => model(name, 'learned', (id) => (id === 'pai' ? 'better' : id === 'brier' ? 'worse' : 'no-difference')));
    expect(verdictOf([model('ha', 'baseline', () => 'is-baseline'), ...four], [0.05]).headline).toBe(
      'Beyond the 95 % fold interval, a is better than the best baseline on PAI at 5 % (+10.0 %) but worse on Brier (+10.0 %); ' +
        'b is better than the best baseline on PAI at 5 % (+10.0 %) but worse on Brier (+10.0 %); ' +
        'c is better than the best baseline on PAI at 5 % (+10.0 %) but worse on Brier (+10.0 %); 1 more model is better on at least one metric (see below).',
    );
  });

  it('with no winner, names the learned models that are worse beyond the interval', () => {
    const v = verdictOf(
      [
        model('naive', 'baseline', () => 'worse'),
        model('ha', 'baseline', () => 'is-baseline'),
        model('mlp', 'learned', (id) => (id === 'mae' ? 'worse' : 'no-difference')),
      ],
      [0.05],
    );
    expect(v.headline).toBe('No model beats the best baseline by more than its interval on any metric; mlp is worse beyond it on at least one (see below).');
  });

  it('says "every metric" only when the model is nowhere the best baseline itself', () => {
    const v = verdictOf([model('naive', 'baseline', () => 'worse'), model('ha', 'baseline', (id) => (id === 'mae' ? 'worse' : 'is-baseline'))], [0.05]);
    expect(v.models.map((m) => m.text)).toEqual([
      'naive: worse than the best baseline on every metric.',
      'ha: worse on MAE (+10.0 %); itself the best baseline on 8.',
    ]);
    expect(v.caveats[0]).toMatch(/^10 comparisons were made at 95 %/);
  });
});

describe('verdictOf with too few folds', () => {
  it('calls no difference and says why when no comparison has an interval', () => {
    const v = verdictOf([model('ha', 'baseline', () => 'is-baseline'), model('mlp', 'learned', () => 'undefined')], [0.05]);
    expect(v.headline).toBe('Too few folds for intervals: no difference from the best baseline can be told apart from chance. Run at least 5 folds.');
    expect(v.models.map((m) => m.text)).toEqual(['mlp: no interval, so no verdict, on 9 metrics.']);
  });
});

describe('verdictOf without a baseline', () => {
  it('says no baseline was run, not that the folds were too few (the comparisons are undefined for want of a baseline)', () => {
    const v = verdictOf([model('mlp', 'learned', () => 'undefined'), model('gru', 'learned', () => 'undefined')], [0.05]);
    expect(v.headline).toBe('No baseline was run, so there is nothing to compare with: add at least one (the historic or shrunk average is the one to beat).');
  });
});
