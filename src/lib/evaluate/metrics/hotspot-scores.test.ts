import { describe, expect, test } from 'vitest';
import { hitRate } from './hit-rate';
import { hotspotScores } from './hotspot-scores';
import { pai } from './pai';
import { pei } from './pei';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

/** Hit rate, PAI and PEI* straight from their definitions, with plain arrays. */
function reference(f: ArrayLike<number>, y: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, c: number) {
  const inRegion = Array.from({ length: f.length }, (_, i) => i).filter((i) => region[i] === 1);
  const nan = (i: number) => Number(Number.isNaN(f[i]));
  const key = (i: number) => (nan(i) ? -Infinity : f[i]);
  // forecast descending, NaN last, then cell index ascending
  const ranked = [...inRegion].sort((i, j) => key(j) - key(i) || nan(i) - nan(j) || i - j);
  const A = inRegion.reduce((s, i) => s + area[i], 0);
  const N = Array.from(y).reduce((s, v) => s + v, 0);
  let a = 0;
  let n = 0;
  let k = 0;
  while (k < ranked.length && a < c * A * (1 - 1e-12)) {
    a += area[ranked[k]];
    n += y[ranked[k]];
    k++;
  }
  const best = inRegion.map((i) => y[i]).sort((p, q) => q - p).slice(0, k).reduce((s, v) => s + v, 0);
  return { cells: k, area: a, hitRate: n / N, pai: n / N / (a / A), pei: n / best };
}

