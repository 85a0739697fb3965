import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { hitRate } from './hit-rate';
import { hotspotScores, type HotspotValues } from './hotspot-scores';
import { pai } from './pai';
import { pei } from './pei';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

/**
 * The rule from its definition, by brute force: every order of the region cells that keeps
 * forecasts non-increasing (every order of the tied cells), each walked until its area is
 * exactly c·A (the last cell in part); the mean, min and max of the incidents captured.
 * Equal areas only (there the expectation over orders is exactly the shared-share rule).
 */
function overEveryOrder(f: number[], y: number[], c: number): { mean: number; min: number; max: number } {
  const cells = f.map((_, i) => i);
  const results: number[] = [];
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) {
      if (prefix.every((cell, r) => r === 0 || f[prefix[r - 1]] >= f[cell])) {
        let left = c * f.length;
        let n = 0;
        for (const cell of prefix) {
          n += Math.max(0, Math.min(1, left)) * y[cell];
          left -= 1;
        }
        results.push(n);
      }
      return;
    }
    rest.forEach((cell, k) => permute([...prefix, cell], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  permute([], cells);
  return { mean: results.reduce((s, v) => s + v, 0) / results.length, min: Math.min(...results), max: Math.max(...results) };
}

/** n*: the most incidents any area of exactly c·A holds, partial cells allowed (greedy by incidents per m²). */
function hindsight(y: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, c: number): number {
  const cells = Array.from({ length: y.length }, (_, i) => i).filter((i) => region[i] === 1);
  const A = cells.reduce((s, i) => s + area[i], 0);
  cells.sort((i, j) => y[j] / area[j] - y[i] / area[i]);
  let left = c * A;
  let n = 0;
  for (const i of cells) {
    n += Math.max(0, Math.min(1, left / area[i])) * y[i];
    left -= area[i];
  }
  return n;
}

const values = (s: HotspotValues) => [s.captured, s.hitRate, s.pai, s.pei];

describe('hotspotScores', () => {
  test("ptools' test vectors: obs (6, 3, 0), pred (3, 2, 1) → PAI (2, 1.5, 1), PEI (1, 1, 1)", () => {
    // ptools' `pai` reports cumulative rows: after t of 3 unit-area cells the area share is t/3,
    // so its vectors are the coverages 1/3, 2/3, 1. N = 9, no ties.
    // c = 1/3: cell 0 → n = 6, PAI (6/9)/(1/3) = 2; n* = 6 → PEI 1
    // c = 2/3: cells 0, 1 → n = 9, PAI 1/(2/3) = 1.5; n* = 9 → PEI 1
    // c = 1: everything → PAI 1, PEI 1
    const scores = hotspotScores(new Float32Array([3, 2, 1]), new Float32Array([6, 3, 0]), equalAreas(3), wholeRegion(3), [1 / 3, 2 / 3, 1]);
    expect(scores.map((s) => s.cells)).toEqual([1, 2, 3]);
    expect(scores.map((s) => s.hitRate)).toEqual([6 / 9, 1, 1]);
    expect(scores.map((s) => s.pai.toFixed(12))).toEqual(['2.000000000000', '1.500000000000', '1.000000000000']);
    expect(scores.map((s) => s.pei)).toEqual([1, 1, 1]);
  });

  test("ptools' documented example, obs (6, 7, 3, 2, 1, 0) / pred (8, 4, 4, 2, 1, 0), recomputed by hand under the rule", () => {
    // Unit areas, A = 6, N = 19. Ranking: cell 0 (pred 8, obs 6); the tie {1, 2} (pred 4, obs 7
    // and 3, area 2, 10 incidents); cell 3 (2 → 2); cell 4 (1 → 1); cell 5 (0 → 0).
    // Hindsight order by obs per m²: 7, 6, 3, 2, 1, 0.
    // c = 1/6 (1 m²): cell 0 → n = 6; PAI = (6/19)/(1/6) = 36/19; n* = 7 → PEI 6/7. No tie cut.
    // c = 2/6 (2 m²): cell 0 + 1 m² of the 2 m² tie, share ½ → n = 6 + 10/2 = 11;
    //   PAI = (11/19)/(1/3) = 33/19; n* = 7 + 6 = 13 → PEI 11/13.
    //   worst-first (3 before 7): n = 9, PAI 27/19 (ptools' pessimistic value); best-first: n = 13, PAI 39/19, PEI 1.
    // c = 1/4 (1.5 m²): cell 0 + 0.5 m² of the tie, share ¼ → n = 6 + 10/4 = 8.5; PAI = (8.5/19)/(1/4) = 34/19;
    //   n* = 7 + 0.5·6 = 10 → PEI 0.85; worst n = 6 + 0.5·3 = 7.5; best n = 6 + 0.5·7 = 9.5.
    // c = 3/6: cells 0, 1, 2 → n = 16; PAI = (16/19)/(1/2) = 32/19; n* = 7 + 6 + 3 = 16 → PEI 1.
    // c = 4/6: + cell 3 → n = 18; PAI = (18/19)/(2/3) = 27/19; n* = 18 → PEI 1.
    // c = 5/6: + cell 4 → n = 19; PAI = 6/5; PEI 1.   c = 1: PAI 1, PEI 1.
    const obs = [6, 7, 3, 2, 1, 0];
    const pred = [8, 4, 4, 2, 1, 0];
    const coverages = [1 / 6, 2 / 6, 1 / 4, 3 / 6, 4 / 6, 5 / 6, 1];
    const scores = hotspotScores(pred, obs, equalAreas(6), wholeRegion(6), coverages);
    const expected = [
      [6, 36 / 19, 6 / 7],
      [11, 33 / 19, 11 / 13],
      [8.5, 34 / 19, 0.85],
      [16, 32 / 19, 1],
      [18, 27 / 19, 1],
      [19, 6 / 5, 1],
      [19, 1, 1],
    ];
    scores.forEach((s, j) => {
      expect(s.captured).toBeCloseTo(expected[j][0], 12);
      expect(s.hitRate).toBeCloseTo(expected[j][0] / 19, 12);
      expect(s.pai).toBeCloseTo(expected[j][1], 12);
      expect(s.pei).toBeCloseTo(expected[j][2], 12);
    });
    expect([scores[1].tied, scores[1].share, scores[1].worst.captured, scores[1].best.captured]).toEqual([2, 0.5, 9, 13]);
    expect(scores[1].worst.pai).toBeCloseTo(27 / 19, 12);
    expect(scores[1].best.pai).toBeCloseTo(39 / 19, 12);
    expect(scores[1].best.pei).toBe(1);
    expect([scores[2].share, scores[2].worst.captured, scores[2].best.captured]).toEqual([0.25, 7.5, 9.5]);
    expect(scores[2].hindsight).toBe(10);
    expect(scores[3].tied).toBe(0); // 3 m² ends on the tie's edge: no range
    expect([scores[3].worst.pai, scores[3].best.pai]).toEqual([scores[3].pai, scores[3].pai]);
  });

  test('a tie-heavy case by hand: four cells tied at 1, six at 0', () => {
    // Unit areas, A = 10; obs (2, 0, 0, 0 | 1, 1, 0, 0, 0, 3), N = 7; hindsight order 3, 2, 1, 1, 0, …
    // c = 0.2 (2 m²): half of the 4 m² tie {0–3} (2 incidents) → n = 1; hit 1/7; PAI (1/7)/0.2 = 5/7;
    //   n* = 3 + 2 = 5 → PEI 0.2; worst n = 0 (two empty cells); best n = 2 (cell 0, then an empty one).
    // c = 0.45 (4.5 m²): the whole first tie (2) + 0.5 m² of the 6 m² tie {4–9} (5 incidents), share 1/12
    //   → n = 2 + 5/12 = 29/12; n* = 3 + 2 + 1 + 1 + 0.5·0 = 7 → PEI 29/84; worst 2; best 2 + 0.5·3 = 3.5.
    // c = 0.5 (5 m²): share 1/6 → n = 2 + 5/6 = 17/6; PAI (17/42)/0.5 = 17/21; worst 2; best 5.
    const f = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    const y = [2, 0, 0, 0, 1, 1, 0, 0, 0, 3];
    const [s20, s45, s50] = hotspotScores(f, y, equalAreas(10), wholeRegion(10), [0.2, 0.45, 0.5]);
    expect([s20.cells, s20.tied, s20.share]).toEqual([0, 4, 0.5]);
    expect(s20.captured).toBe(1);
    expect(s20.pai).toBeCloseTo(5 / 7, 12);
    expect(s20.pei).toBeCloseTo(0.2, 12);
    expect([s20.worst.captured, s20.best.captured, s20.worst.pei, s20.best.pei]).toEqual([0, 2, 0, 0.4]);
    expect([s45.cells, s45.tied]).toEqual([4, 6]);
    expect(s45.captured).toBeCloseTo(29 / 12, 12);
    expect(s45.pei).toBeCloseTo(29 / 84, 12);
    expect([s45.worst.captured, s45.best.captured]).toEqual([2, 3.5]);
    expect(s50.captured).toBeCloseTo(17 / 6, 12);
    expect(s50.pai).toBeCloseTo(17 / 21, 12);
    expect([s50.worst.captured, s50.best.captured]).toEqual([2, 5]);
  });

  test('the expectation, worst and best are the mean, min and max over every order of the tied cells (brute force, 7 cells)', () => {
    const rng = random(5);
    for (let trial = 0; trial < 12; trial++) {
      const f = Array.from({ length: 7 }, () => Math.floor(rng.next() * 3));
      const y = Array.from({ length: 7 }, () => Math.floor(rng.next() * 4));
      const coverages = [0.1, 0.25, 3 / 7, 0.5, 0.8];
      const scores = hotspotScores(f, y, equalAreas(7), wholeRegion(7), coverages);
      coverages.forEach((c, j) => {
        const all = overEveryOrder(f, y, c);
        expect(scores[j].captured).toBeCloseTo(all.mean, 10);
        expect(scores[j].worst.captured).toBeCloseTo(all.min, 10);
        expect(scores[j].best.captured).toBeCloseTo(all.max, 10);
      });
    }
  });

  test('relabelling or reordering the cells never changes a score (seeded data, many ties, unequal areas)', () => {
    for (const seed of [11, 12, 13]) {
      const { forecast, actual, area, region } = seededCounts(seed, 300);
      for (let i = 0; i < forecast.length; i++) forecast[i] = Math.round(forecast[i] * 2) / 2; // many ties
      forecast[9] = NaN;
      const rng = random(seed + 100);
      const perm = Array.from({ length: forecast.length }, (_, i) => i);
      for (let i = perm.length - 1; i > 0; i--) {
        const k = Math.floor(rng.next() * (i + 1));
        [perm[i], perm[k]] = [perm[k], perm[i]];
      }
      const shuffle = <T extends Float32Array | Float64Array | Uint8Array>(a: T): T => a.map((_, i) => a[perm[i]]) as T;
      const coverages = [0.01, 0.05, 0.1, 0.33, 1];
      const before = hotspotScores(forecast, actual, area, region, coverages);
      const after = hotspotScores(shuffle(forecast), shuffle(actual), shuffle(area), shuffle(region), coverages);
      expect(after.map((s) => [...values(s), ...values(s.worst), ...values(s.best), s.tied, s.share])).toEqual(
        before.map((s) => [...values(s), ...values(s.worst), ...values(s.best), s.tied, s.share]),
      );
      expect(before.some((s) => s.tied > 1)).toBe(true); // the ties do reach the boundary
    }
  });

  test('PEI* stays in [0, 1] and n* is the greedy fractional optimum, on seeded data with ties, NaN and cells outside the region', () => {
    const coverages = [0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 1];
    for (const seed of [21, 22, 23]) {
      const { forecast, actual, area, region } = seededCounts(seed, 400);
      for (let i = 0; i < forecast.length; i++) forecast[i] = Math.round(forecast[i] * 4) / 4;
      forecast[7] = NaN;
      const scores = hotspotScores(forecast, actual, area, region, coverages);
      coverages.forEach((c, j) => {
        const s = scores[j];
        expect(s.hindsight).toBeCloseTo(hindsight(actual, area, region, c), 9);
        for (const v of [s, s.worst, s.best]) {
          expect(v.pei).toBeGreaterThanOrEqual(0);
          expect(v.pei).toBeLessThanOrEqual(1);
        }
        expect(s.worst.captured).toBeLessThanOrEqual(s.captured + 1e-9);
        expect(s.best.captured).toBeGreaterThanOrEqual(s.captured - 1e-9);
        expect(s.pai).toBeCloseTo(s.hitRate / c, 12);
        expect(hitRate(forecast, actual, area, region, c)).toBe(s.hitRate);
        expect(pai(forecast, actual, area, region, c)).toBe(s.pai);
        expect(pei(forecast, actual, area, region, c)).toBe(s.pei);
      });
    }
  });

  test('hotspotScores(…) returns results in the order of the coverages asked for', () => {
    const scores = hotspotScores([3, 2, 1], [6, 3, 0], equalAreas(3), wholeRegion(3), [1, 1 / 3]);
    expect(scores.map((s) => [s.coverage, s.cells, s.captured, s.total])).toEqual([
      [1, 3, 9, 9],
      [1 / 3, 1, 6, 9],
    ]);
  });

  test('hotspotScores(…) counts incidents outside the region in N but never flags their cells', () => {
    // Cell 3 has the highest forecast but lies outside the region. N = 8, A = 3.
    // c = 1/3 → cell 0: n = 4, hit rate 4/8, PAI 0.5/(1/3) = 1.5, n* = 4 → PEI 1.
    const [s] = hotspotScores([3, 2, 1, 9], [4, 0, 0, 4], equalAreas(4), [1, 1, 1, 0], [1 / 3]);
    expect([s.cells, s.captured, s.total, s.hitRate, s.pei]).toEqual([1, 4, 8, 0.5, 1]);
    expect(s.pai).toBeCloseTo(1.5, 12);
  });

  test('hotspotScores(…) flags exactly c·A: the boundary cell is taken in part, unequal areas', () => {
    // Areas (1, 2, 1), A = 4, c = 0.5 → 2 m²: cell 0 (1 m²) and half of cell 1 (2 m²).
    // actual (1, 1, 2): n = 1 + 0.5 = 1.5, N = 4 → hit rate 0.375, PAI 0.375/0.5 = 0.75.
    // n*: densities 1, 0.5, 2 → cell 2 (1 m², 2) + cell 0 (1 m², 1) = 3 → PEI 0.5.
    const [s] = hotspotScores([3, 2, 1], [1, 1, 2], [1, 2, 1], wholeRegion(3), [0.5]);
    expect([s.cells, s.tied, s.share, s.area, s.captured, s.hitRate, s.pai, s.pei]).toEqual([1, 1, 0.5, 2, 1.5, 0.375, 0.75, 0.5]);
  });

  test.each([
    ['no incidents anywhere (N = 0)', [1, 0], [0, 0], [1, 1], { hitRate: NaN, pai: NaN, pei: NaN }],
    ['a NaN count', [1, 0], [NaN, 1], [1, 1], { hitRate: NaN, pai: NaN, pei: NaN }],
    ['an empty region: nothing flagged, PAI and PEI undefined', [1, 0], [2, 1], [0, 0], { hitRate: 0, pai: NaN, pei: NaN }],
    ['every incident outside the region (n* = 0)', [1, 0, 5], [0, 0, 3], [1, 1, 0], { hitRate: 0, pai: 0, pei: NaN }],
    ['all-zero forecast: the tie shares its fate', [0, 0], [1, 3], [1, 1], { hitRate: 0.5, pai: 1, pei: 2 / 3 }],
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
