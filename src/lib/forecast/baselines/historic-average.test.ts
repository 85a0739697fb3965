import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { historicAverage, historicAverageLevel } from './historic-average';
import { BASELINES } from './index';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract('historicAverage()', () => historicAverage());
describeForecasterContract("createModel('historic-average')", () => createModel({ id: 'historic-average', params: {} }, BASELINES, WEEKLY_RES8));

describe('historicAverage', () => {
  const [A, B] = [CENTRE, RING1[0]];

  it('historicAverage().predict(2) is the mean of all periods: A (1+0+3+2+0+4)/6, B 6/6', () => {
    const { history, cells } = tinyHistory({ [A]: [1, 0, 3, 2, 0, 4], [B]: [2, 2, 0, 1, 1, 0] });
    const out = forecastOf(historicAverage(), history, 2);
    expect(seriesOf(out, cells, A)).toEqual([expect.closeTo(10 / 6, 6), expect.closeTo(10 / 6, 6)]);
    expect(seriesOf(out, cells, B)).toEqual([1, 1]);
  });

  it('historicAverageLevel(counts, 2) on [[1, 0], [3, 2]] → [2, 1]', () => {
    expect(Array.from(historicAverageLevel(Float32Array.of(1, 0, 3, 2), 2))).toEqual([2, 1]);
  });
});
