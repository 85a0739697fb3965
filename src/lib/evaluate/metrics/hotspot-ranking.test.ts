import { describe, expect, test } from 'vitest';
import { coverageWalk, hotspotRanking } from './hotspot-ranking';

describe('hotspotRanking', () => {
  test.each([
    ['forecast descending', [1, 3, 2], [1, 1, 1], [1, 2, 0]],
    ['ties by cell index ascending', [2, 5, 2, 5], [1, 1, 1, 1], [1, 3, 0, 2]],
    ['NaN last, by index', [NaN, 1, NaN, 0], [1, 1, 1, 1], [1, 3, 0, 2]],
    ['+∞ first, −∞ before NaN', [NaN, -Infinity, Infinity], [1, 1, 1], [2, 1, 0]],
    ['region cells only', [5, 4, 3], [1, 0, 1], [0, 2]],
    ['empty', [], [], []],
  ])('hotspotRanking(forecast, area, region).order: %s', (_, forecast, region, order) => {
    const ranking = hotspotRanking(forecast, new Float64Array(forecast.length).fill(2), region);
    expect(Array.from(ranking.order)).toEqual(order);
    expect(ranking.regionArea).toBe(2 * order.length);
  });

  test('hotspotRanking(…) reads a region flag of exactly 1 as "in the region"', () => {
    expect(Array.from(hotspotRanking([1, 2, 3], [1, 1, 1], new Uint8Array([1, 2, 0])).order)).toEqual([0]);
  });
});

describe('coverageWalk', () => {
  test('coverageWalk(ranking, area, actual, levels, visit) reports each level by its position, visiting in ascending order', () => {
    const ranking = hotspotRanking([3, 2, 1], [1, 1, 1], [1, 1, 1]);
    const calls: number[][] = [];
    coverageWalk(ranking, [1, 1, 1], [6, 3, 0], [1, 0, 0.5], (j, k, a, n) => calls.push([j, k, a, n]));
    expect(calls).toEqual([
      [1, 0, 0, 0],
      [2, 2, 2, 9],
      [0, 3, 3, 9],
    ]);
  });

  test('coverageWalk(…) reaches c·A despite rounding: 10 cells of 0.1 m² at c = 0.3 take 3 cells', () => {
    const area = new Float64Array(10).fill(0.1);
    const ranking = hotspotRanking([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], area, new Uint8Array(10).fill(1));
    const taken: number[] = [];
    coverageWalk(ranking, area, null, [0.3, 0.7, 1], (_, k) => taken.push(k));
    expect(taken).toEqual([3, 7, 10]);
  });
});