describe('hotspotScores', () => {
  test('hotspotScores(forecast, actual, area, region, [1/3, 2/3, 1]) reproduces the worked example: PAI (2, 1.5, 1), PEI (1, 1, 1)', () => {
    // observed (6, 3, 0), predicted (3, 2, 1), equal areas; N = 9.
    // 1 cell: n = 6, a/A = 1/3 → PAI (6/9)/(1/3) = 2; n* = 6 → PEI 1
    // 2 cells: n = 9, a/A = 2/3 → PAI 1/(2/3) = 1.5; n* = 9 → PEI 1
    // 3 cells: n = 9, a/A = 1 → PAI 1; PEI 1
    const scores = hotspotScores(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), [1 / 3, 2 / 3, 1]);
    expect(scores.map((s) => s.cells)).toEqual([1, 2, 3]);
    expect(scores.map((s) => s.hitRate)).toEqual([6 / 9, 1, 1]);
    expect(scores.map((s) => s.pai.toFixed(12))).toEqual(['2.000000000000', '1.500000000000', '1.000000000000']);
    expect(scores.map((s) => s.pei)).toEqual([1, 1, 1]);
  });

  test('hotspotScores(…) returns results in the order of the coverages asked for', () => {
    const scores = hotspotScores([3, 2, 1], [6, 3, 0], equalAreas(3), wholeRegion(3), [1, 1 / 3]);
    expect(scores.map((s) => [s.coverage, s.cells, s.captured, s.total])).toEqual([[1, 3, 9, 9], [1 / 3, 1, 6, 9]]);
  });

  test('hotspotScores(…), hitRate, pai and pei match their definitions on seeded data (unequal areas, ties, NaN, cells outside the region)', () => {
    const coverages = [0.01, 0.05, 0.1, 0.25, 0.5, 1];
    for (const seed of [21, 22, 23]) {
      const { forecast, actual, area, region } = seededCounts(seed, 400);
      for (let i = 0; i < forecast.length; i++) forecast[i] = Math.round(forecast[i] * 4) / 4; // many ties
      forecast[7] = NaN;
      forecast[13] = NaN;
      const scores = hotspotScores(forecast, actual, area, region, coverages);
      coverages.forEach((c, j) => {
        const want = reference(forecast, actual, area, region, c);
        expect(scores[j].cells).toBe(want.cells);
        expect(scores[j].area).toBeCloseTo(want.area, 6);
        expect(scores[j].hitRate).toBeCloseTo(want.hitRate, 12);
        expect(scores[j].pai).toBeCloseTo(want.pai, 10);
        expect(scores[j].pei).toBeCloseTo(want.pei, 12);
        expect(hitRate(forecast, actual, area, region, c)).toBe(scores[j].hitRate);
        expect(pai(forecast, actual, area, region, c)).toBe(scores[j].pai);
        expect(pei(forecast, actual, area, region, c)).toBe(scores[j].pei);
      });
    }
  });

  test('hotspotScores(…) takes n* from the best k-cell subset: brute force over every subset of 8 cells', () => {
    const { forecast, actual } = seededCounts(24, 8);
    const region = wholeRegion(8);
    const coverages = [1 / 8, 2 / 8, 3 / 8, 4 / 8, 5 / 8, 6 / 8, 7 / 8, 1];
    const scores = hotspotScores(forecast, actual, equalAreas(8), region, coverages);
    for (const s of scores) {
      let best = 0;
      for (let mask = 0; mask < 256; mask++) {
        let bits = 0;
        let sum = 0;
        for (let i = 0; i < 8; i++) if (mask & (1 << i)) {
          bits++;
          sum += actual[i];
        }
        if (bits === s.cells) best = Math.max(best, sum);
      }
      expect(s.pei).toBeCloseTo(s.captured / best, 12);
      expect(s.pei).toBeGreaterThanOrEqual(0);
      expect(s.pei).toBeLessThanOrEqual(1);
    }
  });

  test('hotspotScores(…) counts incidents outside the region in N but never selects their cells', () => {
    // Cell 3 has the highest forecast but lies outside the region. N = 8, A = 3.
    // c = 1/3 → cell 0: n = 4, hit rate 4/8, PAI 0.5/(1/3) = 1.5, n* = 4 → PEI 1.
    const [s] = hotspotScores([3, 2, 1, 9], [4, 0, 0, 4], equalAreas(4), [1, 1, 1, 0], [1 / 3]);
    expect([s.cells, s.captured, s.total, s.hitRate, s.pei]).toEqual([1, 4, 8, 0.5, 1]);
    expect(s.pai).toBeCloseTo(1.5, 12);
  });

  test('hotspotScores(…) lets the last cell overshoot c·A and uses the area actually selected', () => {
    // Areas (1, 2, 1), A = 4, c = 0.5 → target 2: cell 0 (1 m²) falls short, cell 1 brings 3 m².
    // actual (1, 1, 2): n = 2, N = 4 → hit rate 0.5, PAI 0.5/(3/4) = 2/3; n* (2 cells) = 2 + 1 → PEI 2/3.
    const [s] = hotspotScores([3, 2, 1], [1, 1, 2], [1, 2, 1], wholeRegion(3), [0.5]);
    expect([s.cells, s.area, s.hitRate]).toEqual([2, 3, 0.5]);
    expect(s.pai).toBeCloseTo(2 / 3, 12);
    expect(s.pei).toBeCloseTo(2 / 3, 12);
  });

  test.each([
    ['no incidents anywhere (N = 0)', [1, 0], [0, 0], [1, 1], { hitRate: NaN, pai: NaN, pei: NaN }],
    ['a NaN count', [1, 0], [NaN, 1], [1, 1], { hitRate: NaN, pai: NaN, pei: NaN }],
    ['an empty region: nothing selected, PAI and PEI undefined', [1, 0], [2, 1], [0, 0], { hitRate: 0, pai: NaN, pei: NaN }],
    ['every incident outside the region (n* = 0)', [1, 0, 5], [0, 0, 3], [1, 1, 0], { hitRate: 0, pai: 0, pei: NaN }],
    ['all-zero forecast: ties go to cell 0', [0, 0], [1, 3], [1, 1], { hitRate: 0.25, pai: 0.5, pei: 1 / 3 }],
  ])('hotspotScores(…, [0.5]) edge case: %s', (_, forecast, actual, region, expected) => {
    const [s] = hotspotScores(forecast, actual, equalAreas(forecast.length), region, [0.5]);
    expect({ hitRate: s.hitRate, pai: s.pai, pei: s.pei }).toEqual(expected);
  });

  test('hotspotScores(…) of empty inputs is NaN throughout', () => {
    const [s] = hotspotScores([], [], [], [], [0.1]);
    expect([s.cells, s.area, s.hitRate, s.pai, s.pei]).toEqual([0, 0, NaN, NaN, NaN]);
  });

  test.each([
    [[1], [1], [1], [1], [0], /hotspotScores: coverage must lie in \(0, 1\] \(a fraction of the study area\), got 0/],
    [[1], [1], [1], [1], [1.5], /got 1.5/],
    [[1, 2], [1], [1, 1], [1, 1], [0.5], /hotspotScores: forecast has 2 cells but actual has 1/],
    [[1, 2], [1, 1], [1], [1, 1], [0.5], /forecast has 2 cells, area 1, region 2/],
    [[1, 2], [1, 1], [1, 0], [1, 1], [0.5], /area\[1\] is 0; a region cell's area must be a positive number/],
    [[1, 2], [1, -1], [1, 1], [1, 1], [0.5], /hotspotScores: actual\[1\] is -1/],
  ])('hotspotScores(%j, %j, %j, %j, %j) throws a specific error', (forecast, actual, area, region, coverages, message) => {
    expect(() => hotspotScores(forecast, actual, area, region, coverages)).toThrow(message);
  });
});
