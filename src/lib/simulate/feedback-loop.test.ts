import { describe, expect, it } from 'vitest';
import { historicAverage } from '../forecast/baselines';
import { simulateFeedbackLoop } from './feedback-loop';

const mean = (values: Float64Array, from = 0): number => {
  const part = values.subarray(from);
  return part.reduce((a, b) => a + b, 0) / part.length;
};

describe('simulateFeedbackLoop', () => {
  it('on uniform true risk, patrols make the model look accurate: apparent hit rate ≫ coverage, true hit rate ≈ coverage', () => {
    const result = simulateFeedbackLoop({
      trueRate: () => 0.6,
      rings: 4, // 61 cells
      periods: 120,
      warmup: 20,
      coverage: 0.1,
      detection: { unpatrolled: 0.3, patrolled: 0.9 },
      forecaster: historicAverage,
      seed: 5,
    });
    // 6 of 61 cells patrolled = 9.8 % of the area. Recorded share in them: 0.9·6 / (0.9·6 + 0.3·55) ≈ 25 %.
    expect(mean(result.apparentHitRate, 20)).toBeGreaterThan(0.2);
    expect(Math.abs(mean(result.trueHitRate, 20) - 6 / 61)).toBeLessThan(0.02);
    // The loop locks in: the same cells are patrolled period after period.
    const C = result.truth.cells.length;
    const last = result.patrolled.subarray(99 * C, 100 * C);
    const earlier = result.patrolled.subarray(60 * C, 61 * C);
    expect(Array.from(last)).toEqual(Array.from(earlier));
  });

  it('with uniform detection there is no loop: apparent and true hit rates agree', () => {
    const result = simulateFeedbackLoop({
      trueRate: ({ ring }) => 2 / (1 + ring),
      periods: 80,
      warmup: 20,
      coverage: 0.1,
      detection: { unpatrolled: 0.6, patrolled: 0.6 },
      forecaster: historicAverage,
      seed: 6,
    });
    expect(Math.abs(mean(result.apparentHitRate) - mean(result.trueHitRate))).toBeLessThan(0.02);
    expect(mean(result.riskOverlap, 10)).toBeGreaterThan(0.5);
  });

  it('refuses a forecaster that fits asynchronously instead of predicting from an unfitted one', () => {
    const asynchronous = () => ({ ...historicAverage(), fit: async () => {} });
    expect(() => simulateFeedbackLoop({ trueRate: () => 1, periods: 30, warmup: 5, coverage: 0.2, detection: { unpatrolled: 0.5, patrolled: 1 }, forecaster: asynchronous })).toThrow(
      "simulateFeedbackLoop runs synchronously: 'historic-average' fits asynchronously; use a baseline (e.g. historic-average)",
    );
  });

  it('records never more than happened, and accounts for the truth exactly', () => {
    const result = simulateFeedbackLoop({ trueRate: () => 1, periods: 30, warmup: 5, coverage: 0.2, detection: { unpatrolled: 0.5, patrolled: 1 }, forecaster: historicAverage });
    result.recorded.counts.forEach((v, i) => expect(v).toBeLessThanOrEqual(result.truth.counts[i]));
    expect(() => simulateFeedbackLoop({ trueRate: () => 1, periods: 30, warmup: 30, coverage: 0.2, detection: { unpatrolled: 0.5, patrolled: 1 }, forecaster: historicAverage })).toThrow(
      /warmup must lie in \[1, 29\], got 30/,
    );
  });
});
