/**
 * `hotspotRanking` ranks by a stable sort of the tie order (`tieOrder`, `sortByKey`) instead of
 * one comparison sort with a comparator. These tests compare it, on seeded data full of ties,
 * zeros, −0, ±∞ and NaN, with that comparison sort as it was (copied here as the reference),
 * and the scores built on it with the scores from the reference ranking, number for number.
 */
import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { captureCurve } from './capture-curve';
import { hindsightRanking } from './hindsight-ranking';
import { hotspotRanking, hotspotRankingOf, type HotspotRanking } from './hotspot-ranking';
import { hotspotScores } from './hotspot-scores';
import { sortByKey } from './sort-by-key';
import { seededCounts } from './test-fixtures';
import { tieOrder } from './tie-order';

/** The comparison sort `hotspotRanking` used before (forecast descending, NaN last, then area, tie key, index). */
function comparatorRanking(forecast: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, tieKey?: ArrayLike<number>): HotspotRanking {
  const n = forecast.length;
  const cells: number[] = [];
  for (let i = 0; i < n; i++) if (region[i] === 1) cells.push(i);
  const order = Int32Array.from(cells);
  const f = Float64Array.from(forecast);
  const a = Float64Array.from(area);
  const t = tieKey ? Float64Array.from(tieKey) : undefined;
  order.sort((i, j) => {
    const x = f[i];
    const y = f[j];
    if (x > y) return -1;
    if (x < y) return 1;
    if (x !== y && (x !== x) !== (y !== y)) return x !== x ? 1 : -1;
    const byArea = a[i] - a[j];
    if (byArea) return byArea;
    const byKey = t ? t[i] - t[j] : 0;
    return byKey || i - j;
  });
  const same = (x: number, y: number): boolean => x === y || (x !== x && y !== y);
  const starts: number[] = [];
  const areas: number[] = [0];
  let covered = 0;
  for (let r = 0; r < order.length; r++) {
    if (r === 0 || !same(f[order[r - 1]], f[order[r]])) {
      starts.push(r);
      if (r > 0) areas.push(covered);
    }
    covered += area[order[r]];
  }
  starts.push(order.length);
  if (order.length > 0) areas.push(covered);
  return { order, groupStart: Int32Array.from(starts), groupArea: Float64Array.from(areas), regionArea: covered };
}

/** Seeded cells whose forecasts and areas tie often, with −0, ±∞ and NaN forecasts mixed in. */
function tiedCells(seed: number, n: number): { forecast: Float64Array; actual: Float32Array; area: Float64Array; region: Uint8Array } {
  const rng = random(seed);
  const special = [0, -0, Infinity, -Infinity, Number.NaN, 0.5];
  const forecast = new Float64Array(n);
  const actual = new Float32Array(n);
  const area = new Float64Array(n);
  const region = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    forecast[i] = u < 0.2 ? special[Math.floor(rng.next() * special.length)] : u < 0.6 ? Math.floor(rng.next() * 4) : rng.next() * 3;
    actual[i] = Math.floor(rng.next() * 3);
    area[i] = [1, 2, 1.5][Math.floor(rng.next() * 3)];
    region[i] = rng.next() < 0.8 ? 1 : 0;
  }
  return { forecast, actual, area, region };
}

