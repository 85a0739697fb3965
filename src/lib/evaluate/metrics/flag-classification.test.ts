import { describe, expect, test } from 'vitest';
import { auc } from './auc';
import { flagAccuracy } from './flag-accuracy';
import { flagPrecision } from './flag-precision';
import { flagWeights } from './flag-weights';
import { hitRate } from './hit-rate';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

describe('flagWeights', () => {
  test('flagWeights([3, 1, 1, 0], equal areas, all in region, 0.5) flags cell 0 whole and half of the tie {1, 2}', () => {
    expect(Array.from(flagWeights([3, 1, 1, 0], equalAreas(4), wholeRegion(4), 0.5))).toEqual([1, 0.5, 0.5, 0]);
  });
  test('flagWeights(…) leaves cells outside the region at 0', () => {
    expect(Array.from(flagWeights([9, 3, 1], equalAreas(3), [0, 1, 1], 0.5))).toEqual([0, 1, 0]);
  });
});

describe('flagPrecision', () => {
  test.each([
    // flagged (whole) cells and their incidents → hits / flagged
    [0.25, 1], // cell 0 (y = 2): 1/1
    [0.5, 1 / 2], // cells 0, 1: y = 2, 0 → 1/2
    [0.75, 2 / 3], // cells 0, 1, 2: y = 2, 0, 1 → 2/3
    [1, 2 / 4], // every cell: 2 of 4 had an incident
  ])('flagPrecision([3, 2, 1, 0], [2, 0, 1, 0], equal areas, all in region, %d) = %d', (coverage, expected) => {
    expect(flagPrecision([3, 2, 1, 0], [2, 0, 1, 0], equalAreas(4), wholeRegion(4), coverage)).toBeCloseTo(expected, 12);
  });

  test('flagPrecision(…) counts a flagged cell once however many incidents it had', () => {
    expect(flagPrecision([3, 2], [50, 0], equalAreas(2), wholeRegion(2), 1)).toBe(0.5);
  });

  test('flagPrecision(…) shares ties: a constant forecast scores the share of cells with an incident (random selection)', () => {
    // all tied: every cell flagged in share c; precision = Σ c·[y>0] / Σ c = 2/5 at any c
    expect(flagPrecision([1, 1, 1, 1, 1], [1, 0, 4, 0, 0], equalAreas(5), wholeRegion(5), 0.2)).toBeCloseTo(0.4, 12);
    expect(flagPrecision([0, 0, 0, 0, 0], [1, 0, 4, 0, 0], equalAreas(5), wholeRegion(5), 0.6)).toBeCloseTo(0.4, 12);
  });

  test('flagPrecision(forecast, actual, …) matches the formula on seeded data (no ties: distinct forecasts)', () => {
    const { actual, area, region } = seededCounts(31, 400);
    const forecast = Float64Array.from({ length: 400 }, (_, i) => (i * 7919) % 401); // distinct values
    const c = 0.2;
    // reference: region cells by forecast desc, whole cells while area fits, the next one in part
    const cells = [...Array(400).keys()].filter((i) => region[i] === 1).sort((i, j) => forecast[j] - forecast[i]);
    const A = cells.reduce((s, i) => s + area[i], 0);
    let left = c * A;
    let flagged = 0;
    let hits = 0;
    for (const i of cells) {
      const share = Math.min(1, left / area[i]);
      if (share <= 0) break;
      flagged += share;
      hits += actual[i] > 0 ? share : 0;
      left -= share * area[i];
    }
    expect(flagPrecision(forecast, actual, area, region, c)).toBeCloseTo(hits / flagged, 10);
  });

  test.each([
    ['empty', [], [], NaN],
    ['all zero counts', [2, 1], [0, 0], 0],
    ['a NaN count in a flagged cell', [2, 1], [NaN, 1], NaN],
    ['a NaN count in an unflagged cell', [2, 1], [1, NaN], 1],
  ])('flagPrecision(forecast, actual, area, region, 0.5) edge case: %s', (_, forecast, actual, expected) => {
    expect(flagPrecision(forecast, actual, equalAreas(forecast.length), wholeRegion(forecast.length), 0.5)).toEqual(expected);
  });
});

