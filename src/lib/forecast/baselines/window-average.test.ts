import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { CENTRE, RING1, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';
import { windowAverage, windowAverageLevel } from './window-average';

describeForecasterContract("createModel('window-average') (k = 4 on weeks)", () => createModel({ id: 'window-average', params: {} }, BASELINES, WEEKLY_RES8));
describeForecasterContract('windowAverage({ k: 8 })', () => windowAverage({ k: 8 }));

describe('windowAverage', () => {
  const [A, B] = [CENTRE, RING1[0]];
  const { history, cells } = tinyHistory({ [A]: [1, 0, 3, 2, 0, 4], [B]: [2, 2, 0, 1, 1, 0] });

  it.each([
    { k: 1, a: 4, b: 0 },
    { k: 2, a: (0 + 4) / 2, b: (1 + 0) / 2 },
    { k: 4, a: (3 + 2 + 0 + 4) / 4, b: (0 + 1 + 1 + 0) / 4 },
    { k: 6, a: 10 / 6, b: 1 },
  ])('windowAverage({ k: $k }).predict(2) averages the last k periods: A $a, B $b', ({ k, a, b }) => {
    const out = forecastOf(windowAverage({ k }), history, 2);
    expect(seriesOf(out, cells, A)).toEqual([expect.closeTo(a, 6), expect.closeTo(a, 6)]);
    expect(seriesOf(out, cells, B)).toEqual([b, b]);
  });

  it('windowAverage({ k: 7 }) on 6 periods throws', () => {
    expect(() => forecastOf(windowAverage({ k: 7 }), history, 1)).toThrow('window-average(k=7) needs at least 7 training periods, got 6');
  });

  it('windowAverageLevel(counts, 1, 2) on one cell [9, 1, 3] → [2]', () => {
    expect(Array.from(windowAverageLevel(Float32Array.of(9, 1, 3), 1, 2))).toEqual([2]);
  });
});
