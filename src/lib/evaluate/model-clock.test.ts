import { describe, expect, it } from 'vitest';
import { isCurvePoint, modelClock, PROGRESS_INTERVAL_MS } from './model-clock';

describe('modelClock', () => {
  it('lets a model’s first report and every edge out, and the rest once per interval, per model', () => {
    let t = 0;
    const clock = modelClock(() => t);
    expect([clock.due(0, false), clock.due(1, false)]).toEqual([true, true]); // first reports
    t = PROGRESS_INTERVAL_MS - 1;
    expect([clock.due(0, false), clock.due(0, true)]).toEqual([false, true]); // too soon; an edge goes anyway
    t += PROGRESS_INTERVAL_MS - 1; // 48 ms after model 0's edge, 98 ms after model 1's first report
    expect([clock.due(0, false), clock.due(1, false)]).toEqual([false, true]);
  });
});

describe('isCurvePoint', () => {
  it('is true for a loss point of a curve of at most 100 steps only', () => {
    expect(isCurvePoint({ stage: 'newton', step: 2, steps: 8, loss: 1.3, elapsedMs: 0 })).toBe(true);
    expect(isCurvePoint({ stage: 'epoch', step: 100, steps: 100, loss: 0.9, elapsedMs: 0 })).toBe(true);
    expect(isCurvePoint({ stage: 'em', step: 7, steps: 101, loss: 1, elapsedMs: 0 })).toBe(false);
    expect(isCurvePoint({ stage: 'epoch', step: 4, steps: 6, elapsedMs: 0 })).toBe(false); // no loss
    expect(isCurvePoint({ stage: 'em', step: 4, loss: 1, elapsedMs: 0 })).toBe(false); // steps unknown
    expect(isCurvePoint(undefined)).toBe(false);
  });
});
