import { describe, expect, it } from 'vitest';
import { random } from '../base/random';
import { ewmaLevel, ewmaOf } from './baselines/ewma';
import { historicAverageLevel, historicAverageOf, meansOfSums } from './baselines/historic-average';
import { runningFor, type History } from './history';
import { panelRunner } from './running-levels';

/** The columns `columns` of the first `T` periods of a period-major matrix of `C` cells: what a restricted fold history holds. */
function restricted(counts: Float32Array, C: number, T: number, columns: Int32Array): Float32Array {
  const out = new Float32Array(T * columns.length);
  for (let p = 0; p < T; p++) columns.forEach((c, u) => (out[p * columns.length + u] = counts[p * C + c]));
  return out;
}

const bits = (a: Float32Array | Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('panelRunner(counts, cells)', () => {
  // 3 cells × 4 periods, period-major: cell 0 = 1, 0, 3, 2; cell 1 = 0, 2, 2, 4; cell 2 = 5, 0, 0, 1.
  const counts = Float32Array.of(1, 0, 5, 0, 2, 0, 3, 2, 0, 2, 4, 1);

  it('sums each cell over the periods before the cutoff: at 3, cell 0 = 1 + 0 + 3, cell 2 = 5 + 0 + 0', () => {
    const runner = panelRunner(counts, 3);
    expect(Array.from(runner.at(2).sums())).toEqual([1, 2, 5]);
    expect(Array.from(runner.at(3).sums())).toEqual([4, 4, 5]);
    expect(Array.from(runner.at(3, Int32Array.of(0, 2)).sums())).toEqual([4, 5]);
    expect(Array.from(runner.at(1).sums())).toEqual([1, 0, 5]); // an earlier cutoff starts again from period 0
  });

  it('runs the EWMA recursion: α = 0.5 on cell 0 gives ℓ = 1, 0.5, 1.75, 1.875', () => {
    const runner = panelRunner(counts, 3);
    expect(runner.at(3).ewma(0.5)[0]).toBe(1.75);
    expect(runner.at(4, Int32Array.of(0)).ewma(0.5)[0]).toBe(1.875);
    expect(Array.from(runner.at(1).ewma(0.5))).toEqual([1, 0, 5]); // ℓ_1 = y_1
    expect(Array.from(runner.at(4).ewma(1))).toEqual([2, 4, 1]); // α = 1 is the last period
  });

  it('reads nothing at or after the cutoff: NaN counts from the cutoff on leave the levels finite', () => {
    const poisoned = counts.slice();
    poisoned.fill(Number.NaN, 2 * 3);
    const at = panelRunner(poisoned, 3).at(2);
    expect(Array.from(at.sums())).toEqual([1, 2, 5]);
    expect(Array.from(at.ewma(0.3))).toEqual([0.7 * 1 + 0.3 * 0, 0.3 * 2, 0.7 * 5]);
  });

  it('rejects a cutoff outside 1 … periods and an α outside (0, 1]', () => {
    const runner = panelRunner(counts, 3);
    expect(() => runner.at(0)).toThrow(/cutoff must be a period index from 1 to 4, got 0/);
    expect(() => runner.at(5)).toThrow(/got 5/);
    expect(() => runner.at(2).ewma(0)).toThrow(/alpha must lie in \(0, 1\], got 0/);
  });

  it('gives bit for bit what historicAverageLevel and ewmaLevel give on each restricted history, cutoffs in any order (seeded random)', () => {
    const rng = random(14);
    for (let trial = 0; trial < 20; trial++) {
      const C = 1 + rng.int(40);
      const P = 1 + rng.int(60);
      // Counts, a third of them fractional (weights), so the float64 sums are not just integers.
      const panel = Float32Array.from({ length: P * C }, () => (rng.next() < 0.3 ? rng.next() * 7 : rng.poisson(1.5)));
      const runner = panelRunner(panel, C);
      const alpha = [0.3, 0.05 + rng.next() * 0.95][trial % 2];
      let T = 1 + rng.int(P);
      for (let read = 0; read < 12; read++) {
        const columns = Int32Array.from({ length: C }, (_, c) => c).filter(() => rng.next() < 0.8);
        if (columns.length === 0) continue;
        const history = restricted(panel, C, T, columns);
        const at = runner.at(T, columns);
        expect(bits(meansOfSums(at.sums(), T))).toBe(bits(historicAverageLevel(history, columns.length)));
        expect(bits(Float32Array.from(at.ewma(alpha)))).toBe(bits(ewmaLevel(history, columns.length, alpha)));
        T = rng.next() < 0.8 ? Math.min(P, T + rng.int(4)) : 1 + rng.int(P); // mostly forward, sometimes back
      }
    }
  });
});

describe('runningFor (kernels use carried levels only for the history they describe)', () => {
  // 2 cells × 4 periods: cell 0 = 1, 3, 5, 7; cell 1 = 2, 2, 2, 10.
  const counts = Float32Array.of(1, 2, 3, 2, 5, 2, 7, 10);
  const history = (T: number, running = panelRunner(counts, 2).at(T)): History =>
    ({ cells: ['a', 'b'], periods: new Float64Array(T), counts: counts.subarray(0, 2 * T), running }) as unknown as History;

  it('takes the levels of a history of the same periods and cells, and gives what a pass over its counts gives', () => {
    const h = history(3);
    expect(runningFor(h)).toBe(h.running);
    expect(Array.from(historicAverageOf(h))).toEqual([3, 2]);
    expect(bits(ewmaOf(h, 0.3))).toBe(bits(ewmaLevel(h.counts, 2, 0.3)));
  });

  it('ignores levels carried over from another span or other cells (a history copied with other counts): the counts decide', () => {
    const copied = history(2, panelRunner(counts, 2).at(4)); // levels over 4 periods, counts of 2
    expect(runningFor(copied)).toBeUndefined();
    expect(Array.from(historicAverageOf(copied))).toEqual([2, 2]); // not (1 + 3 + 5 + 7) / 2
    expect(bits(ewmaOf(copied, 0.3))).toBe(bits(ewmaLevel(copied.counts, 2, 0.3)));
    expect(runningFor({ ...history(3), cells: ['a'] } as History)).toBeUndefined();
  });
});