describe('hotspotRanking equals the comparison sort it replaces', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  test.each(seeds)('seed %d: tied forecasts with −0, ±∞ and NaN, with and without a tie key', (seed) => {
    const { forecast, actual, area, region } = tiedCells(seed, 1 + ((seed * 37) % 300));
    for (const key of [undefined, actual]) {
      const fast = hotspotRanking(forecast, area, region, key);
      const plain = comparatorRanking(forecast, area, region, key);
      expect(Array.from(fast.order)).toEqual(Array.from(plain.order));
      expect(Array.from(fast.groupStart)).toEqual(Array.from(plain.groupStart));
      expect(Array.from(fast.groupArea)).toEqual(Array.from(plain.groupArea));
      expect(fast.regionArea).toBe(plain.regionArea);
    }
  });

  test.each([1, 2, 3, 4, 5])('seed %d: 5,000 H3-like cells, the hindsight ranking and every hotspot score and capture value the same number', (seed) => {
    const { forecast, actual, area, region } = seededCounts(seed, 5000);
    const density = Float64Array.from(actual, (y, i) => (region[i] === 1 ? y / area[i] : 0));
    expect(Array.from(hindsightRanking(actual, area, region).ranking.order)).toEqual(Array.from(comparatorRanking(density, area, region, actual).order));
    const ties = tieOrder(area, region, actual);
    const ranking = hotspotRankingOf(forecast, area, ties);
    const plain = comparatorRanking(forecast, area, region, actual);
    expect(Array.from(ranking.order)).toEqual(Array.from(plain.order));
    const coverage = [0.01, 0.05, 0.1, 0.5];
    const hindsight = hindsightRanking(actual, area, region, ties);
    expect(hotspotScores(forecast, actual, area, region, coverage, { ranking, hindsight })).toEqual(
      hotspotScores(forecast, actual, area, region, coverage, { ranking: plain }),
    );
    const grid = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    expect(captureCurve(forecast, actual, area, region, grid, ranking)).toEqual(captureCurve(forecast, actual, area, region, grid, plain));
  });
});

describe('sortByKey', () => {
  test.each([
    ['ascending, stable', [3, 1, 3, 2], [0, 1, 2, 3], false, [1, 3, 0, 2]],
    ['descending, stable', [3, 1, 3, 2], [2, 1, 0, 3], true, [2, 0, 3, 1]],
    ['−0 equals +0: the order given is kept', [0, -0, 0], [1, 0, 2], true, [1, 0, 2]],
    ['NaN last either way', [Number.NaN, 1, Number.NaN, 2], [0, 1, 2, 3], false, [1, 3, 0, 2]],
    ['NaN last descending', [Number.NaN, 1, Number.NaN, 2], [0, 1, 2, 3], true, [3, 1, 0, 2]],
    ['±∞', [Infinity, -Infinity, 0], [0, 1, 2], false, [1, 2, 0]],
    ['a subset of the indexes', [9, 8, 7, 6], [3, 1], true, [1, 3]],
    ['empty', [], [], true, []],
  ])('sortByKey: %s', (_, keys, order, descending, sorted) => {
    const given = Int32Array.from(order);
    expect(Array.from(sortByKey(keys, given, descending))).toEqual(sorted);
    expect(Array.from(sortByKey(Float32Array.from(keys), given, descending))).toEqual(sorted); // the float32 path
    expect(Array.from(given)).toEqual(order); // left as it was
  });

  test.each([1, 2, 3, 4, 5, 6])('seed %d: float32 keys (their own 32-bit path) sort as the same keys in float64 do, both ways', (seed) => {
    const rng = random(seed);
    const special = [0, -0, Infinity, -Infinity, Number.NaN, 1e-45, -1e-45, 3.4e38, -3.4e38, 0.1];
    const n = [0, 1, 7, 300, 2049, 5216][seed - 1];
    // Ties (small integers), fractions spread over many exponents, and the special values.
    const keys = Float32Array.from({ length: n }, () => {
      const u = rng.next();
      return u < 0.2 ? special[rng.int(special.length)] : u < 0.6 ? rng.int(5) : (rng.next() - 0.3) * 10 ** rng.int(12);
    });
    const wide = Float64Array.from(keys);
    const order = Int32Array.from({ length: n }, (_, i) => i).filter(() => rng.next() < 0.9);
    for (const descending of [false, true]) {
      expect(Array.from(sortByKey(keys, order, descending))).toEqual(Array.from(sortByKey(wide, order, descending)));
    }
  });
});

describe('tieOrder', () => {
  test('lists region cells by area, then tie key, then index', () => {
    expect(Array.from(tieOrder([2, 1, 1, 1], [1, 1, 1, 0], [0, 5, 3, 0]))).toEqual([2, 1, 0]);
    expect(Array.from(tieOrder([1, 1, 1], [1, 1, 1]))).toEqual([0, 1, 2]);
  });

  test('refuses a region cell without a positive finite area, and arrays of other lengths', () => {
    expect(() => tieOrder([1, 0], [1, 1])).toThrow('area[1] is 0');
    expect(() => tieOrder([1, 1], [1])).toThrow('one value per cell');
  });
});
