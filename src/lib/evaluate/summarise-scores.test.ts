import { describe, expect, it } from 'vitest';
import { COUNT_METRICS, HOTSPOT_METRICS } from './metric-catalogue';
import { protocolOf } from './protocol';
import type { ModelScores, Scores } from './score-forecasts';
import { summariseScores } from './summarise-scores';
import { verdictOf } from './verdict';

/**
 * Scores made by hand: every count metric of a model is its `error` series, every hotspot
 * metric (one coverage, 5 %) its `capture` series. Values are dyadic (exact in binary), so the
 * per-fold differences are exact too.
 */
function scoresOf(models: readonly { name: string; error: number[]; capture: number[] }[]): Scores {
  const folds = models[0].error.length;
  const of = (m: { name: string; error: number[]; capture: number[] }): ModelScores => ({
    name: m.name,
    count: Object.fromEntries(COUNT_METRICS.map((id) => [id, Float64Array.from(m.error)])) as ModelScores['count'],
    hotspot: Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, Float64Array.from(m.capture)])) as ModelScores['hotspot'],
    // No ties: the worst- and best-first orders score what the expectation scores.
    hotspotWorst: Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, Float64Array.from(m.capture)])) as ModelScores['hotspot'],
    hotspotBest: Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, Float64Array.from(m.capture)])) as ModelScores['hotspot'],
    steps: [],
    capture: new Float64Array(0),
  });
  return {
    coverage: [0.05],
    captureGrid: new Float64Array(0),
    naiveScale: new Float64Array(folds).fill(1),
    actualTotal: new Float64Array(folds).fill(10),
    models: models.map(of),
  };
}

const plus = (a: number[], b: number[]): number[] => a.map((v, k) => v + b[k]);
const repeat = (pattern: number[], folds: number): number[] => Array.from({ length: folds }, (_, k) => pattern[k % pattern.length]);

/**
 * Eight folds. The best baseline 'ha' has error 1, 1.5, 1, 1.5, … (mean 1.25) and capture 2;
 * 'naive' is 1 worse in error and has capture 1. Per-fold differences from 'ha':
 * - 'better': error −0.25, −0.5, … (mean −0.375), capture +1. Every bootstrap resample mean
 *   lies between the smallest and the largest difference, so the error interval is inside
 *   [−0.5, −0.25] and excludes 0 on the better side, whatever the seed.
 * - 'worse':  error +0.25, +0.5, …, capture −0.5: the interval lies inside [0.25, 0.5].
 * - 'same':   error +0.25, −0.25, …, capture +0.5, −0.5, …: the block length is ⌈8^⅓⌉ = 2 and
 *   any two consecutive folds (wrapping) sum to 0, so every resample mean is 0: interval [0, 0],
 *   which contains 0 — no difference.
 */
function handMade(folds: number): Scores {
  const ha = repeat([1, 1.5], folds);
  return scoresOf([
    { name: 'ha', error: ha, capture: repeat([2], folds) },
    { name: 'naive', error: plus(ha, repeat([1], folds)), capture: repeat([1], folds) },
    { name: 'better', error: plus(ha, repeat([-0.25, -0.5], folds)), capture: repeat([3], folds) },
    { name: 'worse', error: plus(ha, repeat([0.25, 0.5], folds)), capture: repeat([1.5], folds) },
    { name: 'same', error: plus(ha, repeat([0.25, -0.25], folds)), capture: repeat([2.5, 1.5], folds) },
  ]);
}
const KINDS = ['baseline', 'baseline', 'learned', 'learned', 'learned'] as const;

describe('summariseScores compares each model with the best baseline', () => {
  const { models, best } = summariseScores(handMade(8), KINDS, protocolOf({ folds: 8, seed: 3 }));
  const byName = Object.fromEntries(models.map((m) => [m.name, m]));

  it("picks 'ha' as the best baseline: lowest mean error (1.25 < 2.25), highest capture (2 > 1)", () => {
    expect([best.mae, best.pai['0.05']]).toEqual(['ha', 'ha']);
    expect(byName.ha.comparisons.mae.verdict).toBe('is-baseline');
  });

  it("calls 'better' better: error difference −0.375 with an interval inside [−0.5, −0.25], skill 1 − 0.875/1.25 = +30 %; capture +1, skill 3/2 − 1 = +50 %", () => {
    const mae = byName.better.comparisons.mae;
    expect(mae.verdict).toBe('better');
    expect(mae.difference.mean).toBe(-0.375);
    expect(mae.difference.lo).toBeGreaterThanOrEqual(-0.5);
    expect(mae.difference.hi).toBeLessThanOrEqual(-0.25);
    expect(mae.skill).toBeCloseTo(0.3, 12);
    const pai = byName.better.comparisons.pai['0.05'];
    expect([pai.verdict, pai.difference.lo, pai.difference.hi, pai.skill]).toEqual(['better', 1, 1, 0.5]);
  });

  it("calls 'worse' and 'naive' worse: error intervals inside [0.25, 0.5] and [1, 1], capture below", () => {
    const mae = byName.worse.comparisons.mae;
    expect([mae.verdict, mae.difference.mean]).toEqual(['worse', 0.375]);
    expect(mae.difference.lo).toBeGreaterThanOrEqual(0.25);
    expect(mae.skill).toBeCloseTo(-0.3, 12);
    expect(byName.worse.comparisons.pai['0.05'].verdict).toBe('worse');
    expect([byName.naive.comparisons.mae.verdict, byName.naive.comparisons.mae.difference.lo]).toEqual(['worse', 1]);
  });

  it("calls 'same' no difference: every resample mean is 0, so the interval is [0, 0]", () => {
    for (const comparison of [byName.same.comparisons.mae, byName.same.comparisons.pai['0.05']]) {
      expect([comparison.verdict, comparison.difference.mean, comparison.difference.lo, comparison.difference.hi, comparison.skill]).toEqual([
        'no-difference',
        0,
        0,
        0,
        0,
      ]);
    }
  });

  it('and the verdict names the winner with its skill, the loser, and the tie', () => {
    const v = verdictOf(models, [0.05]);
    expect(v.headline).toBe(
      'Beyond the 95 % fold interval, better is better than the best baseline on MAE (+30.0 %), RMSE (+30.0 %), Poisson deviance (+30.0 %) and 6 more, and worse on none.',
    );
    expect(v.models.map((m) => m.text)).toEqual([
      'naive: worse than the best baseline on every metric.',
      'better: better than the best baseline on MAE (+30.0 %), RMSE (+30.0 %), Poisson deviance (+30.0 %), MASE (+30.0 %), Brier (+30.0 %), Log score (+30.0 %) and 3 more.',
      'worse: worse than the best baseline on every metric.',
      'same: no difference beyond the interval on 9 metrics.',
    ]);
    expect(v.caveats).toEqual(['36 comparisons were made at 95 %: about 2 could cross their interval by chance alone.']);
  });
});

describe('summariseScores with too few folds (4 < 5)', () => {
  const { models } = summariseScores(handMade(4), KINDS, protocolOf({ folds: 4, seed: 3 }));

  it('gives means but no interval, and no verdict, even to a model better on every fold', () => {
    const mae = models[2].comparisons.mae;
    expect([mae.verdict, mae.difference.mean, mae.difference.lo, mae.difference.hi]).toEqual(['undefined', -0.375, Number.NaN, Number.NaN]);
    expect(verdictOf(models, [0.05]).headline).toBe(
      'Too few folds for intervals: no difference from the best baseline can be told apart from chance. Run at least 5 folds.',
    );
  });
});
