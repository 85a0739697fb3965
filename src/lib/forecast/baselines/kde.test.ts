import { describe, expect, it } from 'vitest';
import { contractPanel, describeForecasterContract } from '../../../../test/contract/forecaster-contract';
import { edgeLengthAt } from '../../grid/h3';
import { neighbours } from '../../grid/neighbours';
import { historyOf } from '../history';
import { createModel } from '../model-definition';
import { BASELINES } from './index';
import { bandwidthInRings, kde, kdeLevel } from './kde';
import { CENTRE, EDGE, EDGE_NEIGHBOURS, FAR_SIDE, WEEKLY_RES8, forecastOf, seriesOf, tinyHistory } from './tiny-history';
import { windowAverageLevel } from './window-average';

describeForecasterContract("createModel('kde') (window 13, rings 1)", () => createModel({ id: 'kde', params: {} }, BASELINES, WEEKLY_RES8));
describeForecasterContract('kde({ window: 4, rings: 2 })', () => kde({ window: 4, rings: 2 }));
describeForecasterContract('kde({ window: 8, bandwidthM: 2500, res: 8 })', () => kde({ window: 8, bandwidthM: 2500, res: 8 }));

describe('kde', () => {
  // A 7-cell disk: the centre C, the cell E in ring 1 with its two ring-1 neighbours N, and
  // three other ring-1 cells O. Window 2: C has mean (2 + 4)/2 = 3 (the 5 is outside), E has 1.
  const [E, N, O] = [EDGE, EDGE_NEIGHBOURS, FAR_SIDE];
  const series: Record<string, number[]> = { [CENTRE]: [5, 2, 4], [E]: [0, 1, 1] };
  for (const cell of [...N, ...O]) series[cell] = [0, 0, 0];
  const { history, cells } = tinyHistory(series);

  it('the test disk has 1 + 6 cells; E touches C and two ring cells (N), not the other three (O)', () => {
    expect([cells.length, N.length, O.length]).toEqual([7, 2, 3]);
  });

  it('kde({ window: 2, rings: 1 }) spreads each cell’s mean with K = 1, 9/16, normalised over neighbours in the panel', () => {
    // Quartic kernel, h = 2 rings: K(0) = 1, K(1) = (1 − 1/4)² = 9/16.
    // C has 6 neighbours: Z_C = 1 + 6·9/16 = 70/16 → C keeps 3·16/70, each ring cell gets 3·9/70.
    // E (on the edge) has 3:  Z_E = 1 + 3·9/16 = 43/16 → E keeps 1·16/43, C and N get 1·9/43 each.
    const out = forecastOf(kde({ window: 2, rings: 1 }), history, 2);
    const expected = new Map<string, number>([
      [CENTRE, 48 / 70 + 9 / 43],
      [E, 27 / 70 + 16 / 43],
      ...N.map((cell) => [cell, 27 / 70 + 9 / 43] as [string, number]),
      ...O.map((cell) => [cell, 27 / 70] as [string, number]),
    ]);
    for (const [cell, value] of expected) expect(seriesOf(out, cells, cell)).toEqual([expect.closeTo(value, 6), expect.closeTo(value, 6)]);
  });

  it('kde keeps the window’s total mean rate, 3 + 1 = 4, although E’s kernel is cut by the panel edge', () => {
    const out = forecastOf(kde({ window: 2, rings: 1 }), history, 1);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(4, 5);
  });

  it('kde({ window: 2, rings: 0 }) is the window average (no smoothing)', () => {
    const out = forecastOf(kde({ window: 2, rings: 0 }), history, 1);
    expect(seriesOf(out, cells, CENTRE)).toEqual([3]);
    expect(seriesOf(out, cells, E)).toEqual([1]);
    expect(seriesOf(out, cells, O[0])).toEqual([0]);
  });

  it('kde with bandwidth_m = 2 cell spacings (2·√3·edge) equals rings = 1', () => {
    const spacing = Math.sqrt(3) * edgeLengthAt(8);
    const byMetres = kde({ window: 2, bandwidthM: 2 * spacing, res: 8 });
    expect(byMetres.neighbourRings).toBe(1);
    const a = Array.from(forecastOf(byMetres, history, 1));
    const b = Array.from(forecastOf(kde({ window: 2, rings: 1 }), history, 1));
    expect(b).toHaveLength(7);
    expect(a).toEqual(b.map((v) => expect.closeTo(v, 6)));
  });

  it('kde with bandwidth_m = 400 at res 8 (spacing ≈ 920 m) reaches no neighbour', () => {
    const model = kde({ window: 2, bandwidthM: 400, res: 8 });
    expect([model.name, model.neighbourRings]).toEqual(['kde(window=2, bandwidth=400m)', 0]);
  });

  it('bandwidthInRings(metres, 8) divides by √3 × 531.414 m', () => {
    expect(bandwidthInRings(1840.88, 8)).toBeCloseTo(2, 3);
    expect(bandwidthInRings(Math.sqrt(3) * edgeLengthAt(9) * 3, 9)).toBeCloseTo(3, 9);
  });

  it('kde fitted for resolution 9 refuses a resolution-8 history', () => {
    expect(() => forecastOf(kde({ window: 2, bandwidthM: 1000, res: 9 }), history, 1)).toThrow(
      'kde(window=2, bandwidth=1000m) was created for resolution 9 but the history is at resolution 8',
    );
  });

  it('kde without a resolution cannot take a bandwidth in metres', () => {
    expect(() => kde({ window: 2, bandwidthM: 1000 })).toThrow('kde: a bandwidth in metres needs the panel resolution (res)');
  });

  it('kde({ window: 4, rings: 2 }) keeps the total on the 19-cell contract panel, whose outer ring lacks neighbours', () => {
    const panel = contractPanel();
    const history = historyOf(panel, neighbours(panel.cells, 2), 40);
    const out = forecastOf(kde({ window: 4, rings: 2 }), history, 1);
    const mean = windowAverageLevel(history.counts, panel.cells.length, 4);
    const total = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    expect(total(mean)).toBeGreaterThan(0);
    expect(total(out)).toBeCloseTo(total(mean), 4);
  });

  it('kdeLevel on two adjacent cells with weights [1, 0.5] → [2, 1]', () => {
    const out = kdeLevel(Float32Array.of(3, 0), 2, 1, Int32Array.of(0, 1, 2), Int32Array.of(1, 0), Uint8Array.of(1, 1), Float64Array.of(1, 0.5));
    expect(Array.from(out)).toEqual([2, 1]);
  });
});
