import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { seasonalNaive, seasonalNaiveForecast } from './seasonal-naive';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract("createModel('seasonal-naive') (m = 52 on weeks)", () => createModel({ id: 'seasonal-naive', params: {} }, BASELINES, WEEKLY_RES8));
describeForecasterContract('seasonalNaive({ m: 13 })', () => seasonalNaive({ m: 13 }));

describe('seasonalNaive', () => {
  const [A, B] = [CENTRE, RING1[0]];
  // Periods t = 1 … 6 (T = 6):   1  2  3  4  5  6
  const { history, cells } = tinyHistory({ [A]: [1, 0, 3, 2, 0, 4], [B]: [2, 2, 0, 1, 1, 0] });

  it.each([
    // ŷ_{T+s} = y_{T+s−m⌈s/m⌉}: the period copied for s = 1, 2, …
    { m: 2, horizon: 3, copied: [5, 6, 5], a: [0, 4, 0], b: [1, 0, 1] },
    { m: 4, horizon: 5, copied: [3, 4, 5, 6, 3], a: [3, 2, 0, 4, 3], b: [0, 1, 1, 0, 0] },
    { m: 1, horizon: 2, copied: [6, 6], a: [4, 4], b: [0, 0] },
    { m: 6, horizon: 2, copied: [1, 2], a: [1, 0], b: [2, 2] },
  ])('seasonalNaive({ m: $m }).predict($horizon) copies periods $copied', ({ m, horizon, a, b }) => {
    const out = forecastOf(seasonalNaive({ m }), history, horizon);
    expect(seriesOf(out, cells, A)).toEqual(a);
    expect(seriesOf(out, cells, B)).toEqual(b);
  });

  it('seasonalNaive({ m: 7 }) on 6 periods throws: no complete season', () => {
    expect(() => forecastOf(seasonalNaive({ m: 7 }), history, 1)).toThrow('seasonal-naive(m=7) needs at least 7 training periods, got 6');
  });

  it('seasonalNaiveForecast(counts, 1, 2, 3) on one cell [1, 2, 3] → [2, 3, 2]', () => {
    expect(Array.from(seasonalNaiveForecast(Float32Array.of(1, 2, 3), 1, 2, 3))).toEqual([2, 3, 2]);
  });

  it.each([0, -1, 1.5])('seasonalNaive({ m: %s }) throws', (m) => {
    expect(() => seasonalNaive({ m })).toThrow(`season length m must be a whole number ≥ 1, got ${m}`);
  });
});
