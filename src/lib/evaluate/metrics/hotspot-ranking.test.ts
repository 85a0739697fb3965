import { describe, expect, test } from 'vitest';
import { hotspotCut, hotspotRanking } from './hotspot-ranking';

describe('hotspotRanking', () => {
  test.each([
    ['forecast descending', [1, 3, 2], [1, 1, 1], [1, 2, 0], [0, 1, 2, 3]],
    ['ties form one group', [2, 5, 2, 5], [1, 1, 1, 1], [1, 3, 0, 2], [0, 2, 4]],
    ['NaN last, one group', [NaN, 1, NaN, 0], [1, 1, 1, 1], [1, 3, 0, 2], [0, 1, 2, 4]],
    ['+∞ first, −∞ before NaN', [NaN, -Infinity, Infinity], [1, 1, 1], [2, 1, 0], [0, 1, 2, 3]],
    ['region cells only', [5, 4, 3], [1, 0, 1], [0, 2], [0, 1, 2]],
    ['empty', [], [], [], [0]],
  ])('hotspotRanking(forecast, area, region): %s', (_, forecast, region, order, groupStart) => {
    const ranking = hotspotRanking(forecast, new Float64Array(forecast.length).fill(2), region);
    expect(Array.from(ranking.order)).toEqual(order);
    expect(Array.from(ranking.groupStart)).toEqual(groupStart);
    expect(Array.from(ranking.groupArea)).toEqual(groupStart.map((r) => 2 * r));
    expect(ranking.regionArea).toBe(2 * order.length);
  });

  test('hotspotRanking(…) lists a tied group by area, then the tie key, whatever the labels', () => {
    expect(Array.from(hotspotRanking([1, 1, 1], [3, 2, 2], [1, 1, 1], [0, 5, 4]).order)).toEqual([2, 1, 0]);
  });

  test('hotspotRanking(…) reads a region flag of exactly 1 as "in the region"', () => {
    expect(Array.from(hotspotRanking([1, 2, 3], [1, 1, 1], new Uint8Array([1, 2, 0])).order)).toEqual([0]);
  });
});

describe('hotspotCut', () => {
  const ranking = hotspotRanking([3, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]);
  test.each([
    [0, { groups: 0, cells: 0, end: 0, share: 0 }],
    [0.125, { groups: 0, cells: 0, end: 1, share: 0.5 }],
    [0.25, { groups: 1, cells: 1, end: 1, share: 0 }],
    [0.5, { groups: 1, cells: 1, end: 3, share: 0.5 }],
    [0.75, { groups: 2, cells: 3, end: 3, share: 0 }],
    [1, { groups: 3, cells: 4, end: 4, share: 0 }],
  ])('hotspotCut(ranking of [3, 2, 2, 1], %d)', (level, cut) => {
    expect(hotspotCut(ranking, level)).toEqual(cut);
  });

  test('hotspotCut(…) lands on a group edge despite rounding: 10 cells of 0.1 m² at c = 0.3 take 3 cells whole', () => {
    const area = new Float64Array(10).fill(0.1);
    const tenth = hotspotRanking([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], area, new Uint8Array(10).fill(1));
    expect([0.3, 0.7, 1].map((c) => [hotspotCut(tenth, c).cells, hotspotCut(tenth, c).share])).toEqual([
      [3, 0],
      [7, 0],
      [10, 0],
    ]);
  });
});
