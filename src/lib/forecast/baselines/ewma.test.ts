import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { ewma, ewmaLevel } from './ewma';
import { BASELINES } from './index';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract("createModel('ewma') (α = 0.3)", () => createModel({ id: 'ewma', params: {} }, BASELINES, WEEKLY_RES8));
describeForecasterContract('ewma({ alpha: 0.8 })', () => ewma({ alpha: 0.8 }));

describe('ewma', () => {
  const [A, B] = [CENTRE, RING1[0]];
  const a = [1, 0, 3, 2, 0, 4];
  const b = [2, 2, 0, 1, 1, 0];
  const { history, cells } = tinyHistory({ [A]: a, [B]: b });

  // α = 0.5: ℓ_1 = y_1, ℓ_t = 0.5·y_t + 0.5·ℓ_{t−1}
  it.each([
    { t: 1, a: 1, b: 2 }, //                                   ℓ_1 = y_1
    { t: 2, a: 0.5, b: 2 }, //       A: 0.5·0 + 0.5·1       B: 0.5·2 + 0.5·2
    { t: 3, a: 1.75, b: 1 }, //      A: 0.5·3 + 0.5·0.5     B: 0.5·0 + 0.5·2
    { t: 4, a: 1.875, b: 1 }, //     A: 0.5·2 + 0.5·1.75    B: 0.5·1 + 0.5·1
    { t: 5, a: 0.9375, b: 1 }, //    A: 0.5·0 + 0.5·1.875   B: 0.5·1 + 0.5·1
    { t: 6, a: 2.46875, b: 0.5 }, // A: 0.5·4 + 0.5·0.9375  B: 0.5·0 + 0.5·1
  ])('ewmaLevel(first $t periods, α = 0.5) → A $a, B $b', ({ t, a: la, b: lb }) => {
    const level = ewmaLevel(history.counts.subarray(0, t * 2), 2, 0.5);
    expect([level[cells.indexOf(A)], level[cells.indexOf(B)]]).toEqual([la, lb]);
  });

  it('ewma({ alpha: 0.5 }).predict(3) is the final level, flat: A 2.46875, B 0.5', () => {
    const out = forecastOf(ewma({ alpha: 0.5 }), history, 3);
    expect(seriesOf(out, cells, A)).toEqual([2.46875, 2.46875, 2.46875]);
    expect(seriesOf(out, cells, B)).toEqual([0.5, 0.5, 0.5]);
  });

  it('ewma({ alpha: 0.3 }) on A: ℓ = 1, 0.7, 1.39, 1.573, 1.1011, 1.97077', () => {
    // 0.3·0 + 0.7·1 = 0.7; 0.3·3 + 0.7·0.7 = 1.39; 0.3·2 + 0.7·1.39 = 1.573;
    // 0.3·0 + 0.7·1.573 = 1.1011; 0.3·4 + 0.7·1.1011 = 1.97077
    const out = forecastOf(ewma({ alpha: 0.3 }), history, 1);
    expect(seriesOf(out, cells, A)[0]).toBeCloseTo(1.97077, 5);
  });

  it('ewma({ alpha: 1 }) is the naive forecast', () => {
    const out = forecastOf(ewma({ alpha: 1 }), history, 1);
    expect([seriesOf(out, cells, A)[0], seriesOf(out, cells, B)[0]]).toEqual([4, 0]);
  });

  it.each([0, -0.1, 1.01, Number.NaN])('ewma({ alpha: %s }) throws', (alpha) => {
    expect(() => ewma({ alpha })).toThrow(`ewma: alpha must lie in (0, 1], got ${alpha}`);
  });
});
