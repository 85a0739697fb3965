import { describe, expect, test } from 'vitest';
import { countScores, countScoresApart as separately } from './count-scores';
import { random } from '../../base/random';
import { seededCounts } from './test-fixtures';

describe('countScores(forecast, actual, scale)', () => {
  test('a hand-computed case: λ = ln 2, 1 against y = 0, 1 (scale ½)', () => {
    const scores = countScores([Math.LN2, 1], [0, 1], 0.5);
    expect(scores.mae).toBeCloseTo(Math.LN2 / 2, 14); // |ln 2 − 0| + |1 − 1|, over 2
    expect(scores.mase).toBeCloseTo(Math.LN2, 14); // MAE / ½
    expect(scores.rmse).toBeCloseTo(Math.sqrt((Math.LN2 * Math.LN2) / 2), 14);
    // p = ½ with no incident: (½)² and −ln ½; p = 1 − 1/e with one: (1/e)² and −ln(1 − 1/e).
    expect(scores.brier).toBeCloseTo((0.25 + Math.exp(-2)) / 2, 14);
    expect(scores.logScore).toBeCloseTo((Math.LN2 - Math.log(1 - Math.exp(-1))) / 2, 14);
    // Unit deviances 2·(0 − (0 − ln 2)) and 2·(1·ln 1 − 0) = 0.
    expect(scores.poissonDeviance).toBeCloseTo(Math.LN2, 14);
  });

  test('equals each metric function bit for bit on seeded data, float32 and float64 inputs, any scale', () => {
    for (const seed of [3, 4, 5]) {
      const { forecast, actual } = seededCounts(seed, 2000);
      for (const scale of [0.7, 0, Number.NaN]) {
        expect(countScores(forecast, actual, scale)).toStrictEqual(separately(forecast, actual, scale));
        const f64 = Float64Array.from(forecast, (x) => x * 1.37);
        expect(countScores(f64, actual, scale)).toStrictEqual(separately(f64, actual, scale));
      }
    }
  });

  test('equals the functions when forecasts repeat a few values, and when two values share a slot (seeded)', () => {
    const rng = random(8);
    const slotOf = (mu: number): number => Math.imul((mu * 1048576) | 0, 0x9e3779b1) >>> 20; // count-scores.ts's slot of λ
    const twin = (mu: number): number => {
      for (let k = 1; ; k++) if (slotOf(k / 977) === slotOf(mu) && k / 977 !== mu) return k / 977;
    };
    const values = [0, 1, 2, 3, 7, 30, 1 / 260, 17 / 260, 0.25, 1e-9, 40];
    values.push(...values.map(twin)); // the same slots, other values: each must be recomputed, not taken
    for (const n of [1, 50, 5000]) {
      const forecast = Float32Array.from({ length: n }, () => values[rng.int(values.length)]);
      const actual = Float32Array.from({ length: n }, () => rng.poisson(forecast[0] + 0.5));
      for (const f of [forecast, Float64Array.from(forecast)]) expect(countScores(f, actual, 0.9)).toStrictEqual(separately(f, actual, 0.9));
    }
  });

  test.each([
    ['empty', [], []],
    ['a NaN forecast', [1, Number.NaN], [0, 2]],
    ['a NaN count', [1, 2], [Number.NaN, 2]],
    ['a forecast of 0 where incidents happen, and +∞', [0, Number.POSITIVE_INFINITY], [3, 0]],
  ])('%s: the same numbers (and NaN) as the functions', (_, forecast, actual) => {
    expect(countScores(forecast, actual, 1)).toStrictEqual(separately(forecast, actual, 1));
  });

  test('throws what the functions throw: lengths, a negative value, a negative scale', () => {
    expect(() => countScores([1], [1, 2], 1)).toThrow(/^mae: forecast has 1 values but actual has 2/);
    expect(() => countScores([1, -1], [1, 2], 1)).toThrow(/^poissonDeviance: forecast\[1\] is -1/);
    expect(() => countScores([1, 1], [1, -2], 1)).toThrow(/^poissonDeviance: actual\[1\] is -2/);
    expect(() => countScores([1, 1], [1, 2], -1)).toThrow(/^mase: scale is -1/);
  });
});
