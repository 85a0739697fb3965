import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { naive, naiveLevel } from './naive';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract('naive()', () => naive());
describeForecasterContract("createModel('naive')", () => createModel({ id: 'naive', params: {} }, BASELINES, WEEKLY_RES8));

describe('naive', () => {
  const [A, B] = [CENTRE, RING1[0]];
  const { history, cells } = tinyHistory({ [A]: [1, 0, 3, 2, 0, 4], [B]: [2, 2, 0, 1, 1, 0] });

  it('naive().predict(3) repeats the last period for every step: A 4, B 0', () => {
    const out = forecastOf(naive(), history, 3);
    expect(out.length).toBe(3 * 2);
    expect(seriesOf(out, cells, A)).toEqual([4, 4, 4]);
    expect(seriesOf(out, cells, B)).toEqual([0, 0, 0]);
  });

  it('naiveLevel(counts, cells) copies the last row', () => {
    expect(Array.from(naiveLevel(Float32Array.of(1, 2, 3, 0), 2))).toEqual([3, 0]);
  });

  it('naiveLevel(counts, cells) rejects a count matrix that is not whole periods', () => {
    expect(() => naiveLevel(Float32Array.of(1, 2, 3), 2)).toThrow('naiveLevel: counts has length 3, not a whole number of periods of 2 cells');
  });
});