describe('flagAccuracy', () => {
  test.each([
    [0.25, 3 / 4], // flag cell 0 (hit); right: 0, 1, 3
    [0.5, 2 / 4], // flag 0, 1: right 0, 3
    [0.75, 3 / 4], // flag 0, 1, 2: right 0, 2, 3
    [1, 2 / 4], // flag all: right 0, 2
  ])('flagAccuracy([3, 2, 1, 0], [2, 0, 1, 0], equal areas, all in region, %d) = %d', (coverage, expected) => {
    expect(flagAccuracy([3, 2, 1, 0], [2, 0, 1, 0], equalAreas(4), wholeRegion(4), coverage)).toBeCloseTo(expected, 12);
  });

  test('flagAccuracy(…) on sparse data: 1 incident in 100 cells scores 0.98 with a useless flag, 1.00 with a perfect one', () => {
    const actual = new Float64Array(100);
    actual[37] = 1;
    const useless = Float64Array.from({ length: 100 }, (_, i) => (i === 0 ? 1 : 0)); // flags cell 0: wrong twice
    const perfect = Float64Array.from({ length: 100 }, (_, i) => (i === 37 ? 1 : 0));
    expect(flagAccuracy(useless, actual, equalAreas(100), wholeRegion(100), 0.01)).toBeCloseTo(98 / 100, 12);
    expect(flagAccuracy(perfect, actual, equalAreas(100), wholeRegion(100), 0.01)).toBe(1);
  });

  test('flagAccuracy(…, 0) flags nothing: the share of empty cells (here 98 of 100)', () => {
    const actual = new Float64Array(100);
    actual[3] = 2;
    actual[60] = 1;
    expect(flagAccuracy(new Float64Array(100), actual, equalAreas(100), wholeRegion(100), 0)).toBeCloseTo(0.98, 12);
    expect(flagPrecision(new Float64Array(100), actual, equalAreas(100), wholeRegion(100), 0)).toBeNaN();
  });

  test('flagAccuracy(…) counts only region cells', () => {
    // region = cells 1, 2; flag cell 1 (forecast 3): right (y=1); cell 2 unflagged, empty: right
    expect(flagAccuracy([9, 3, 1], [5, 1, 0], equalAreas(3), [0, 1, 1], 0.5)).toBe(1);
  });

  test('flagAccuracy(forecast, actual, …) matches the formula on seeded data', () => {
    const { actual, area, region } = seededCounts(32, 300);
    const forecast = Float64Array.from({ length: 300 }, (_, i) => (i * 7919) % 307);
    const w = flagWeights(forecast, area, region, 0.1);
    let right = 0;
    let R = 0;
    for (let i = 0; i < 300; i++) {
      if (region[i] !== 1) continue;
      R++;
      right += actual[i] > 0 ? w[i] : 1 - w[i];
    }
    expect(flagAccuracy(forecast, actual, area, region, 0.1)).toBeCloseTo(right / R, 12);
  });

  test.each([
    ['empty region', [1, 2], [1, 0], [0, 0], NaN],
    ['all zero counts, flag half: half right', [2, 1], [0, 0], [1, 1], 0.5],
    ['a NaN count', [2, 1], [NaN, 0], [1, 1], NaN],
  ])('flagAccuracy(forecast, actual, area, region, 0.5) edge case: %s', (_, forecast, actual, region, expected) => {
    expect(flagAccuracy(forecast, actual, equalAreas(forecast.length), region, 0.5)).toEqual(expected);
  });
});

describe('auc', () => {
  test('auc([3, 2, 1, 0], [2, 0, 1, 0], all in region) = 3/4 (pairs (0,1) (0,3) (2,3) right, (2,1) wrong)', () => {
    expect(auc([3, 2, 1, 0], [2, 0, 1, 0], wholeRegion(4))).toBe(0.75);
  });

  test.each([
    ['a tie between a positive and a negative counts ½', [1, 1], [1, 0], 0.5],
    ['a constant forecast is chance', [0, 0, 0, 0], [1, 0, 3, 0], 0.5],
    ['a perfect ranking', [5, 0, 4, 1], [1, 0, 3, 0], 1],
    ['a reversed ranking', [0, 5, 1, 4], [1, 0, 3, 0], 0],
    // positives f = 2, 1; negatives f = 2, 0: (2 vs 2) ½ + (2 vs 0) 1 + (1 vs 2) 0 + (1 vs 0) 1 = 2.5 / 4
    ['ties among mixed cells', [2, 2, 1, 0], [1, 0, 1, 0], 0.625],
  ])('auc(…): %s', (_, forecast, actual, expected) => {
    expect(auc(forecast, actual, wholeRegion(forecast.length))).toBe(expected);
  });

  test('auc(forecast, actual, region) matches the pairwise definition on seeded data (with ties)', () => {
    const { forecast, actual, region } = seededCounts(33, 250); // every fifth forecast is 0: ties
    let sum = 0;
    let pairs = 0;
    for (let p = 0; p < 250; p++) {
      if (region[p] !== 1 || !(actual[p] > 0)) continue;
      for (let q = 0; q < 250; q++) {
        if (region[q] !== 1 || actual[q] !== 0) continue;
        pairs++;
        sum += forecast[p] > forecast[q] ? 1 : forecast[p] === forecast[q] ? 0.5 : 0;
      }
    }
    expect(auc(forecast, actual, region)).toBeCloseTo(sum / pairs, 12);
  });

  test.each([
    ['empty', [], []],
    ['no incident', [1, 2], [0, 0]],
    ['every cell an incident', [1, 2], [1, 3]],
    ['a NaN forecast', [NaN, 2], [1, 0]],
    ['a NaN count', [1, 2], [NaN, 0]],
  ])('auc(…) edge case: %s → NaN', (_, forecast, actual) => {
    expect(auc(forecast, actual, wholeRegion(forecast.length))).toBeNaN();
  });

  test('the flagged cells of precision and accuracy are those of hitRate', () => {
    // hitRate flags cells 0 and half of {1, 2}: 2 + 0.5·(0 + 1) = 2.5 of 3 incidents
    expect(hitRate([3, 1, 1, 0], [2, 0, 1, 0], equalAreas(4), wholeRegion(4), 0.5)).toBeCloseTo(2.5 / 3, 12);
    // precision: weights 1, ½, ½ over 2 cells; hits 1 + ½ → 0.75
    expect(flagPrecision([3, 1, 1, 0], [2, 0, 1, 0], equalAreas(4), wholeRegion(4), 0.5)).toBeCloseTo(0.75, 12);
  });

  test('they throw on mismatched lengths and negative counts', () => {
    expect(() => auc([1], [1, 2], [1])).toThrow(/auc: forecast has 1 values but actual has 2/);
    expect(() => flagPrecision([1, 2], [1, -1], [1, 1], [1, 1], 0.5)).toThrow(/flagPrecision: actual\[1\] is -1/);
    expect(() => flagAccuracy([1], [1], [1], [1], 1.5)).toThrow(/coverage must lie in \[0, 1\]/);
  });
});
