import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { hitRate } from './hit-rate';
import { hitRateBySelection } from './hit-rate-by-selection';
import { equalAreas, seededCounts, wholeRegion } from './test-fixtures';

/** Equal to 1e-12 relative, NaN equal to NaN. */
function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('hitRateBySelection', () => {
  test('flags whole groups, then the boundary group in part (hand-computed)', () => {
    // Cell 0 whole (area 1 of 2), then half of the tie {1, 2}: 6 + 0.5 · (7 + 3) of 16.
    expect(hitRateBySelection([3, 2, 2, 1], [6, 7, 3, 0], equalAreas(4), wholeRegion(4), 0.5)).toBe(11 / 16);
    expect(hitRateBySelection([3, 2, 1], [6, 3, 0], equalAreas(3), wholeRegion(3), 1 / 3)).toBeCloseTo(6 / 9, 15);
    // Incidents outside the region count in N only.
    expect(hitRateBySelection([3, 2, 1], [6, 3, 1], equalAreas(3), [1, 1, 0], 0.5)).toBe(6 / 10);
  });

  test('−0 and +0 are one group, negative forecasts rank below zero (both methods)', () => {
    for (const f of [[-0, 0, -1, 2], Float32Array.of(-0, 0, -1, 2)]) {
      // 2 (cell 3) whole, then the tie {−0, +0} in half: 1 + 0.5 · (4 + 2) of 10.
      expect(hitRateBySelection(f, [4, 2, 3, 1], equalAreas(4), wholeRegion(4), 0.5)).toBeCloseTo(4 / 10, 15);
    }
  });

  test('NaN forecasts come last as one group; N = 0 or a NaN count gives NaN', () => {
    for (const f of [[NaN, 1, NaN, 2], Float32Array.of(NaN, 1, NaN, 2)]) {
      expect(hitRateBySelection(f, [4, 1, 2, 3], equalAreas(4), wholeRegion(4), 0.75)).toBeCloseTo((3 + 1 + 0.5 * 6) / 10, 15);
    }
    expect(hitRateBySelection([1, 2], [0, 0], equalAreas(2), wholeRegion(2), 0.5)).toBeNaN();
    expect(hitRateBySelection([1, 2], [NaN, 1], equalAreas(2), wholeRegion(2), 0.5)).toBeNaN();
  });

  test('equals the ranking-based hitRate on seeded data: ties, zeros, NaN, unequal areas, partial regions', () => {
    const rng = random(14);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rng.next() * 400);
      const { forecast, actual, area, region } = seededCounts(trial, n);
      // Every third trial: few distinct forecasts (many ties), as the flat baselines make; some NaN.
      if (trial % 3 === 0) for (let i = 0; i < n; i++) forecast[i] = Math.floor(rng.next() * 4);
      if (trial % 4 === 1) for (let i = 0; i < n; i += 7) forecast[i] = Number.NaN;
      if (trial % 5 === 2) area.fill(1e5); // equal areas: edges of groups fall exactly on c·A
      for (const c of [0.01, 0.05, 0.1, 1 / 3, 0.5, 1]) {
        const expected = hitRate(forecast, actual, area, region, c);
        // Float32Array forecasts are selected on their bits, other arrays by quickselect: both must agree.
        for (const [method, f] of [
          ['bits', forecast],
          ['quickselect', Array.from(forecast)],
        ] as const) {
          const got = hitRateBySelection(f, actual, area, region, c);
          if (!close(got, expected)) throw new Error(`trial ${trial}, n ${n}, c ${c}, ${method}: ${got} by selection, ${expected} by ranking`);
        }
      }
    }
  });

  test('throws as hitRate does on bad input', () => {
    expect(() => hitRateBySelection([1], [-1], [1], [1], 0.5)).toThrow(/actual\[0\] is -1/);
    expect(() => hitRateBySelection([1], [1], [0], [1], 0.5)).toThrow(/area\[0\] is 0/);
    expect(() => hitRateBySelection([1], [1], [1], [1], 0)).toThrow(/coverage/);
    expect(() => hitRateBySelection([1, 2], [1], [1, 1], [1, 1], 0.5)).toThrow(/one value per cell/);
  });
});
