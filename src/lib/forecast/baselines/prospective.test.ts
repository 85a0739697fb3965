import { describe, expect, it } from 'vitest';
import { describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { prospective, prospectiveLevel } from './prospective';
import { CENTRE, EDGE, EDGE_NEIGHBOURS, FAR_SIDE, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';

describeForecasterContract("createModel('prospective') (rings 2, periods 8)", () => createModel({ id: 'prospective', params: {} }, BASELINES, WEEKLY_RES8));
describeForecasterContract('prospective({ rings: 1, periods: 4 })', () => prospective({ rings: 1, periods: 4 }));

describe('prospective', () => {
  // The 7-cell disk again: centre C, ring cell E, E's two ring neighbours N, the other three O.
  // Last two periods (t = 1, then t = 0): C has 2 then 1 incidents, E has 0 then 1.
  // The 100 incidents three periods back lie outside the temporal bandwidth.
  const [E, N, O] = [EDGE, EDGE_NEIGHBOURS, FAR_SIDE];
  const series: Record<string, number[]> = { [CENTRE]: [100, 2, 1], [E]: [0, 0, 1] };
  for (const cell of [...N, ...O]) series[cell] = [0, 0, 0];
  const { history, cells } = tinyHistory(series);

  it('prospective({ rings: 1, periods: 2 }) weighs incidents by 1/((1 + d)(1 + t)), then rescales to the mean total', () => {
    // Scores S (d = ring distance, t = periods ago):
    //   C: 1/(1·1) + 2/(1·2) + [E] 1/(2·1)   = 2.5
    //   E: 1/(1·1) + [C] 1/(2·1) + 2/(2·2)   = 2
    //   N: [C] 1/(2·1) + 2/(2·2) + [E] 1/(2·1) = 1.5   (each of 2)
    //   O: [C] 1/(2·1) + 2/(2·2)               = 1     (each of 3)
    // ΣS = 2.5 + 2 + 2·1.5 + 3·1 = 10.5; mean total per period = (2 + (1 + 1))/2 = 2 → scale 2/10.5 = 4/21.
    const out = forecastOf(prospective({ rings: 1, periods: 2 }), history, 2);
    const expected: [string, number][] = [
      [CENTRE, 10 / 21],
      [E, 8 / 21],
      ...N.map((c) => [c, 6 / 21] as [string, number]),
      ...O.map((c) => [c, 4 / 21] as [string, number]),
    ];
    for (const [cell, value] of expected) expect(seriesOf(out, cells, cell)).toEqual([expect.closeTo(value, 6), expect.closeTo(value, 6)]);
    expect(out.subarray(0, 7).reduce((s, v) => s + v, 0)).toBeCloseTo(2, 5);
  });

  it('prospective({ rings: 0, periods: 2 }) keeps each incident in its cell: C 2·2/3, E 1·2/3', () => {
    // S_C = 1 + 2/2 = 2, S_E = 1; ΣS = 3, mean total 2.
    const out = forecastOf(prospective({ rings: 0, periods: 2 }), history, 1);
    expect(seriesOf(out, cells, CENTRE)[0]).toBeCloseTo(4 / 3, 6);
    expect(seriesOf(out, cells, E)[0]).toBeCloseTo(2 / 3, 6);
    expect(seriesOf(out, cells, O[0])[0]).toBe(0);
  });

  it('prospective({ rings: 1, periods: 3 }) reaches the 100 incidents at t = 2 and weighs them 1/3', () => {
    // S_C = 1 + 2/2 + 100/3 + [E] 1/2; mean total per period (100 + 2 + 2)/3 = 104/3.
    const out = forecastOf(prospective({ rings: 1, periods: 3 }), history, 1);
    const sC = 1 + 1 + 100 / 3 + 0.5;
    const sE = 1 + 0.5 + 0.5 + 100 / 6;
    const sN = 0.5 + 0.5 + 100 / 6 + 0.5;
    const sO = 0.5 + 0.5 + 100 / 6;
    const scale = 104 / 3 / (sC + sE + 2 * sN + 3 * sO);
    expect(seriesOf(out, cells, CENTRE)[0]).toBeCloseTo(sC * scale, 4);
    expect(seriesOf(out, cells, O[0])[0]).toBeCloseTo(sO * scale, 4);
  });

  it('prospective forecasts 0 everywhere when the window holds no incident', () => {
    const quiet = tinyHistory({ [CENTRE]: [5, 0, 0], [E]: [3, 0, 0] });
    const out = forecastOf(prospective({ rings: 1, periods: 2 }), quiet.history, 1);
    expect(Array.from(out)).toEqual([0, 0]);
  });

  it('prospective({ rings: 2, periods: 4 }) on 3 periods throws', () => {
    expect(() => forecastOf(prospective({ rings: 2, periods: 4 }), history, 1)).toThrow(
      'prospective(rings=2, periods=4) needs at least 4 training periods, got 3',
    );
  });

  it('prospectiveLevel on two adjacent cells, counts [[2, 0], [1, 0]] → S = [2, 1], mean 1.5 → [1, 0.5]', () => {
    const out = prospectiveLevel(Float32Array.of(2, 0, 1, 0), 2, 2, Int32Array.of(0, 1, 2), Int32Array.of(1, 0), Uint8Array.of(1, 1), 1);
    expect(Array.from(out)).toEqual([1, 0.5]);
  });
});
