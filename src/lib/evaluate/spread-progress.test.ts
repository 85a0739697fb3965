import { describe, expect, it } from 'vitest';
import { spreadProgress } from './spread-progress';

// Model 0: two baseline folds (cost 1 each); model 1: four learned folds (1,000 each), in two tasks of two folds.
const costs = [
  [1, 1],
  [1000, 1000, 1000, 1000],
];
const tasks = [
  { model: 1, from: 2, to: 4 },
  { model: 1, from: 0, to: 2 },
  { model: 0, from: 0, to: 2 },
];

describe('spreadProgress', () => {
  it('counts the cost of what is done, whatever the order folds run in', () => {
    const p = spreadProgress(costs, tasks);
    expect(p.fraction()).toBe(0);
    // Folds 2 and 0 of the learned model at once: half of fold 2's fit, a quarter of fold 0's.
    p.reach(1, 2, 0.5);
    p.reach(1, 0, 0.25);
    expect(p.fraction()).toBeCloseTo(750 / 4002, 12);
    expect(p.foldsDone(1)).toBe(0);
    // Fold 3 starts: fold 2 (the same task, run before it on the same worker) is done.
    p.reach(1, 3);
    expect(p.fraction()).toBeCloseTo(1250 / 4002, 12);
    expect(p.foldsDone(1)).toBe(1);
    // A share never goes back: a report of fold 0 at a lower step (a task run again) keeps 0.25.
    p.reach(1, 0, 0.1);
    expect(p.fraction()).toBeCloseTo(1250 / 4002, 12);
    p.finish(tasks[2]);
    expect([p.modelDone(0), p.foldsDone(0), p.modelDone(1)]).toEqual([true, 2, false]);
    expect(p.fraction()).toBeCloseTo(1252 / 4002, 12);
    p.finish(tasks[0]);
    p.finish(tasks[1]);
    expect([p.modelDone(1), p.foldsDone(1), p.fraction()]).toEqual([true, 4, 1]);
  });
});
