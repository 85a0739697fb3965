import { describe, expect, it } from 'vitest';
import { mergeFoldsForecasts, splitFoldTasks } from './fold-tasks';

describe('splitFoldTasks(costs, refitEvery, parts)', () => {
  it('cuts a learned model into one task a fold when every fold refits (4 × 1000, quarter-share 500)', () => {
    expect(splitFoldTasks([[1000, 1000, 1000, 1000]], 1, 2)).toEqual([
      { model: 0, from: 0, to: 1 },
      { model: 0, from: 1, to: 2 },
      { model: 0, from: 2, to: 3 },
      { model: 0, from: 3, to: 4 },
    ]);
  });
  it('cuts only at refit folds: refitEvery 2 keeps folds 0–1 and 2–3 together', () => {
    expect(splitFoldTasks([[1000, 1, 1000, 1]], 2, 2)).toEqual([
      { model: 0, from: 0, to: 2 },
      { model: 0, from: 2, to: 4 },
    ]);
  });
  it('keeps cheap models whole and puts the costliest first', () => {
    // Whole cost 2 + 2 + 2000 = 2004; a quarter of a helper's share is 250.5.
    expect(
      splitFoldTasks(
        [
          [1, 1],
          [1000, 1000],
          [1, 1],
        ],
        1,
        2,
      ),
    ).toEqual([
      { model: 1, from: 0, to: 1 },
      { model: 1, from: 1, to: 2 },
      { model: 0, from: 0, to: 2 },
      { model: 2, from: 0, to: 2 },
    ]);
  });
});

describe('mergeFoldsForecasts(parts, names, size)', () => {
  it('puts each task back at its folds and concatenates logs and fitted folds in fold order', () => {
    const part = (from: number, to: number, values: number[]) => ({
      task: { model: 0, from, to },
      values: new Float32Array(values),
      logs: [],
      fittedFolds: [from],
      fitMs: 1,
      predictMs: 2,
    });
    // 3 folds × 2 cells (horizon 1), given out of order.
    const [merged] = mergeFoldsForecasts([part(1, 3, [3, 4, 5, 6]), part(0, 1, [1, 2])], ['m'], 6);
    expect(Array.from(merged.values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(merged.fittedFolds).toEqual([0, 1]);
    expect([merged.fitMs, merged.predictMs]).toEqual([2, 4]);
  });
});
