/** The regression lesson on the app's bundled sample (Chicago, res 8, weekly) and on a toy panel. */
import { describe, expect, it } from 'vitest';
import { bundledSamplePanel } from '../../../test/fixtures/bundled-sample-panel';
import type { Panel } from '../grid/panel';
import { regionFromCells, type StudyRegion } from '../grid/study-region';
import type { LessonContext } from './lesson-context';
import { regressionLesson } from './regression-lesson';

const contextOf = (panel: Panel | null, region: StudyRegion | null = null): LessonContext => ({
  panel,
  region,
  signal: new AbortController().signal,
  progress: () => {},
});
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

describe('regressionLesson', () => {
  it('on a toy panel: period 0’s hottest cell, its long-run mean and the selection clamped to leave a next period', async () => {
    // 2 cells × 3 periods: c0 = 4, 1, 2; c1 = 0, 1, 2
    const panel: Panel = {
      res: 8,
      bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
      cells: ['a', 'b'],
      area: Float64Array.of(1, 1),
      periods: Float64Array.of(0, 7, 14),
      end: 21,
      counts: Float32Array.of(4, 0, 1, 1, 2, 2),
    };
    const out = await regressionLesson({ period: 0, k: 1, seed: 1 }, contextOf(panel));
    expect(out.topCells).toEqual(['a']);
    expect([...out.real.series]).toEqual([4, 1, 2, NaN, NaN]);
    expect(out.real.level).toBe(1.5); // (1 + 2)/2
    expect(out.real.change).toBe(-0.75); // 1/4 − 1
    expect(out.real.persistence).toBe(1); // period 1: 1 = 1, the tie goes to 'a'
    const clamped = await regressionLesson({ period: 99, k: 5, seed: 1 }, contextOf(panel));
    expect([clamped.period, clamped.k]).toEqual([1, 2]);
  });

  it('on the bundled sample: the 20 hottest cells of week 120 drop next week, and the world where nothing changes drops too', async () => {
    const out = await regressionLesson({ period: 120, k: 20, seed: 7 }, contextOf(bundledSamplePanel()));
    expect([out.cells, out.periods, out.period, out.k, out.runs]).toEqual([827, 253, 120, 20, 200]);
    expect([round(out.real.series[0]), round(out.real.series[1]), round(out.real.level), round(out.real.persistence)]).toEqual(MEASURED.real);
    expect(out.real.change).toBeLessThan(0);
    expect([round(out.expected.at), round(out.expected.next), round(out.expected.persistence)]).toEqual(MEASURED.expected);
    expect(out.expected.change).toBeLessThan(0);
  });

  it('honours the loaded boundary: only the cells inside it are followed', async () => {
    // 3 cells × 3 periods: a = 4, 1, 2 (outside the boundary); b = 0, 1, 2; c = 3, 0, 3
    const panel: Panel = {
      res: 8,
      bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
      cells: ['a', 'b', 'c'],
      area: Float64Array.of(1, 1, 1),
      periods: Float64Array.of(0, 7, 14),
      end: 21,
      counts: Float32Array.of(4, 0, 3, 1, 1, 0, 2, 2, 3),
    };
    const everywhere = await regressionLesson({ period: 0, k: 1, seed: 1 }, contextOf(panel));
    expect([everywhere.cells, ...everywhere.topCells]).toEqual([3, 'a']);
    const inside = await regressionLesson({ period: 0, k: 1, seed: 1 }, contextOf(panel, regionFromCells(panel, ['b', 'c'])));
    expect(inside.cells).toBe(2);
    expect(inside.topCells).toEqual(['c']);
    expect([...inside.real.series]).toEqual([3, 0, 3, NaN, NaN]);
    expect(inside.real.level).toBe(1.5); // (0 + 3)/2
    expect(inside.real.change).toBe(-1); // 0/3 − 1
    expect(inside.real.persistence).toBe(0); // period 1: b (1) is hotter than c (0)
  });

  it('needs a binned panel', async () => {
    await expect(regressionLesson({ period: 0, k: 1, seed: 1 }, contextOf(null))).rejects.toThrow(/needs binned data/);
  });
});

/** Measured on the bundled sample (seeded, deterministic). */
const MEASURED = {
  real: [5.05, 2.25, 2.0115, 0.2],
  expected: [4.7973, 2.1563, 0.15],
};
