import { describe, expect, it } from 'vitest';
import type { Panel } from '../grid/panel';
import { syntheticPanel } from '../simulate/synthetic-panel';
import type { LessonContext } from './lesson-context';
import { paintLesson } from './paint-lesson';

// 61 cells (4 rings) × 60 weeks, risk falling off from the centre: every cell has incidents early on.
const { panel } = syntheticPanel({ rings: 4, periods: 60, seed: 2, rate: ({ ring }) => 3 / (1 + ring) });
const context = (given: Panel | null = panel): LessonContext => ({ panel: given, region: null, signal: new AbortController().signal, progress: () => {} });

describe('paintLesson', () => {
  it('before the picks: the history up to the cutoff and a budget of 5 % of the region (61 cells → 3), nothing about the cutoff period', async () => {
    const out = await paintLesson({ seed: 1, cutoff: 40, picks: null }, context());
    expect([out.world, out.cells.length, out.budget, out.cutoff, out.recentPeriods]).toEqual(['panel', 61, 3, 40, 8]);
    expect(out.coverage).toBeCloseTo(3 / 61, 12);
    expect(out.cutoffRange).toEqual([26, 59]);
    expect(out.result).toBeNull();
    // Recent counts: the sum of periods 32–39 for each cell.
    const C = panel.cells.length;
    let sum = 0;
    for (let p = 32; p < 40; p++) sum += panel.counts[p * C];
    expect(out.recent[0]).toBe(sum);
  });

  it('never reads the cutoff period or later before the picks: changing them changes nothing shown', async () => {
    const changed = { ...panel, counts: panel.counts.map((v, i) => (i >= 40 * panel.cells.length ? v + 5 : v)) };
    const [a, b] = await Promise.all([
      paintLesson({ seed: 1, cutoff: 40, picks: null }, context()),
      paintLesson({ seed: 1, cutoff: 40, picks: null }, context(changed)),
    ]);
    expect(Array.from(b.recent)).toEqual(Array.from(a.recent));
    expect(b.cells).toEqual(a.cells);
  });

  it('chooses the cutoff from the seed, reproducibly, within its range', async () => {
    const [a, b] = await Promise.all([
      paintLesson({ seed: 9, cutoff: null, picks: null }, context()),
      paintLesson({ seed: 9, cutoff: null, picks: null }, context()),
    ]);
    expect(a.cutoff).toBe(b.cutoff);
    expect(a.cutoff).toBeGreaterThanOrEqual(26);
    expect(a.cutoff).toBeLessThanOrEqual(59);
  });

  it('after the picks: scores them with naive, historic average, KDE, hindsight and random, each flagging c·A of the region', async () => {
    const first = await paintLesson({ seed: 1, cutoff: 40, picks: null }, context());
    const picks = [first.cells[0], first.cells[1], first.cells[2]];
    const out = await paintLesson({ seed: 1, cutoff: 40, picks }, context());
    const scores = out.result!.scores;
    expect(scores.map((s) => s.kind)).toEqual(['picks', 'model', 'model', 'model', 'oracle', 'random']);
    const C = panel.cells.length;
    expect(out.result!.total).toBe(panel.counts.subarray(40 * C, 41 * C).reduce((a, b) => a + b, 0));
    const regionArea = panel.area.reduce((a, b) => a + b, 0);
    for (const s of scores) {
      const flagged = Array.from(s.flags).reduce((sum, f, i) => sum + f * panel.area[i], 0);
      expect(flagged / regionArea).toBeCloseTo(3 / 61, 5);
      expect(s.hitRate).toBeLessThanOrEqual(scores[4].hitRate + 1e-9); // nobody beats hindsight
    }
    expect(scores[5].pai).toBeCloseTo(1, 10); // random selection: PAI 1 exactly, in expectation
  });

  it('refuses more picks than the budget and a cell outside the region', async () => {
    const first = await paintLesson({ seed: 1, cutoff: 40, picks: null }, context());
    await expect(paintLesson({ seed: 1, cutoff: 40, picks: first.cells.slice(0, 4) }, context())).rejects.toThrow('4 cells picked; the budget is 3');
    await expect(paintLesson({ seed: 1, cutoff: 40, picks: ['8826641b3ffffff'] }, context())).rejects.toThrow('is not in the study region');
  });

  it('falls back to a synthetic patch of 127 cells × 104 weeks without binned data', async () => {
    const out = await paintLesson({ seed: 3, cutoff: null, picks: null }, context(null));
    expect([out.world, out.cells.length, out.budget]).toEqual(['synthetic', 127, 6]);
  });
});
